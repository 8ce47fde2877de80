import fs from 'node:fs/promises';
import path from 'node:path';
import { readClinicInstrument } from '../../domain/outcomes/clinic-instrument';
import type { Instrument } from '../../domain/outcomes/instrument';
import { readConfig } from '../config';
import { logger } from '../log';

/*
 * The clinic's own instruments (docs/clinical-rules.md §4): every *.json file in INSTRUMENTS_DIR, read once.
 * A file that cannot be used is logged with its name and reasons and skipped, so one bad file
 * never keeps the clinic from working; the format is in docs/instruments/README.md.
 */

export interface RefusedDefinition {
	file: string;
	problems: string[];
}

export interface InstrumentDirectory {
	/** In file-name order, which is the order the console lists them. */
	instruments: Instrument[];
	refused: RefusedDefinition[];
}

/** Where skipped files are reported; the app's pino logger fits. */
export interface InstrumentLog {
	warn(details: object, message: string): void;
	info(details: object, message: string): void;
}

async function readJson(file: string): Promise<{ ok: true; value: unknown } | { ok: false; problem: string }> {
	let text: string;
	try {
		text = await fs.readFile(file, 'utf8');
	} catch (error) {
		return { ok: false, problem: `cannot be read: ${(error as Error).message}` };
	}
	try {
		// Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
		return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
	} catch (error) {
		return { ok: false, problem: `not valid JSON: ${(error as Error).message}` };
	}
}

/** Reads and checks every definition in `dir`; a folder that does not exist holds none. */
export async function readInstrumentDirectory(dir: string): Promise<InstrumentDirectory> {
	let names: string[];
	try {
		names = (await fs.readdir(dir)).filter((name) => name.toLowerCase().endsWith('.json')).sort();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { instruments: [], refused: [] };
		return { instruments: [], refused: [{ file: dir, problems: [`the folder cannot be read: ${(error as Error).message}`] }] };
	}
	const instruments: Instrument[] = [];
	const refused: RefusedDefinition[] = [];
	const taken = new Set<string>();
	for (const name of names) {
		const json = await readJson(path.join(dir, name));
		const result = json.ok ? readClinicInstrument(json.value, taken) : { ok: false as const, problems: [json.problem] };
		if (!result.ok) {
			refused.push({ file: name, problems: result.problems });
			continue;
		}
		taken.add(result.instrument.code);
		instruments.push(result.instrument);
	}
	return { instruments, refused };
}

const loaded = new Map<string, Promise<readonly Instrument[]>>();

/**
 * The clinic's instruments, read from the folder on first use and kept for the life of the
 * process (a changed file takes effect at the next start). Skipped files are logged once.
 */
export function clinicInstruments(dir: string = readConfig().instrumentsDir, log: InstrumentLog = logger): Promise<readonly Instrument[]> {
	let instruments = loaded.get(dir);
	if (!instruments) {
		instruments = readInstrumentDirectory(dir).then(({ instruments: found, refused }) => {
			for (const { file, problems } of refused) log.warn({ dir, file, problems }, `instrument definition ${file} skipped: ${problems.join('; ')}`);
			if (found.length > 0) log.info({ dir, codes: found.map((i) => i.code) }, `${found.length} clinic instrument(s) loaded`);
			return found;
		});
		loaded.set(dir, instruments);
	}
	return instruments;
}

/** For tests: the next call reads the folder again. */
export function forgetClinicInstruments(): void {
	loaded.clear();
}
