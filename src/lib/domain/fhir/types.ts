/*
 * The part of FHIR R4 (4.0.1) that shinkyu writes, typed as the specification names it. Only the
 * elements we fill are listed; names and cardinalities follow hl7.org/fhir/R4 exactly, so a
 * resource built with these types is also a resource in the standard's JSON form.
 */

export interface Coding {
	system: string;
	code: string;
	display?: string;
}

export interface CodeableConcept {
	coding?: Coding[];
	text?: string;
	extension?: Extension[];
}

export interface Extension {
	url: string;
	valueCode?: string;
	valueString?: string;
}

export interface Reference {
	reference: string;
	display?: string;
}

export interface Identifier {
	system?: string;
	value: string;
}

export interface Quantity {
	value: number;
	unit: string;
	system: string;
	code: string;
}

export interface Period {
	start?: string;
	end?: string;
}

/** Only the repeat of R4 Timing: how often, and how many times in all. */
export interface Timing {
	repeat?: { count?: number; frequency?: number; period?: number; periodUnit?: 's' | 'min' | 'h' | 'd' | 'wk' | 'mo' | 'a' };
}

export interface HumanName {
	use?: 'usual' | 'official' | 'temp' | 'nickname' | 'anonymous' | 'old' | 'maiden';
	text?: string;
	family?: string;
	given?: string[];
	extension?: Extension[];
}

export interface ContactPoint {
	system: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other';
	value: string;
	use?: 'home' | 'work' | 'temp' | 'old' | 'mobile';
}

export interface Narrative {
	status: 'generated' | 'extensions' | 'additional' | 'empty';
	div: string;
}

export interface Annotation {
	text: string;
	time?: string;
}

export interface Attachment {
	title?: string;
	url?: string;
	creation?: string;
}

interface ResourceBase {
	id: string;
	text?: Narrative;
}

export interface Patient extends ResourceBase {
	resourceType: 'Patient';
	identifier?: Identifier[];
	active: boolean;
	name: HumanName[];
	telecom?: ContactPoint[];
	gender?: 'male' | 'female' | 'other' | 'unknown';
	birthDate?: string;
	address?: { text?: string; postalCode?: string; country?: string }[];
	communication?: { language: CodeableConcept; preferred?: boolean }[];
	link?: { other: Reference; type: 'replaced-by' | 'replaces' | 'refer' | 'seealso' }[];
}

export interface Practitioner extends ResourceBase {
	resourceType: 'Practitioner';
	active: boolean;
	name: HumanName[];
	qualification?: { identifier?: Identifier[]; code: CodeableConcept }[];
}

export type AppointmentStatusCode = 'proposed' | 'pending' | 'booked' | 'arrived' | 'fulfilled' | 'cancelled' | 'noshow' | 'entered-in-error' | 'checked-in' | 'waitlist';

export interface Appointment extends ResourceBase {
	resourceType: 'Appointment';
	status: AppointmentStatusCode;
	serviceType?: CodeableConcept[];
	appointmentType?: CodeableConcept;
	start: string;
	end: string;
	created?: string;
	comment?: string;
	participant: { actor: Reference; status: 'accepted' | 'declined' | 'tentative' | 'needs-action'; required?: 'required' | 'optional' | 'information-only' }[];
}

export interface Encounter extends ResourceBase {
	resourceType: 'Encounter';
	status: 'planned' | 'arrived' | 'triaged' | 'in-progress' | 'onleave' | 'finished' | 'cancelled' | 'entered-in-error' | 'unknown';
	class: Coding;
	type?: CodeableConcept[];
	subject: Reference;
	participant?: { individual: Reference }[];
	appointment?: Reference[];
	period: Period;
}

export interface Condition extends ResourceBase {
	resourceType: 'Condition';
	clinicalStatus: CodeableConcept;
	verificationStatus: CodeableConcept;
	category: CodeableConcept[];
	code: CodeableConcept;
	bodySite?: CodeableConcept[];
	subject: Reference;
	onsetString?: string;
	recordedDate?: string;
	evidence?: { code?: CodeableConcept[]; detail?: Reference[] }[];
	note?: Annotation[];
}

/** One value of R4's value[x]: the types the export writes. */
export interface ObservationValue {
	valueQuantity?: Quantity;
	valueCodeableConcept?: CodeableConcept;
	valueBoolean?: boolean;
}

export interface ObservationComponent extends ObservationValue {
	code: CodeableConcept;
}

export interface Observation extends ResourceBase, ObservationValue {
	resourceType: 'Observation';
	status: 'final';
	category: CodeableConcept[];
	code: CodeableConcept;
	subject: Reference;
	encounter?: Reference;
	effectiveDateTime: string;
	performer?: Reference[];
	interpretation?: CodeableConcept[];
	bodySite?: CodeableConcept;
	component?: ObservationComponent[];
}

export interface ClinicalImpression extends ResourceBase {
	resourceType: 'ClinicalImpression';
	status: 'in-progress' | 'completed' | 'entered-in-error';
	code?: CodeableConcept;
	subject: Reference;
	encounter?: Reference;
	effectiveDateTime?: string;
	date?: string;
	assessor?: Reference;
	problem?: Reference[];
	investigation?: { code: CodeableConcept; item?: Reference[] }[];
	summary?: string;
	finding?: { itemCodeableConcept?: CodeableConcept; itemReference?: Reference; basis?: string }[];
	note?: Annotation[];
}

export type RequestStatus = 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';

export interface CarePlan extends ResourceBase {
	resourceType: 'CarePlan';
	status: RequestStatus;
	intent: 'proposal' | 'plan' | 'order' | 'option';
	title?: string;
	subject: Reference;
	period?: Period;
	created?: string;
	author?: Reference;
	replaces?: Reference[];
	addresses?: Reference[];
	goal?: Reference[];
	activity?: { reference: Reference }[];
	note?: Annotation[];
}

export interface Goal extends ResourceBase {
	resourceType: 'Goal';
	lifecycleStatus: 'proposed' | 'planned' | 'accepted' | 'active' | 'on-hold' | 'completed' | 'cancelled' | 'entered-in-error' | 'rejected';
	description: CodeableConcept;
	subject: Reference;
	target?: { dueDate?: string }[];
	expressedBy?: Reference;
	addresses?: Reference[];
}

export interface ServiceRequest extends ResourceBase {
	resourceType: 'ServiceRequest';
	basedOn?: Reference[];
	status: RequestStatus;
	intent: 'proposal' | 'plan' | 'directive' | 'order' | 'original-order' | 'reflex-order' | 'filler-order' | 'instance-order' | 'option';
	code?: CodeableConcept;
	orderDetail?: CodeableConcept[];
	subject: Reference;
	occurrenceTiming?: Timing;
	authoredOn?: string;
	requester?: Reference;
	reasonReference?: Reference[];
	bodySite?: CodeableConcept[];
}

export interface Procedure extends ResourceBase {
	resourceType: 'Procedure';
	status: 'preparation' | 'in-progress' | 'not-done' | 'on-hold' | 'stopped' | 'completed' | 'entered-in-error' | 'unknown';
	code: CodeableConcept;
	subject: Reference;
	encounter?: Reference;
	performedPeriod: Period;
	performer?: { actor: Reference }[];
	bodySite?: CodeableConcept[];
	usedCode?: CodeableConcept[];
	note?: Annotation[];
}

export interface QuestionnaireResponseAnswer {
	valueString?: string;
	valueBoolean?: boolean;
	valueInteger?: number;
	valueDecimal?: number;
	valueCoding?: Coding;
}

export interface QuestionnaireResponseItem {
	linkId: string;
	answer?: QuestionnaireResponseAnswer[];
	item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse extends ResourceBase {
	resourceType: 'QuestionnaireResponse';
	questionnaire: string;
	status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
	subject: Reference;
	encounter?: Reference;
	authored: string;
	author?: Reference;
	item?: QuestionnaireResponseItem[];
}

export interface Consent extends ResourceBase {
	resourceType: 'Consent';
	status: 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive' | 'entered-in-error';
	scope: CodeableConcept;
	category: CodeableConcept[];
	patient: Reference;
	dateTime: string;
	performer?: Reference[];
	sourceAttachment?: Attachment;
	policy: { uri: string }[];
	provision: { type: 'deny' | 'permit' };
}

export interface AdverseEvent extends ResourceBase {
	resourceType: 'AdverseEvent';
	actuality: 'actual' | 'potential';
	event: CodeableConcept;
	subject: Reference;
	encounter?: Reference;
	date: string;
	recordedDate?: string;
	seriousness: CodeableConcept;
	severity: CodeableConcept;
	outcome?: CodeableConcept;
	recorder?: Reference;
	suspectEntity?: { instance: Reference }[];
}

export interface OperationOutcome {
	resourceType: 'OperationOutcome';
	issue: { severity: 'fatal' | 'error' | 'warning' | 'information'; code: string; diagnostics?: string }[];
}

export type FhirResource =
	| Patient
	| Practitioner
	| Appointment
	| Encounter
	| Condition
	| Observation
	| ClinicalImpression
	| CarePlan
	| Goal
	| ServiceRequest
	| Procedure
	| QuestionnaireResponse
	| Consent
	| AdverseEvent;

export interface BundleEntry {
	fullUrl: string;
	resource: FhirResource;
	search: { mode: 'match' | 'include' };
}

export interface Bundle {
	resourceType: 'Bundle';
	id: string;
	meta: { lastUpdated: string };
	type: 'searchset';
	total: number;
	link: { relation: string; url: string }[];
	entry: BundleEntry[];
}
