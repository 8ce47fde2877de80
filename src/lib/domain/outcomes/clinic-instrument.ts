/*
 * Whether a clinic-supplied definition (docs/clinical-rules.md §4: licensed instruments such as Oswestry,
 * Roland-Morris or STarT Back, whose text the clinic holds) may be used beside the built-in ones.
 * Pure: the loader in server/outcomes reads the files and passes their parsed JSON here.
 */
import { BUILTIN_INSTRUMENTS } from './builtin-instruments';
import { parseInstrumentDefinition, type InstrumentDefinitionResult } from './instrument';

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

const BUILTIN_CODES: ReadonlySet<string> = new Set(BUILTIN_INSTRUMENTS.map((i) => i.code));

/**
 * A definition as `parseInstrumentDefinition` reads it, refused also when its code is a built-in
 * one (its scores would be taken for the shipped measure's) or already used by another file of the
 * clinic (`taken`), when its items are named by the patient (the console records fixed items
 * only, and PSFS is already built in), and when a labelled scale leaves a value without a label.
 */
export function readClinicInstrument(value: unknown, taken: ReadonlySet<string> = new Set()): InstrumentDefinitionResult {
	const parsed = parseInstrumentDefinition(value);
	if (!parsed.ok) return parsed;
	const { code, items, scale } = parsed.instrument;
	const problems: string[] = [];
	if (BUILTIN_CODES.has(code)) problems.push(`code: "${code}" is a built-in instrument; give the clinic's instrument another code`);
	else if (taken.has(code)) problems.push(`code: "${code}" is already defined by another file`);
	if (items.kind !== 'fixed') problems.push("items: only 'fixed' items can be recorded from the console");
	// A labelled scale offers only its anchors as answers: a value without one could not be chosen.
	const unlabelled = scale.labelled ? range(scale.min, scale.max).filter((v) => !scale.anchors.some((a) => a.value === v)) : [];
	if (unlabelled.length > 0) problems.push(`scale.anchors: a labelled scale needs a label for every value (missing: ${unlabelled.join(', ')})`);
	return problems.length > 0 ? { ok: false, problems } : parsed;
}
