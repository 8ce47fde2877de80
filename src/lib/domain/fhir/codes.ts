/*
 * Code systems of the export (issue #7, "Open data"). Standard systems where a code exists and is
 * certain; everything of our own lives in a CodeSystem under the clinic's origin, so a receiver can
 * tell local codes from LOINC or SNOMED CT at a glance. No code here is made up in a standard system.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { CodeableConcept, Coding, Quantity, Reference } from './types';

export const SNOMED_CT = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const BCP_47 = 'urn:ietf:bcp:47';
/** Name representation (ideographic, syllabic, alphabetic), as JP Core uses it for kanji and kana. */
export const NAME_REPRESENTATION = 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation';

export const HL7 = {
	actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
	observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
	observationInterpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
	conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
	conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
	conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
	consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
	adverseEventSeverity: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity',
	adverseEventSeriousness: 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness',
	adverseEventOutcome: 'http://terminology.hl7.org/CodeSystem/adverse-event-outcome'
} as const;

/** SNOMED CT 23056005 |Sciatica (disorder)|. */
export const SCIATICA: Coding = { system: SNOMED_CT, code: '23056005', display: 'Sciatica' };
/** LOINC 72514-3: pain severity, 0–10 verbal numeric rating, reported. Used for leg and back NRS. */
export const PAIN_NRS: Coding = { system: LOINC, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' };
/** LOINC 59284-0 |Consent Document|, the category the R4 examples give every consent. */
export const CONSENT_DOCUMENT: Coding = { system: LOINC, code: '59284-0', display: 'Consent Document' };
/** SNOMED CT 60161006 |Acupuncture needle, device|, from the R4 device-kind value set. */
export const ACUPUNCTURE_NEEDLE: Coding = { system: SNOMED_CT, code: '60161006', display: 'Acupuncture needle, device' };
/** SNOMED CT body structures of the two legs, where an examination finding was made. */
export const LOWER_LIMB: Record<'left' | 'right', Coding> = {
	left: { system: SNOMED_CT, code: '32153003', display: 'Structure of left lower limb' },
	right: { system: SNOMED_CT, code: '62175007', display: 'Structure of right lower limb' }
};

/** Where the export is served from: `https://clinic.example` (no trailing slash). */
export interface FhirContext {
	origin: string;
}

/** The names of our own code systems; each is `{origin}/fhir/CodeSystem/{name}`. */
export type LocalCodeSystem =
	| 'outcome-measure'
	| 'sbi-item'
	| 'psfs-item'
	| 'service'
	| 'qualification'
	| 'intake-answer'
	| 'procedure'
	| 'acupoint'
	| 'adverse-event-kind'
	| 'patient-number'
	| 'exam-finding'
	| 'reflex-grade'
	| 'nerve-root'
	| 'tcm-pattern'
	| 'red-flag';

export function fhirBase(ctx: FhirContext): string {
	return `${ctx.origin}/fhir/R4`;
}

export function localSystem(ctx: FhirContext, name: LocalCodeSystem): string {
	return `${ctx.origin}/fhir/CodeSystem/${name}`;
}

export function localCoding(ctx: FhirContext, name: LocalCodeSystem, code: string, display?: string): Coding {
	return display ? { system: localSystem(ctx, name), code, display } : { system: localSystem(ctx, name), code };
}

export function concept(coding: Coding, text?: string): CodeableConcept {
	return text ? { coding: [coding], text } : { coding: [coding] };
}

/** A score has no physical unit: UCUM writes it as the annotation `{score}`. */
export function score(value: number): Quantity {
	return { value, unit: '{score}', system: UCUM, code: '{score}' };
}

/** An angle in degrees (UCUM `deg`), as a goniometer or an eye reads a straight-leg raise. */
export function degrees(value: number): Quantity {
	return { value, unit: 'deg', system: UCUM, code: 'deg' };
}

/** A literal reference, typed as the resource it points at so a field accepts only the kinds R4 allows. */
export function referenceTo<K extends Resource['resourceType']>(
	resourceType: K,
	id: string,
	display?: string
): Reference<Extract<Resource, { resourceType: K }>> {
	return display ? { reference: `${resourceType}/${id}`, display } : { reference: `${resourceType}/${id}` };
}

/**
 * FHIR strings may not be empty (`^[ \r\n\t\S]+$`): an empty column becomes an absent element.
 * Returns the trimmed text, or undefined.
 */
export function present(value: string | null | undefined): string | undefined {
	const text = value?.trim();
	return text ? text : undefined;
}

/** Drops the keys whose value is undefined, so absent data is absent in the JSON too. */
export function compact<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const XHTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** A narrative that carries free text no structured element holds (R4 Narrative: XHTML div). */
export function textNarrative(text: string): { status: 'additional'; div: string } {
	const escaped = text.replace(/[&<>"]/g, (c) => XHTML_ESCAPES[c]!).replace(/\n/g, '<br/>');
	return { status: 'additional', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escaped}</p></div>` };
}
