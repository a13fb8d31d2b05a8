/**
 * The participant register: registration, corrections, reassignment, and the case row other modules
 * lock and keep in step. Raises domain errors (src/domain/errors.ts); src/graphql/errors.ts maps them.
 */
import type { Queryable } from '../../db/sql';
import { compareDates } from '../../domain/calendar';
import { startDeadline } from '../../domain/deadlines';
import { EligibilityPeriod, eligibilityPeriods, PermitCategory } from '../../domain/eligibility';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import { assertIdentityNumberReplacement, validateIdentityNumber } from '../../domain/identity-number';
import { diff, recordChange } from '../audit';
import { idempotentCreate } from '../audit';
import { ownMunicipality, RequestContext } from '../shared';
import { participantRepository } from './participant.repository';
import { ParticipantRecord } from './participant.table';
import { Participant, RegisterParticipantInput, UpdateParticipantInput } from './participant.types';

export type { ParticipantRecord };
export type ParticipantStatusValue = Participant['status'];

/**
 * The GraphQL view of a record: the record itself, with the few fields the API names differently
 * (the API's names came first; the columns say what is stored).
 */
export function toParticipant(r: ParticipantRecord): Participant {
  return {
    ...r,
    name: r.fullName,
    settledByAgreementWithImdi: r.settledByAgreement,
    familyReferenceYearsInMunicipality: r.familyReferenceYears,
    assignedTo: r.assignedToSub ? { sub: r.assignedToSub, name: r.assignedToName ?? r.assignedToSub } : null,
  } as Participant;
}

/** The facts of a registration or correction as columns (the API's names → the table's). */
function factsOf(input: Partial<RegisterParticipantInput>): Partial<ParticipantRecord> {
  const { name, settledByAgreementWithImdi, familyReferenceYearsInMunicipality, idempotencyKey: _key, ...same } = input;
  return {
    ...(same as Partial<ParticipantRecord>),
    ...(name !== undefined ? { fullName: name.trim() } : {}),
    ...(settledByAgreementWithImdi !== undefined ? { settledByAgreement: settledByAgreementWithImdi } : {}),
    ...(familyReferenceYearsInMunicipality !== undefined ? { familyReferenceYears: familyReferenceYearsInMunicipality } : {}),
  };
}

type Facts = Pick<ParticipantRecord, 'identityNumber' | 'birthDate' | 'permitGrantDate' | 'arrivalDate' | 'settlementDate' | 'childrenBirthDates'>;

function validateFacts(p: Facts): void {
  const id = validateIdentityNumber(p.identityNumber);
  if (!id.valid) throw new InvalidInputError('identityNumber', `identityNumber is not a valid fødselsnummer or D-number: ${id.reason}`);
  if (id.birthDate !== p.birthDate) throw new InvalidInputError('birthDate', 'birthDate does not match the identity number');
  if (compareDates(p.permitGrantDate, p.birthDate) < 0) throw new InvalidInputError('permitGrantDate', 'permitGrantDate is before birthDate');
  if (compareDates(p.arrivalDate, p.birthDate) < 0) throw new InvalidInputError('arrivalDate', 'arrivalDate is before birthDate');
  if (p.settlementDate && compareDates(p.settlementDate, p.arrivalDate) < 0) {
    throw new InvalidInputError('settlementDate', 'settlementDate is before arrivalDate');
  }
  for (const child of p.childrenBirthDates) {
    if (compareDates(child, p.birthDate) <= 0) throw new InvalidInputError('childrenBirthDates', 'a child is born before the participant');
  }
}

/** the start deadline follows the settlement (or the later request). */
function deadlineOf(p: Pick<ParticipantRecord, 'settlementDate' | 'requestDate'>): string | null {
  return p.settlementDate ? startDeadline({ settlementDate: p.settlementDate, requestDate: p.requestDate }) : null;
}

/**
 * the eligibility periods of the facts (stored with them, so the case list filters in SQL).
 * Every write of the facts goes through here: registration, correction, a transfer's copy.
 */
export function periodsOf(
  p: Pick<
    ParticipantRecord,
    'birthDate' | 'permitCategory' | 'permitGrantDate' | 'arrivalDate' | 'settlementDate' | 'settledByAgreement' | 'familyReferenceYears' | 'weeklyWorkHours'
  >,
): EligibilityPeriod[] {
  return eligibilityPeriods({
    birthDate: p.birthDate,
    permitCategory: p.permitCategory as PermitCategory,
    permitGrantDate: p.permitGrantDate,
    arrivalDate: p.arrivalDate,
    settlementDate: p.settlementDate,
    settledByAgreementWithImdi: p.settledByAgreement,
    familyReferenceYearsInMunicipality: p.familyReferenceYears === null ? null : Number(p.familyReferenceYears),
    weeklyWorkHours: p.weeklyWorkHours === null ? null : Number(p.weeklyWorkHours),
  });
}

/** The audited view of a participant: never the identity number (the change log is not a register of numbers), nor what is derived from the facts. */
function auditSnapshot(p: ParticipantRecord): Record<string, unknown> {
  const {
    identityNumber: _omit,
    createdAt: _c,
    updatedAt: _u,
    eligibilityPeriods: _e,
    eligibilityRightAndDuty: _r,
    eligibilityDiscretionary: _d,
    eligibilityNone: _n,
    ...rest
  } = p;
  return rest;
}

const NOT_FOUND = () => new NotFoundError('Participant');

export const ParticipantService = {
  async register(ctx: RequestContext, input: RegisterParticipantInput): Promise<ParticipantRecord> {
    const municipalityId = ownMunicipality(ctx);
    const facts = factsOf(input) as ParticipantRecord;
    validateFacts(facts);
    const { idempotencyKey, ...payload } = input;
    const { id } = await idempotentCreate(ctx, { municipalityId, key: idempotencyKey, operation: 'registerParticipant', payload }, async () => {
      const saved = await participantRepository.insert(ctx, {
        ...facts,
        municipalityId,
        startDeadline: deadlineOf(facts),
        eligibilityPeriods: periodsOf({
          ...facts,
          settledByAgreement: facts.settledByAgreement ?? false,
          familyReferenceYears: facts.familyReferenceYears ?? null,
          weeklyWorkHours: facts.weeklyWorkHours ?? null,
          settlementDate: facts.settlementDate ?? null,
        }),
        status: 'REGISTERED',
        assignedToSub: ctx.actor.sub,
        assignedToName: ctx.actor.name,
      });
      if (!saved) throw new ConflictError('A participant with this identity number is already registered in your municipality');
      await recordChange(ctx, {
        municipalityId,
        operation: 'registerParticipant',
        participantId: saved.id,
        entity: 'participant',
        entityId: saved.id,
        changes: diff(null, auditSnapshot(saved)),
      });
      return saved.id;
    });
    return ParticipantService.require(ctx, id);
  },

  /**
   * Corrections and new facts, with the version guard in the UPDATE. A D-number may be replaced by the
   * person's fødselsnummer; the change log records that it was replaced, never the numbers.
   */
  async update(ctx: RequestContext, id: string, input: UpdateParticipantInput): Promise<ParticipantRecord> {
    const municipalityId = ownMunicipality(ctx);
    const before = await participantRepository.lock(ctx, municipalityId, id);
    if (!before) throw NOT_FOUND();
    if (before.version !== input.expectedVersion) throw new ConflictError('The participant was changed by someone else; reload and try again');
    const { expectedVersion, ...given } = input;
    const changes = factsOf(given);
    const merged = { ...before, ...changes };
    assertIdentityNumberReplacement(before.identityNumber, merged.identityNumber);
    validateFacts(merged);
    const after = await participantRepository.update(ctx, municipalityId, id, expectedVersion, {
      ...changes,
      startDeadline: deadlineOf(merged),
      eligibilityPeriods: periodsOf(merged),
    });
    if (!after) throw new ConflictError('The participant was changed by someone else; reload and try again');
    const logged: Record<string, unknown> = diff(auditSnapshot(before), auditSnapshot(after), ['version'] as never[]);
    if (before.identityNumber !== after.identityNumber) logged.identityNumber = { replaced: 'D-number by fødselsnummer' };
    await recordChange(ctx, { municipalityId, operation: 'updateParticipant', participantId: id, entity: 'participant', entityId: id, changes: logged });
    return after;
  },

  /** Whether the register has never held a row (outside a request: no caller settings needed). */
  neverUsed(on: Queryable): Promise<boolean> {
    return participantRepository.neverUsed(on);
  },

  /** Every municipality with a participant: each must have a change log (audit:verify). Maintenance connections only. */
  municipalitiesWithCases(on: Queryable): Promise<number[]> {
    return participantRepository.municipalitiesWithCases(on);
  },

  /** A participant the caller's transaction can see, or null (a missing id and another tenant's id alike). */
  find(ctx: RequestContext, id: string): Promise<ParticipantRecord | null> {
    return participantRepository.get(ctx, id);
  },

  /** The GraphQL view of a participant the caller can see (NOT_FOUND otherwise): what mutations answer with. */
  async view(ctx: RequestContext, id: string): Promise<Participant> {
    return toParticipant(await ParticipantService.require(ctx, id));
  },

  /**
   * The caller's municipality's participant with exactly this fødselsnummer or D-number, or null (no
   * partial match, no other municipality's). The caller logs the search as a read (IDENTITY_NUMBER_SEARCH).
   */
  findByIdentityNumber(ctx: RequestContext, identityNumber: string): Promise<ParticipantRecord | null> {
    return participantRepository.byIdentityNumber(ctx, ownMunicipality(ctx), identityNumber);
  },

  /** A participant the caller's transaction can see; any other id (missing or another tenant's) is NOT_FOUND. */
  async require(ctx: RequestContext, id: string): Promise<ParticipantRecord> {
    const p = await participantRepository.get(ctx, id);
    if (!p) throw NOT_FOUND();
    return p;
  },

  /** Rows a list read in this request: the field resolvers then need no query for them. */
  remember(ctx: RequestContext, record: ParticipantRecord): ParticipantRecord {
    return participantRepository.remember(ctx, record);
  },

  /**
   * The case a mutation works on, locked for the rest of the request's transaction so two caseworkers'
   * changes to one case are applied one after the other. A missing id and another municipality's id
   * answer the same NOT_FOUND.
   */
  async lockCase(ctx: RequestContext, participantId: string): Promise<ParticipantRecord> {
    const p = await participantRepository.lock(ctx, ownMunicipality(ctx), participantId);
    if (!p) throw NOT_FOUND();
    return p;
  },

  /** Keeps the participant's list status in step with the programme (the dashboard filters and indexes it). */
  async setCaseStatus(ctx: RequestContext, p: Pick<ParticipantRecord, 'municipalityId' | 'id'>, status: ParticipantRecord['status']): Promise<void> {
    await participantRepository.set(ctx, p.municipalityId, p.id, { status });
  },

  /** The competence mapping's judgement of upper-secondary education (GSU list, forskrift § 65a): what the end-goal rules read. */
  async recordUpperSecondary(ctx: RequestContext, p: Pick<ParticipantRecord, 'municipalityId' | 'id'>, hasUpperSecondary: boolean): Promise<void> {
    await participantRepository.set(ctx, p.municipalityId, p.id, { hasUpperSecondary });
  },

  /**
   * Hands the case to another caseworker if the participant is still at the version the caller saw;
   * the row lock serialises concurrent reassignments.
   */
  async reassign(ctx: RequestContext, args: { id: string; toSub: string; toName: string; expectedVersion: number }): Promise<ParticipantRecord> {
    const municipalityId = ownMunicipality(ctx);
    const toName = args.toName.trim();
    if (!toName) throw new InvalidInputError('toName', 'toName must not be blank');
    if (!args.toSub.trim()) throw new InvalidInputError('toSub', 'toSub must not be blank');
    const before = await participantRepository.lock(ctx, municipalityId, args.id);
    if (!before) throw NOT_FOUND();
    const updated = await participantRepository.update(ctx, municipalityId, args.id, args.expectedVersion, {
      assignedToSub: args.toSub,
      assignedToName: toName,
    });
    if (!updated) throw new ConflictError();
    await recordChange(ctx, {
      municipalityId,
      operation: 'reassignParticipant',
      participantId: updated.id,
      entity: 'participant',
      entityId: updated.id,
      changes: { assignedTo: { from: before.assignedToSub ?? null, to: args.toSub } },
    });
    return updated;
  },
};
