/**
 * Every statement on app.career_guidance_referral. Rows become records here, once, with the referral's
 * timestamps as Europe/Oslo calendar dates (R-0.3), converted in the database so every reader gets the
 * same date. Every statement names its scope (the own municipality, or the caller's county and reachable
 * municipalities) on top of row-level security.
 */
import DataLoader from 'dataloader';
import type { ExpressionBuilder, OrderByItemBuilder } from 'kysely';
import { anyOf, db, first, Result, run, sql, Tables } from '../../db/sql';
import { Camel, InsertRecord, toRecord, toRow, UpdateRecord } from '../../db/table';
import type { IsoDate } from '../../domain/calendar';
import { ACTIVE_STATES, COUNTY_VISIBLE_STATES, ReferralState } from '../../domain/career-guidance';
import { guidanceMappings } from '../competence-mapping';
import { guidanceParticipants } from '../participant';
import { ownMunicipality, RequestContext, requestLoader } from '../shared';
import { careerGuidanceReferralTable } from './career-guidance.table';

type Referrals = { r: Tables['app.career_guidance_referral'] };

/** The referral's own columns, its timestamps as Oslo dates (`referred_on`, …). */
function referralColumns(eb: ExpressionBuilder<Referrals, 'r'>) {
  const osloDate = (column: 'referred_at' | 'started_at' | 'submitted_at' | 'withdrawn_at') => sql`(${eb.ref(`r.${column}`)} AT TIME ZONE 'Europe/Oslo')::date`;
  return [
    'r.municipality_id',
    'r.id',
    'r.participant_id',
    'r.county_number',
    'r.note',
    'r.state',
    'r.referred_by',
    'r.adviser',
    'r.held_at',
    'r.summary',
    'r.recommendation_kind',
    'r.recommended_end_goal',
    'r.reduced_goal_reason',
    'r.suggested_elements',
    'r.version',
    osloDate('referred_at').$castTo<IsoDate>().as('referred_on'),
    osloDate('started_at').$castTo<IsoDate | null>().as('started_on'),
    osloDate('submitted_at').$castTo<IsoDate | null>().as('submitted_on'),
    osloDate('withdrawn_at').$castTo<IsoDate | null>().as('withdrawn_on'),
  ] as const;
}

const referrals = () => db.selectFrom('app.career_guidance_referral as r').select(referralColumns);

/**
 * The county's projection (R-3.4): the referral with what the participant and mapping modules let the
 * county read (their relations, joined in), so a page is one statement cut by the start deadline.
 */
const countyReferrals = () =>
  db
    .selectFrom('app.career_guidance_referral as r')
    .innerJoin(guidanceParticipants().as('p'), (j) => j.onRef('p.municipality_id', '=', 'r.municipality_id').onRef('p.id', '=', 'r.participant_id'))
    .leftJoin(guidanceMappings().as('m'), (j) => j.onRef('m.municipality_id', '=', 'r.municipality_id').onRef('m.participant_id', '=', 'r.participant_id'))
    .select(referralColumns)
    .select([
      'p.full_name',
      'p.birth_date',
      'p.languages',
      'p.start_deadline',
      'p.has_upper_secondary',
      'm.language_skills',
      'm.education',
      'm.work_experience',
      'm.other_competence',
      'm.counts_as_upper_secondary',
      'm.mapping_completed_at',
    ]);
type CountyRow = Result<ReturnType<typeof countyReferrals>>;

/** A referral as the municipality's and the county's views start from it. */
export type ReferralRecord = Camel<Result<ReturnType<typeof referrals>>>;
/** A referral with the county's window on the participant and the mapping. */
export type CountyReferralRecord = Camel<CountyRow>;

export type ReferralInsert = InsertRecord<typeof careerGuidanceReferralTable>;
export type ReferralChanges = UpdateRecord<typeof careerGuidanceReferralTable>;

/** Where the county's list goes on from: the last row's programme-decision deadline (null sorts last) and id. */
export interface CountyKeyset {
  deadline: IsoDate | null;
  id: string;
}

export interface CountyFilter {
  state?: ReferralState | null;
  /** Only referrals from this municipality; -1 (no such municipality) matches nothing. */
  municipalityId?: number | null;
}

/** The scope of every county statement: referrals addressed to the caller's county from its municipalities, never withdrawn ones. */
function countyScope(ctx: RequestContext, filter: CountyFilter = {}) {
  if (ctx.actor.role !== 'COUNTY') throw new Error('county role expected');
  return (eb: ExpressionBuilder<Referrals, 'r'>) =>
    eb.and([
      eb('r.county_number', '=', ctx.actor.org),
      eb('r.municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint')),
      eb('r.state', '=', anyOf(COUNTY_VISIBLE_STATES, 'text')),
      ...(filter.state ? [eb('r.state', '=', filter.state)] : []),
      ...(filter.municipalityId !== undefined && filter.municipalityId !== null ? [eb('r.municipality_id', '=', filter.municipalityId)] : []),
    ]);
}

/** The own municipality's referrals by id; null for any other id. */
function byId(ctx: RequestContext): DataLoader<string, ReferralRecord | null> {
  return requestLoader(
    ctx,
    'careerGuidance.byId',
    () =>
      new DataLoader<string, ReferralRecord | null>(async (ids) => {
        const rows = await run(ctx.tx, referrals().where('r.municipality_id', '=', ownMunicipality(ctx)).where('r.id', '=', anyOf(ids, 'uuid')));
        const found = new Map(rows.map((r) => [r.id, toRecord(r)]));
        return ids.map((id) => found.get(id) ?? null);
      }),
  );
}

/** The own municipality's referrals of a participant, newest first: one statement per request for a whole page of participants. */
function byParticipant(ctx: RequestContext): DataLoader<string, ReferralRecord[]> {
  return requestLoader(
    ctx,
    'careerGuidance.byParticipant',
    () =>
      new DataLoader<string, ReferralRecord[]>(async (participantIds) => {
        const rows = await run(
          ctx.tx,
          referrals()
            .where('r.municipality_id', '=', ownMunicipality(ctx))
            .where('r.participant_id', '=', anyOf(participantIds, 'uuid'))
            .orderBy('r.participant_id')
            .orderBy('r.referred_at', 'desc')
            .orderBy('r.id'),
        );
        const groups = new Map<string, ReferralRecord[]>();
        for (const r of rows) groups.set(r.participant_id, [...(groups.get(r.participant_id) ?? []), toRecord(r)]);
        return participantIds.map((id) => groups.get(id) ?? []);
      }),
  );
}

/** After a write, the request's loaders answer with the referral as written. */
function remember(ctx: RequestContext, record: ReferralRecord): ReferralRecord {
  byParticipant(ctx).clear(record.participantId);
  byId(ctx).clear(record.id).prime(record.id, record);
  return record;
}

export const careerGuidanceRepository = {
  /** One of the own municipality's referrals, or null. */
  get(ctx: RequestContext, id: string): Promise<ReferralRecord | null> {
    return byId(ctx).load(id);
  },

  ofParticipant(ctx: RequestContext, participantId: string): Promise<ReferralRecord[]> {
    return byParticipant(ctx).load(participantId);
  },

  /** The participant's running referral (OPEN or IN_PROGRESS), if any: at most one. */
  async running(ctx: RequestContext, municipalityId: number, participantId: string): Promise<{ state: ReferralState } | undefined> {
    return first(
      ctx.tx,
      db
        .selectFrom('app.career_guidance_referral')
        .select('state')
        .where('municipality_id', '=', municipalityId)
        .where('participant_id', '=', participantId)
        .where('state', '=', anyOf(ACTIVE_STATES, 'text')),
    );
  },

  async insert(ctx: RequestContext, values: ReferralInsert): Promise<ReferralRecord> {
    const row = await first(ctx.tx, db.insertInto('app.career_guidance_referral').values(toRow(careerGuidanceReferralTable, values)).returning('id'));
    // Read back through the loader: the Oslo dates come from the database, as for every other reader.
    const record = row ? await byId(ctx).load(row.id) : null;
    if (!record) throw new Error('the inserted referral cannot be read back');
    return remember(ctx, record);
  },

  /**
   * The version guard is in the UPDATE itself: null when the referral is not at `expectedVersion` (or not
   * one the caller may change). The version moves on with every change.
   */
  async update(
    ctx: RequestContext,
    at: { municipalityId: number; id: string; expectedVersion: number },
    changes: ReferralChanges,
  ): Promise<ReferralRecord | null> {
    const row = await first(
      ctx.tx,
      db
        .updateTable('app.career_guidance_referral as r')
        .set({ ...toRow(careerGuidanceReferralTable, changes), version: (eb) => eb('r.version', '+', 1) })
        .where('r.municipality_id', '=', at.municipalityId)
        .where('r.id', '=', at.id)
        .where('r.version', '=', at.expectedVersion)
        .returning(referralColumns),
    );
    return row ? remember(ctx, toRecord(row)) : null;
  },

  // ------------------------------------------------------------ the county

  /**
   * A page of the county's work list by programme-decision deadline (none last), and the count of all it
   * matches, in one statement: the page is cut (ORDER BY … LIMIT) with the participant and mapping joined
   * in, so the statement count does not grow with the page size.
   */
  async countyPage(
    ctx: RequestContext,
    filter: CountyFilter,
    beyond: CountyKeyset | null,
    limit: number,
    reading: 'ASC' | 'DESC' = 'ASC',
  ): Promise<{ totalCount: number; rows: CountyReferralRecord[] }> {
    const scope = countyScope(ctx, filter);
    const count = db
      .selectFrom('app.career_guidance_referral as r')
      .where(scope)
      .select((eb) => eb.fn.countAll<number>().as('total_count'));
    let page = countyReferrals().where(scope);
    const deadline = beyond?.deadline ?? null;
    // ASC: deadlines ascending, referrals without one last, ties by id; DESC its exact reverse.
    if (reading === 'ASC') {
      if (beyond && deadline === null) page = page.where('p.start_deadline', 'is', null).where('r.id', '>', beyond.id);
      if (beyond && deadline !== null) {
        page = page.where((eb) => eb.or([eb(eb.refTuple('p.start_deadline', 'r.id'), '>', eb.tuple(deadline, beyond.id)), eb('p.start_deadline', 'is', null)]));
      }
    } else {
      if (beyond && deadline === null)
        page = page.where((eb) => eb.or([eb.and([eb('p.start_deadline', 'is', null), eb('r.id', '<', beyond.id)]), eb('p.start_deadline', 'is not', null)]));
      if (beyond && deadline !== null) page = page.where((eb) => eb(eb.refTuple('p.start_deadline', 'r.id'), '<', eb.tuple(deadline, beyond.id)));
    }
    const nulls = (ob: OrderByItemBuilder) => (reading === 'ASC' ? ob.asc().nullsLast() : ob.desc().nullsFirst());
    const dir = reading === 'ASC' ? 'asc' : 'desc';
    const raw = await run(
      ctx.tx,
      db
        .selectFrom(count.as('c'))
        .leftJoinLateral(page.orderBy('p.start_deadline', nulls).orderBy('r.id', dir).limit(limit).as('page'), (j) => j.onTrue())
        .select('c.total_count')
        .selectAll('page')
        .orderBy('page.start_deadline', nulls)
        .orderBy('page.id', dir),
    );
    // The lateral's columns are all NULL only on the one row that carries the count of an empty page.
    const isRow = (r: (typeof raw)[number]): r is (typeof raw)[number] & CountyRow => r.id !== null;
    return { totalCount: raw[0]?.total_count ?? 0, rows: raw.filter(isRow).map(({ total_count: _count, ...r }) => toRecord(r)) };
  },

  /** One referral in the county's projection; another county's, a withdrawn or a random id: undefined. */
  async countyOne(ctx: RequestContext, id: string): Promise<CountyReferralRecord | undefined> {
    const row = await first(ctx.tx, countyReferrals().where(countyScope(ctx)).where('r.id', '=', id));
    return row ? toRecord(row) : undefined;
  },

  /** The municipality a referral the caller can see belongs to (the change log and idempotency keys are the municipality's). */
  async municipalityOf(ctx: RequestContext, id: string): Promise<number | undefined> {
    const row = await first(
      ctx.tx,
      db
        .selectFrom('app.career_guidance_referral')
        .select('municipality_id')
        .where('id', '=', id)
        .where('municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint')),
    );
    return row?.municipality_id;
  },
};
