import { z } from 'zod';
import { ZSignInSchema } from '../auth/schemas';
import { ZCreateBookingSchema } from '../booking/schemas';
import { ZTriageRequestSchema } from '../triage/schemas';
import { ZJoinWaitlistSchema } from '../waitlist/schemas';

/*
 * The OpenAPI 3.1 description of `/api/v1` (docs/contracts.md). Request bodies come
 * from the same Zod schemas the endpoints validate with, so the description cannot drift from
 * what the server accepts; a test checks that every API route is described.
 */

type JsonSchema = Record<string, unknown>;

const requestSchema = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const localized = { type: 'object', required: ['ja', 'en'], properties: { ja: { type: 'string' }, en: { type: 'string' } } };
const id = { type: 'string', description: 'An opaque id (UUID).' };
const instant = { type: 'string', format: 'date-time', description: 'ISO 8601 with the clinic offset, e.g. 2026-12-01T10:00:00+09:00' };

const jsonBody = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });
const ok = (description: string, schema: JsonSchema) => ({ description, ...jsonBody(schema) });
const error = (description: string) => ({ description, ...jsonBody(ref('Error')) });
/** FHIR answers in its own media type; the resources are described by the FHIR R4 specification. */
const fhir = (description: string) => ({
	description,
	content: { 'application/fhir+json': { schema: { type: 'object', required: ['resourceType'], externalDocs: { url: 'https://hl7.org/fhir/R4/' } } } }
});

const STAFF = [{ staffSession: [] }];
const query = (name: string, description: string, required = true, schema: JsonSchema = { type: 'string' }) => ({
	name,
	in: 'query',
	required,
	description,
	schema
});

const acupoint = {
	type: 'object',
	required: ['code', 'pinyin', 'hanzi', 'japanese', 'meridian', 'location', 'cautions', 'chart'],
	properties: {
		code: { type: 'string', examples: ['BL40'] },
		pinyin: { type: 'string' },
		hanzi: { type: 'string' },
		japanese: { type: 'object', properties: { kanji: { type: 'string' }, reading: { type: 'string' } } },
		meridian: { type: 'string' },
		location: localized,
		cautions: { type: 'array', items: localized },
		chart: { type: 'object', properties: { view: { type: 'string', enum: ['front', 'back', 'side'] }, x: { type: 'number' }, y: { type: 'number' } } }
	}
};

export function openApiDocument(version: string, serverUrl: string): JsonSchema {
	return {
		openapi: '3.1.0',
		info: {
			title: 'shinkyu API',
			version,
			description: 'The practice system of an acupuncture clinic. Errors always have the shape { error: { code, message, fields? } }.',
			license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' }
		},
		servers: [{ url: serverUrl }],
		components: {
			securitySchemes: {
				staffSession: { type: 'apiKey', in: 'cookie', name: 'shinkyu_staff', description: 'Set by POST /api/v1/auth/login.' },
				manageToken: { type: 'http', scheme: 'bearer', description: 'The token of a booking’s manage link (the last part of manageUrl).' }
			},
			schemas: {
				Error: {
					type: 'object',
					required: ['error'],
					properties: {
						error: {
							type: 'object',
							required: ['code', 'message'],
							properties: {
								code: { type: 'string' },
								message: { type: 'string', description: 'In the language of Accept-Language (ja or en).' },
								fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'A message per invalid field.' }
							}
						}
					}
				},
				Acupoint: acupoint,
				RedFlagError: {
					type: 'object',
					required: ['error'],
					description: 'The self-check answers sent with a booking reach emergency or urgent care (docs/clinical-rules.md §1). Nothing was written.',
					properties: {
						error: {
							type: 'object',
							required: ['code', 'level', 'reasons', 'message', 'advice'],
							properties: {
								code: { const: 'red_flag' },
								level: { enum: ['emergency', 'urgent'] },
								reasons: { type: 'array', items: { type: 'string' }, description: 'Every rule that fired, in the order of the rules.' },
								message: { type: 'string', description: 'In the language of Accept-Language (ja or en).' },
								advice: { ...localized, description: 'What to do now: call 119 or go to an emergency department; or see a doctor today, #7119 for advice.' }
							}
						}
					}
				}
			}
		},
		paths: {
			'/api/v1/health': {
				get: {
					summary: 'Whether the service and its database answer',
					responses: {
						200: ok('Healthy', {
							type: 'object',
							properties: { status: { const: 'ok' }, database: { enum: ['sqlite', 'postgres'] }, version: { type: 'string' } }
						}),
						503: error('The database does not answer')
					}
				}
			},
			'/api/v1/openapi.json': {
				get: { summary: 'This description', responses: { 200: ok('OpenAPI 3.1 document', { type: 'object' }) } }
			},
			'/api/v1/services': {
				get: {
					summary: 'Services that can be booked online',
					responses: {
						200: ok('Services', {
							type: 'array',
							items: {
								type: 'object',
								properties: { id, code: { type: 'string' }, name: localized, durationMinutes: { type: 'integer' }, priceJpy: { type: 'integer' } }
							}
						})
					}
				}
			},
			'/api/v1/practitioners': {
				get: {
					summary: 'Active practitioners',
					responses: { 200: ok('Practitioners', { type: 'array', items: { type: 'object', properties: { id, name: localized } } }) }
				}
			},
			'/api/v1/availability': {
				get: {
					summary: 'Free slots for a service in a date range',
					parameters: [
						query('service', 'Service id'),
						query('from', 'First clinic-local day, YYYY-MM-DD', true, { type: 'string', format: 'date' }),
						query('to', 'Last clinic-local day, YYYY-MM-DD, within the booking window', true, { type: 'string', format: 'date' }),
						query('practitioner', 'Only this practitioner', false)
					],
					responses: {
						200: ok('Free slots', {
							type: 'object',
							properties: {
								timeZone: { type: 'string', examples: ['Asia/Tokyo'] },
								slots: { type: 'array', items: { type: 'object', properties: { start: instant, end: instant, practitionerId: id } } }
							}
						}),
						404: error('Unknown service or practitioner'),
						422: error('Bad dates, a reversed range or a range beyond the booking window')
					}
				}
			},
			'/api/v1/bookings': {
				post: {
					summary: 'Book an appointment without an account',
					parameters: [
						{
							name: 'Idempotency-Key',
							in: 'header',
							required: false,
							description: 'A retry with the same key returns the first response.',
							schema: { type: 'string', maxLength: 200 }
						}
					],
					requestBody: { required: true, ...jsonBody(requestSchema(ZCreateBookingSchema)) },
					responses: {
						201: ok('Booked', {
							type: 'object',
							properties: {
								id,
								status: { enum: ['confirmed', 'pending_approval'] },
								start: instant,
								end: instant,
								practitionerId: id,
								manageUrl: { type: 'string', format: 'uri' }
							}
						}),
						409: error('slot_taken: the slot is gone; too_many_upcoming: the patient already holds the clinic’s limit of upcoming visits'),
						415: error('The body is not JSON'),
						422: {
							description:
								'validation_failed: bad input, with a message per field (bad `triage` answers included); or red_flag: the `triage` answers assess as emergency or urgent, the booking is refused and nothing is written. A see_doctor level books, and the appointment keeps the level and reasons for the practitioner.',
							...jsonBody({ oneOf: [ref('Error'), ref('RedFlagError')] })
						}
					}
				}
			},
			'/api/v1/bookings/{id}/cancel': {
				post: {
					summary: 'Cancel a booking with its manage link’s token',
					description:
						'The same rules as the manage page: until the clinic’s cancellation cutoff. The freed time is offered to the waiting list. The body may be empty JSON ({}).',
					security: [{ manageToken: [] }],
					parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
					responses: {
						200: ok('Cancelled', { type: 'object', required: ['id', 'status'], properties: { id, status: { const: 'cancelled' } } }),
						401: error('unauthorized: no token, a wrong token, or the token of another booking'),
						409: error('past_cutoff: too late to cancel online (call the clinic); already_cancelled')
					}
				}
			},
			'/api/v1/waitlist': {
				post: {
					summary: 'Join the waiting list (キャンセル待ち)',
					description:
						'When a time that fits frees up, whoever has waited longest is e-mailed an offer and the time is held for them for the clinic’s hold time (default 30 minutes); meanwhile availability does not show it and booking it is 409 slot_taken. `times` are clinic-local weekdays (0 = Sunday) and HH:MM windows; none means any time.',
					requestBody: { required: true, ...jsonBody(requestSchema(ZJoinWaitlistSchema)) },
					responses: {
						201: ok('On the list', {
							type: 'object',
							required: ['id', 'status', 'manageUrl'],
							properties: {
								id,
								status: { const: 'waiting' },
								manageUrl: { type: 'string', format: 'uri', description: 'The patient’s page to see or leave the list.' }
							}
						}),
						404: error('service_not_found or practitioner_not_found'),
						415: error('The body is not JSON'),
						422: error('validation_failed: bad input, with a message per field')
					}
				}
			},
			'/api/v1/triage': {
				post: {
					summary: 'The symptom self-check: red flags first',
					requestBody: { required: true, ...jsonBody(requestSchema(ZTriageRequestSchema)) },
					responses: {
						200: ok('The level, the reasons and advice', {
							type: 'object',
							properties: {
								level: { enum: ['emergency', 'urgent', 'see_doctor', 'routine'] },
								reasons: { type: 'array', items: { type: 'string' } },
								advice: localized
							}
						}),
						422: error('Bad answers')
					}
				}
			},
			'/api/v1/line/webhook': {
				post: {
					summary: "LINE's webhook: follow, unfollow, postback (a reminder's answer) and message events",
					description:
						'Called by LINE only. `X-Line-Signature` must be the base64 HMAC-SHA256 of the raw body under the channel secret (checked in constant time). A valid call is answered 200 at once and its events are handled through the job queue, each `webhookEventId` once. Without the LINE settings the route is 404.',
					parameters: [{ name: 'X-Line-Signature', in: 'header', required: true, schema: { type: 'string' } }],
					requestBody: {
						required: true,
						...jsonBody({
							type: 'object',
							properties: { destination: { type: 'string' }, events: { type: 'array', items: { type: 'object' } } },
							required: ['events']
						})
					},
					responses: {
						200: { description: 'Accepted; the events are queued' },
						401: error('Missing or wrong signature: nothing was done'),
						404: error('LINE is not set up on this server')
					}
				}
			},
			'/api/v1/acupoints': {
				get: { summary: 'The acupoint atlas', responses: { 200: ok('Acupoints', { type: 'array', items: ref('Acupoint') }) } }
			},
			'/api/v1/acupoints/{code}': {
				get: {
					summary: 'One acupoint',
					parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', examples: ['BL40'] } }],
					responses: { 200: ok('The acupoint', ref('Acupoint')), 404: error('Unknown code') }
				}
			},
			'/api/v1/auth/login': {
				post: {
					summary: 'Staff sign-in; sets the session cookie',
					requestBody: { required: true, ...jsonBody(requestSchema(ZSignInSchema)) },
					responses: {
						200: ok('Signed in; `next` is "totp" when a second factor is still needed (send `code`)', {
							type: 'object',
							properties: {
								staff: {
									type: 'object',
									properties: { id, email: { type: 'string' }, displayName: { type: 'string' }, role: { enum: ['owner', 'practitioner', 'reception'] } }
								},
								next: { type: 'string' }
							}
						}),
						401: error('Wrong e-mail, password or code'),
						429: error('Locked after too many failures; see Retry-After')
					}
				}
			},
			'/api/v1/auth/logout': {
				post: { summary: 'Staff sign-out', security: STAFF, responses: { 200: ok('Signed out', { type: 'object', properties: { ok: { const: true } } }) } }
			},
			'/api/v1/patients': {
				get: {
					summary: 'Search the patient register (practitioner or owner)',
					security: STAFF,
					parameters: [query('q', 'Name, kana reading, romaji, phone, date of birth or patient number')],
					responses: {
						200: ok('Matching patients', {
							type: 'array',
							items: {
								type: 'object',
								properties: {
									id,
									familyName: { type: 'string' },
									givenName: { type: 'string' },
									familyNameKana: { type: 'string' },
									givenNameKana: { type: 'string' },
									dateOfBirth: { type: ['string', 'null'], format: 'date' }
								}
							}
						}),
						401: error('Not signed in'),
						403: error('Role not allowed'),
						422: error('Missing or over-long query')
					}
				}
			},
			'/fhir/R4/Patient/{id}/$everything': {
				get: {
					summary: "A patient's whole record as a FHIR R4 Bundle (staff; reception only when the owner allows clinical reading)",
					description:
						'FHIR R4 Patient/$everything: a searchset Bundle with Patient, Practitioner, Appointment, Encounter, Condition, Observation, Procedure, QuestionnaireResponse, Consent and AdverseEvent. Errors are FHIR OperationOutcome resources, not the API error shape. Without a session the server redirects to the staff sign-in page.',
					security: STAFF,
					parameters: [{ name: 'id', in: 'path', required: true, description: 'Patient id', schema: { type: 'string' } }],
					responses: {
						200: fhir('Bundle (type searchset)'),
						303: { description: 'Not signed in: redirected to the staff sign-in page' },
						403: fhir('OperationOutcome: this role may not read clinical records'),
						404: fhir('OperationOutcome: no patient with this id')
					}
				}
			}
		}
	};
}
