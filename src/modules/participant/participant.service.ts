import { compareDates } from '../../domain/calendar';
import { startDeadline } from '../../domain/deadlines';
import { validateIdentityNumber } from '../../domain/identity-number';
import { GraphQLContext } from '../../graphql/context';
import { badInput, conflict, notFound } from '../../graphql/errors';
import { decodeCursor, encodeCursor } from '../../graphql/pagination';
import { diff, recordChange } from '../audit/change-log';
import { idempotentCreate } from '../audit/idempotency';
import { ParticipantEntity } from './participant.entity';
import { Participant, RegisterParticipantInput } from './participant.types';

export function toParticipant(e: ParticipantEntity): Participant {
  return {
    id: e.id,
    municipalityId: e.municipalityId,
    version: e.version,
    name: e.fullName,
    identityNumber: e.identityNumber,
    birthDate: e.birthDate,
    permitCategory: e.permitCategory as Participant['permitCategory'],
    permitGrantDate: e.permitGrantDate,
    arrivalDate: e.arrivalDate,
    settlementDate: e.settlementDate,
    settledByAgreementWithImdi: e.settledByAgreement,
    requestDate: e.requestDate,
    familyReferenceYearsInMunicipality: e.familyReferenceYears,
    highestEducation: e.highestEducation,
    hasUpperSecondary: e.hasUpperSecondary,
    weeklyWorkHours: e.weeklyWorkHours,
    childrenBirthDates: e.childrenBirthDates ?? [],
    livesWithParent: e.livesWithParent,
    languages: e.languages ?? [],
    startDeadline: e.startDeadline,
    status: e.status,
    assignedTo: e.assignedToSub ? { sub: e.assignedToSub, name: e.assignedToName ?? e.assignedToSub } : null,
  };
}

/** The caller's own municipality: only municipality users register and run cases. */
export function ownMunicipality(ctx: GraphQLContext): number {
  if (ctx.actor.municipalityId === null) throw new Error('municipality role expected');
  return ctx.actor.municipalityId;
}

function validateRegistration(input: RegisterParticipantInput): void {
  const id = validateIdentityNumber(input.identityNumber);
  if (!id.valid) throw badInput('identityNumber', `identityNumber is not a valid fødselsnummer or D-number: ${id.reason}`);
  if (id.birthDate !== input.birthDate) throw badInput('birthDate', 'birthDate does not match the identity number');
  if (compareDates(input.permitGrantDate, input.birthDate) < 0) throw badInput('permitGrantDate', 'permitGrantDate is before birthDate');
  if (compareDates(input.arrivalDate, input.birthDate) < 0) throw badInput('arrivalDate', 'arrivalDate is before birthDate');
  if (input.settlementDate && compareDates(input.settlementDate, input.arrivalDate) < 0) {
    throw badInput('settlementDate', 'settlementDate is before arrivalDate');
  }
  for (const child of input.childrenBirthDates) {
    if (compareDates(child, input.birthDate) <= 0) throw badInput('childrenBirthDates', 'a child is born before the participant');
  }
}

/** The audited view of a participant: never the identity number (the change log is not a register of numbers). */
function auditSnapshot(p: Participant): Record<string, unknown> {
  const { identityNumber: _omit, assignedTo, ...rest } = p;
  return { ...rest, assignedTo: assignedTo?.sub ?? null };
}

export class ParticipantService {
  static async register(ctx: GraphQLContext, input: RegisterParticipantInput): Promise<Participant> {
    validateRegistration(input);
    const municipalityId = ownMunicipality(ctx);
    const { idempotencyKey, ...payload } = input;
    const { id } = await idempotentCreate(
      ctx,
      { municipalityId, key: idempotencyKey, operation: 'registerParticipant', payload },
      async () => {
        const repo = ctx.tx.manager.getRepository(ParticipantEntity);
        const existing = await repo.findOne({ where: { municipalityId, identityNumber: input.identityNumber }, select: { id: true } });
        if (existing) throw conflict('A participant with this identity number is already registered in your municipality');
        const saved = await repo.save(
          repo.create({
            municipalityId,
            fullName: input.name.trim(),
            identityNumber: input.identityNumber,
            birthDate: input.birthDate,
            permitCategory: input.permitCategory,
            permitGrantDate: input.permitGrantDate,
            arrivalDate: input.arrivalDate,
            settlementDate: input.settlementDate ?? null,
            settledByAgreement: input.settledByAgreementWithImdi,
            requestDate: input.requestDate ?? null,
            familyReferenceYears: input.familyReferenceYearsInMunicipality ?? null,
            highestEducation: input.highestEducation ?? null,
            hasUpperSecondary: input.hasUpperSecondary,
            weeklyWorkHours: input.weeklyWorkHours ?? null,
            childrenBirthDates: input.childrenBirthDates,
            livesWithParent: input.livesWithParent,
            languages: input.languages,
            startDeadline: input.settlementDate
              ? startDeadline({ settlementDate: input.settlementDate, requestDate: input.requestDate ?? null })
              : null,
            status: 'REGISTERED',
            assignedToSub: ctx.actor.sub,
            assignedToName: ctx.actor.name,
          }),
        );
        const created = toParticipant(saved);
        await recordChange(ctx, {
          municipalityId,
          operation: 'registerParticipant',
          participantId: saved.id,
          entity: 'participant',
          entityId: saved.id,
          changes: diff(null, auditSnapshot(created)),
        });
        return saved.id;
      },
    );
    return ParticipantService.get(ctx, id);
  }

  /** A participant the caller's transaction can see; any other id (missing or another tenant's) is NOT_FOUND. */
  static async get(ctx: GraphQLContext, id: string): Promise<Participant> {
    const p = await ctx.loaders.participant.load(id);
    if (!p) throw notFound('Participant');
    return p;
  }

  static async list(
    ctx: GraphQLContext,
    args: { first: number; after?: string | null },
  ): Promise<{ rows: Participant[]; hasNextPage: boolean; totalCount: number; cursor: (p: Participant) => string }> {
    const municipalityId = ownMunicipality(ctx);
    const params: unknown[] = [municipalityId, args.first + 1];
    let keyset = '';
    if (args.after) {
      const [deadline, id] = decodeCursor(args.after, 2) as [string | null, string];
      params.push(id);
      if (deadline === null) {
        keyset = `AND p.start_deadline IS NULL AND p.id > $3`;
      } else {
        params.push(deadline);
        keyset = `AND (p.start_deadline > $4 OR (p.start_deadline = $4 AND p.id > $3) OR p.start_deadline IS NULL)`;
      }
    }
    const raw = await ctx.tx.query<ParticipantEntity & Record<string, unknown>>(
      `SELECT p.* FROM app.participant p WHERE p.municipality_id = $1 ${keyset}
       ORDER BY p.start_deadline ASC NULLS LAST, p.id ASC LIMIT $2`,
      params,
    );
    const [{ count }] = await ctx.tx.query<{ count: string }>(
      `SELECT count(*) FROM app.participant WHERE municipality_id = $1`,
      [municipalityId],
    );
    const page = raw.slice(0, args.first).map((r) => toParticipant(fromRow(r)));
    for (const p of page) ctx.loaders.participant.prime(p.id, p);
    return {
      rows: page,
      hasNextPage: raw.length > args.first,
      totalCount: Number(count),
      cursor: (p) => encodeCursor([p.startDeadline, p.id]),
    };
  }
}

/** A raw app.participant row as the entity. */
export function fromRow(r: Record<string, unknown>): ParticipantEntity {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    municipalityId: Number(r.municipality_id),
    id: r.id as string,
    version: Number(r.version),
    fullName: r.full_name as string,
    identityNumber: r.identity_number as string,
    birthDate: r.birth_date as string,
    permitCategory: r.permit_category as string,
    permitGrantDate: r.permit_grant_date as string,
    arrivalDate: r.arrival_date as string,
    settlementDate: (r.settlement_date as string) ?? null,
    settledByAgreement: r.settled_by_agreement as boolean,
    requestDate: (r.request_date as string) ?? null,
    familyReferenceYears: num(r.family_reference_years),
    highestEducation: (r.highest_education as string) ?? null,
    hasUpperSecondary: r.has_upper_secondary as boolean,
    weeklyWorkHours: num(r.weekly_work_hours),
    childrenBirthDates: (r.children_birth_dates as string[]) ?? [],
    livesWithParent: r.lives_with_parent as boolean,
    languages: (r.languages as string[]) ?? [],
    startDeadline: (r.start_deadline as string) ?? null,
    status: r.status as string,
    assignedToSub: (r.assigned_to_sub as string) ?? null,
    assignedToName: (r.assigned_to_name as string) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}
