import { compareDates } from '../../domain/calendar';
import { startDeadline } from '../../domain/deadlines';
import { evaluateEligibility } from '../../domain/eligibility';
import { assertIdentityNumberReplacement, validateIdentityNumber } from '../../domain/identity-number';
import { GraphQLContext } from '../../graphql/context';
import { badInput, conflict, notFound } from '../../graphql/errors';
import { diff, recordChange } from '../audit/change-log';
import { idempotentCreate } from '../audit/idempotency';
import {
  CASE_FLAGS,
  CaseFlag,
  CaseFlagCounts,
  LATEST_DECISION_PREFIX,
  filterConditions,
  keysetCondition,
  orderBySql,
  PARTICIPANT_STATUSES,
  ParticipantOrderValue,
  pageSql,
  participantCursor,
  SqlParams,
  sqlScope,
  summarySql,
} from './caseload';
import { unprefixedDecisionRow } from '../decision/decision-row';
import { ParticipantEntity } from './participant.entity';
import { CaseloadSummary, Participant, ParticipantsArgs, RegisterParticipantInput, UpdateParticipantInput } from './participant.types';

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
    transferredFromMunicipalityId: e.transferredFromMunicipalityId ?? null,
    transferredToMunicipalityId: e.transferredToMunicipalityId ?? null,
    transferredAt: e.transferredAt ?? null,
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
        // One statement: the unique key (municipality, identity number) decides, not a prior look-up.
        const [row] = await ctx.tx.query<Record<string, unknown>>(
          `INSERT INTO app.participant (municipality_id, full_name, identity_number, birth_date, permit_category, permit_grant_date,
             arrival_date, settlement_date, settled_by_agreement, request_date, family_reference_years, highest_education,
             has_upper_secondary, weekly_work_hours, children_birth_dates, lives_with_parent, languages, start_deadline, status,
             assigned_to_sub, assigned_to_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::date[], $16, $17::text[], $18, 'REGISTERED', $19, $20)
           ON CONFLICT (municipality_id, identity_number) DO NOTHING
           RETURNING *`,
          [
            municipalityId, input.name.trim(), input.identityNumber, input.birthDate, input.permitCategory, input.permitGrantDate,
            input.arrivalDate, input.settlementDate ?? null, input.settledByAgreementWithImdi, input.requestDate ?? null,
            input.familyReferenceYearsInMunicipality ?? null, input.highestEducation ?? null, input.hasUpperSecondary,
            input.weeklyWorkHours ?? null, input.childrenBirthDates, input.livesWithParent, input.languages,
            input.settlementDate ? startDeadline({ settlementDate: input.settlementDate, requestDate: input.requestDate ?? null }) : null,
            ctx.actor.sub, ctx.actor.name,
          ],
        );
        if (!row) throw conflict('A participant with this identity number is already registered in your municipality');
        const saved = fromRow(row);
        ctx.loaders.participant.prime(saved.id, toParticipant(saved));
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

  /**
   * Corrections and new facts, with the version guard in the UPDATE. A D-number may be replaced by the
   * person's fødselsnummer; the change log records that it was replaced, never the numbers.
   */
  static async update(ctx: GraphQLContext, id: string, input: UpdateParticipantInput): Promise<Participant> {
    const municipalityId = ownMunicipality(ctx);
    const [row] = await ctx.tx.query<Record<string, unknown>>(`SELECT * FROM app.participant WHERE municipality_id = $1 AND id = $2 FOR UPDATE`, [municipalityId, id]);
    if (!row) throw notFound('Participant');
    const before = toParticipant(fromRow(row));
    if (before.version !== input.expectedVersion) throw conflict('The participant was changed by someone else; reload and try again');
    const pick = <K extends keyof UpdateParticipantInput>(k: K, fallback: unknown) => (input[k] === undefined ? fallback : input[k]);
    const merged = {
      name: pick('name', before.name) as string,
      identityNumber: pick('identityNumber', before.identityNumber) as string,
      birthDate: before.birthDate,
      permitCategory: pick('permitCategory', before.permitCategory),
      permitGrantDate: pick('permitGrantDate', before.permitGrantDate) as string,
      arrivalDate: pick('arrivalDate', before.arrivalDate) as string,
      settlementDate: pick('settlementDate', before.settlementDate) as string | null,
      settledByAgreementWithImdi: pick('settledByAgreementWithImdi', before.settledByAgreementWithImdi) as boolean,
      requestDate: pick('requestDate', before.requestDate) as string | null,
      familyReferenceYearsInMunicipality: pick('familyReferenceYearsInMunicipality', before.familyReferenceYearsInMunicipality) as number | null,
      highestEducation: pick('highestEducation', before.highestEducation) as string | null,
      hasUpperSecondary: before.hasUpperSecondary,
      weeklyWorkHours: pick('weeklyWorkHours', before.weeklyWorkHours) as number | null,
      childrenBirthDates: pick('childrenBirthDates', before.childrenBirthDates) as string[],
      livesWithParent: pick('livesWithParent', before.livesWithParent) as boolean,
      languages: pick('languages', before.languages) as string[],
    } as RegisterParticipantInput;
    assertIdentityNumberReplacement(before.identityNumber!, merged.identityNumber);
    validateRegistration(merged);
    const [updated] = await ctx.tx.query<Record<string, unknown>>(
      `UPDATE app.participant SET full_name = $4, identity_number = $5, permit_category = $6, permit_grant_date = $7, arrival_date = $8,
         settlement_date = $9, settled_by_agreement = $10, request_date = $11, family_reference_years = $12, highest_education = $13,
         weekly_work_hours = $14, children_birth_dates = $15::date[], lives_with_parent = $16, languages = $17::text[], start_deadline = $18,
         version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING *`,
      [municipalityId, id, input.expectedVersion, merged.name.trim(), merged.identityNumber, merged.permitCategory, merged.permitGrantDate, merged.arrivalDate,
        merged.settlementDate, merged.settledByAgreementWithImdi, merged.requestDate, merged.familyReferenceYearsInMunicipality, merged.highestEducation,
        merged.weeklyWorkHours, merged.childrenBirthDates, merged.livesWithParent, merged.languages,
        merged.settlementDate ? startDeadline({ settlementDate: merged.settlementDate, requestDate: merged.requestDate }) : null],
    );
    if (!updated) throw conflict('The participant was changed by someone else; reload and try again');
    const after = toParticipant(fromRow(updated));
    const changes: Record<string, unknown> = diff(auditSnapshot(before), auditSnapshot(after), ['version'] as never[]);
    if (before.identityNumber !== after.identityNumber) changes.identityNumber = { replaced: 'D-number by fødselsnummer' };
    await recordChange(ctx, { municipalityId, operation: 'updateParticipant', participantId: id, entity: 'participant', entityId: id, changes });
    ctx.loaders.participant.clear(id).prime(id, after);
    return after;
  }

  /** A participant the caller's transaction can see; any other id (missing or another tenant's) is NOT_FOUND. */
  static async get(ctx: GraphQLContext, id: string): Promise<Participant> {
    const p = await ctx.loaders.participant.load(id);
    if (!p) throw notFound('Participant');
    return p;
  }

  /**
   * A page of the case list and the count of everything the filter matches, in one SQL statement
   * whatever the page size. Each row comes with its current end goal, so the list needs no query per row.
   */
  static async list(
    ctx: GraphQLContext,
    args: Pick<ParticipantsArgs, 'first' | 'after' | 'filter' | 'orderBy'>,
    opts: { withCount: boolean } = { withCount: true },
  ): Promise<{ rows: Participant[]; hasNextPage: boolean; totalCount: number; cursor: (p: Participant) => string }> {
    const municipalityId = ownMunicipality(ctx);
    const order = args.orderBy ?? 'START_DEADLINE';
    const params = new SqlParams();
    const q = sqlScope(params, ctx.today);
    const where = [`p.municipality_id = ${params.add(municipalityId, 'smallint')}`, ...filterConditions(args.filter, q, ctx.actor.sub)].join('\n AND ');
    const keyset = keysetCondition(order, args.after, q);
    if (args.filter?.eligibility) return ParticipantService.listByEligibility(ctx, args.filter.eligibility, { where, keyset, order, params, first: args.first, withCount: opts.withCount });
    const sql = pageSql({ where, keyset, order, limit: params.add(args.first + 1, 'int'), withCount: opts.withCount });
    const raw = await ctx.tx.query<Record<string, unknown>>(sql, params.values);
    const totalCount = Number(raw[0]?.total_count ?? 0);
    const found = raw.filter((r) => r.id !== null);
    const page = found.slice(0, args.first).map((r) => ({
      ...toParticipant(fromRow(r)),
      currentEndGoal: (r.current_end_goal as string | null) ?? null,
      latestDecisionRow: unprefixedDecisionRow(r, LATEST_DECISION_PREFIX),
      hasOpenAppeal: Boolean(r.has_open_appeal),
    }));
    for (const p of page) ctx.loaders.participant.prime(p.id, p);
    return { rows: page, hasNextPage: found.length > args.first, totalCount, cursor: (p) => participantCursor(order, p) };
  }

  /**
   * Eligibility is a rule of the law evaluated in TypeScript (src/domain/eligibility.ts), on the
   * day it is asked: it cannot be an SQL condition without writing the law twice. So this filter reads
   * the candidates the other filters leave, in the list's order, and evaluates each: the page after the
   * cursor (stopping at first + 1 matches), and, when totalCount is asked, every candidate once more.
   */
  private static async listByEligibility(
    ctx: GraphQLContext,
    basis: string,
    q: { where: string; keyset: string; order: ParticipantOrderValue; params: SqlParams; first: number; withCount: boolean },
  ): Promise<{ rows: Participant[]; hasNextPage: boolean; totalCount: number; cursor: (p: Participant) => string }> {
    const matches = (r: Record<string, unknown>) => {
      const p = toParticipant(fromRow(r));
      return evaluateEligibility({
        birthDate: p.birthDate, permitCategory: p.permitCategory, permitGrantDate: p.permitGrantDate, arrivalDate: p.arrivalDate,
        settlementDate: p.settlementDate, settledByAgreementWithImdi: p.settledByAgreementWithImdi,
        familyReferenceYearsInMunicipality: p.familyReferenceYearsInMunicipality, weeklyWorkHours: p.weeklyWorkHours,
        evaluationDate: ctx.today, requestDate: p.requestDate,
      }).basis === basis ? p : null;
    };
    const after = await ctx.tx.query<Record<string, unknown>>(
      `SELECT p.* FROM app.participant p WHERE ${q.where} ${q.keyset} ORDER BY ${orderBySql(q.order, 'p')}`,
      q.params.values,
    );
    const page: Participant[] = [];
    for (const r of after) {
      const p = matches(r);
      if (p) page.push(p);
      if (page.length > q.first) break;
    }
    let totalCount = 0;
    if (q.withCount) {
      const keysetParams = new Set((q.keyset.match(/\$\d+/g) ?? []).map((x) => Number(x.slice(1))));
      const all = q.keyset
        ? await ctx.tx.query<Record<string, unknown>>(`SELECT p.* FROM app.participant p WHERE ${q.where}`, q.params.values.filter((_, i) => !keysetParams.has(i + 1)))
        : after;
      totalCount = all.filter((r) => matches(r) !== null).length;
    }
    const rows = page.slice(0, q.first);
    for (const p of rows) ctx.loaders.participant.prime(p.id, p);
    return { rows, hasNextPage: page.length > q.first, totalCount, cursor: (p) => participantCursor(q.order, p) };
  }

  /** The dashboard's counts for the caller's municipality, in one SQL statement. */
  static async caseloadSummary(ctx: GraphQLContext): Promise<CaseloadSummary> {
    const params = new SqlParams();
    const q = sqlScope(params, ctx.today);
    const [row] = await ctx.tx.query<Record<string, unknown>>(summarySql(params.add(ownMunicipality(ctx), 'smallint'), q), params.values);
    const byStatus = (row.by_status ?? {}) as Record<string, string | number>;
    const flags = Object.fromEntries(
      (Object.keys(CASE_FLAGS) as CaseFlag[]).map((f) => [CASE_FLAGS[f].summary, Number(row[CASE_FLAGS[f].summary])]),
    ) as CaseFlagCounts;
    return {
      total: Object.values(byStatus).reduce<number>((sum, n) => sum + Number(n), 0),
      byStatus: PARTICIPANT_STATUSES.map((status) => ({ status, count: Number(byStatus[status] ?? 0) })),
      ...flags,
      decisionsAwaitingNotice: Number(row.decisions_awaiting_notice),
      programmesEndingWithin30Days: Number(row.programmes_ending_30),
      appealsAwaitingReview: Number(row.appeals_awaiting_review),
      appealFollowUpsNeeded: Number(row.appeal_follow_ups),
    };
  }

  /**
   * Hands the case to another caseworker if the participant is still at the version the caller saw.
   * One UPDATE checks and bumps the version (the row lock serialises concurrent reassignments) and
   * returns the previous assignee for the change log.
   */
  static async reassign(
    ctx: GraphQLContext,
    args: { id: string; toSub: string; toName: string; expectedVersion: number },
  ): Promise<Participant> {
    const municipalityId = ownMunicipality(ctx);
    const toName = args.toName.trim();
    if (!toName) throw badInput('toName', 'toName must not be blank');
    if (!args.toSub.trim()) throw badInput('toSub', 'toSub must not be blank');
    const [row] = await ctx.tx.query<Record<string, unknown>>(
      `UPDATE app.participant p
          SET assigned_to_sub = $4, assigned_to_name = $5, version = p.version + 1, updated_at = now()
         FROM app.participant prev
        WHERE p.municipality_id = $1 AND p.id = $2 AND p.version = $3
          AND prev.municipality_id = p.municipality_id AND prev.id = p.id
       RETURNING p.*, prev.assigned_to_sub AS previous_sub`,
      [municipalityId, args.id, args.expectedVersion, args.toSub, toName],
    );
    if (!row) {
      const [exists] = await ctx.tx.query(`SELECT 1 FROM app.participant WHERE municipality_id = $1 AND id = $2`, [municipalityId, args.id]);
      throw exists ? conflict() : notFound('Participant');
    }
    const updated = toParticipant(fromRow(row));
    await recordChange(ctx, {
      municipalityId,
      operation: 'reassignParticipant',
      participantId: updated.id,
      entity: 'participant',
      entityId: updated.id,
      changes: { assignedTo: { from: (row.previous_sub as string | null) ?? null, to: args.toSub } },
    });
    ctx.loaders.participant.clear(updated.id).prime(updated.id, updated);
    return updated;
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
    transferredFromMunicipalityId: num(r.transferred_from_municipality_id),
    transferredToMunicipalityId: num(r.transferred_to_municipality_id),
    transferredAt: (r.transferred_at as string) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}
