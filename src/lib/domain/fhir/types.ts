/*
 * FHIR R4 (4.0.1) resources, typed with the published `@medplum/fhirtypes` definitions (issue
 * #21) rather than a hand-written subset, so a resource the export builds is checked against the
 * standard's own element names and value sets. The few aliases below name the parts of those
 * types the builders share.
 */
import type * as R4 from '@medplum/fhirtypes';

export type {
	Annotation,
	Attachment,
	CodeableConcept,
	Coding,
	ContactPoint,
	Extension,
	HumanName,
	Identifier,
	Narrative,
	ObservationComponent,
	OperationOutcome,
	Period,
	Quantity,
	QuestionnaireResponseItem,
	Reference,
	Timing
} from '@medplum/fhirtypes';

/** Every resource the export writes has an id, so references to it can always be made. */
type WithId<T> = T & { id: string };

export type AdverseEvent = WithId<R4.AdverseEvent>;
export type Appointment = WithId<R4.Appointment>;
export type CarePlan = WithId<R4.CarePlan>;
export type ClinicalImpression = WithId<R4.ClinicalImpression>;
export type Condition = WithId<R4.Condition>;
export type Consent = WithId<R4.Consent>;
export type Encounter = WithId<R4.Encounter>;
export type Goal = WithId<R4.Goal>;
export type Observation = WithId<R4.Observation>;
export type Patient = WithId<R4.Patient>;
export type Practitioner = WithId<R4.Practitioner>;
export type Procedure = WithId<R4.Procedure>;
export type QuestionnaireResponse = WithId<R4.QuestionnaireResponse>;
export type ServiceRequest = WithId<R4.ServiceRequest>;

export type AppointmentStatusCode = Appointment['status'];
export type RequestStatus = CarePlan['status'];
export type QuestionnaireResponseAnswer = R4.QuestionnaireResponseItemAnswer;

/** The value[x] choices of an Observation or its component that the export writes. */
export type ObservationValue = Pick<R4.ObservationComponent, 'valueQuantity' | 'valueCodeableConcept' | 'valueBoolean'>;

/** The resources shinkyu exports. */
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

/** The export's search-set entries always carry their resource and its full URL. */
export type BundleEntry = Omit<R4.BundleEntry<FhirResource>, 'fullUrl' | 'resource'> & { fullUrl: string; resource: FhirResource };
export type Bundle = Omit<R4.Bundle<FhirResource>, 'id' | 'entry'> & { id: string; entry: BundleEntry[] };
