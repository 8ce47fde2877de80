/*
 * A treatment session (issue #7 session record) as a Procedure: acupuncture, with every point
 * needled as a body site (the point code in our acupoint system, its side as text and as an
 * extension), the needles as the device used, and the practitioner's notes.
 */
import { findAcupoint } from '../acupoints/points';
import { ACUPUNCTURE_NEEDLE, compact, concept, localCoding, present, referenceTo, type FhirContext } from './codes';
import type { CodeableConcept, Procedure } from './types';

export interface SessionRow {
	id: string;
	patient_id: string;
	appointment_id: string | null;
	started_at: string;
	closed_at: string | null;
	needles_in: number;
	notes: string;
	/** The practitioner row of the staff member who treated, when there is one. */
	practitioner_id: string | null;
}

export interface SessionPointRow {
	code: string;
	side: 'left' | 'right' | 'both' | 'midline';
}

export interface ProcedureContext extends FhirContext {
	encounterIds: ReadonlySet<string>;
}

export const ACUPOINT_SIDE_EXTENSION = '/fhir/StructureDefinition/acupoint-side';

/** A needled or planned point as a body site: the code in our acupoint system, the side as an extension. */
export function acupointBodySite(point: SessionPointRow, ctx: FhirContext): CodeableConcept {
	const known = findAcupoint(point.code);
	const display = known ? `${known.code} ${known.pinyin} (${known.japanese.kanji})` : point.code;
	return {
		extension: [{ url: `${ctx.origin}${ACUPOINT_SIDE_EXTENSION}`, valueCode: point.side }],
		coding: [localCoding(ctx, 'acupoint', point.code, display)],
		text: `${point.code} ${point.side}`
	};
}

export function sessionProcedure(session: SessionRow, points: readonly SessionPointRow[], ctx: ProcedureContext): Procedure {
	const notes = present(session.notes);
	return compact({
		resourceType: 'Procedure' as const,
		id: session.id,
		// A session stays open until the needle counts match; then it is done.
		status: session.closed_at ? ('completed' as const) : ('in-progress' as const),
		code: concept(localCoding(ctx, 'procedure', 'acupuncture', 'Acupuncture'), 'Acupuncture'),
		subject: referenceTo('Patient', session.patient_id),
		encounter: session.appointment_id && ctx.encounterIds.has(session.appointment_id) ? referenceTo('Encounter', session.appointment_id) : undefined,
		performedPeriod: compact({ start: session.started_at, end: session.closed_at ?? undefined }),
		performer: session.practitioner_id ? [{ actor: referenceTo('Practitioner', session.practitioner_id) }] : undefined,
		bodySite: points.length > 0 ? points.map((p) => acupointBodySite(p, ctx)) : undefined,
		usedCode: session.needles_in > 0 ? [concept(ACUPUNCTURE_NEEDLE, `${session.needles_in} needles`)] : undefined,
		note: notes ? [{ text: notes }] : undefined
	});
}
