/**
 * Every statement on app.plan_version and app.plan_guidance_link (the guidance a version built on is part
 * of the version's record). Rows become PlanVersionRecords here, once; the module's per-request loaders
 * are cleared by the writes here.
 */
import DataLoader from 'dataloader';
import { anyOf, columnsFromJson, db, first, run } from '../../db/sql';
import { InsertRecord, Row, toRecord, toRow } from '../../db/table';
import { ownMunicipality, RequestContext, requestLoader } from '../shared';
import { planGuidanceLinkTable, PlanVersionRecord, planVersionTable } from './integration-plan.table';

export type PlanVersionInsert = InsertRecord<typeof planVersionTable>;
/** A version as a transfer's snapshot carries it (JSON: its timestamp becomes an ISO string). */
export type PlanVersionTransferRow = Row<typeof planVersionTable>;

/** Every version of the participants' plans the caller can see, newest first: one statement per request, whatever the page size. */
function versionsByParticipant(ctx: RequestContext): DataLoader<string, PlanVersionRecord[]> {
  return requestLoader(
    ctx,
    'integrationPlan.versionsByParticipant',
    () =>
      new DataLoader<string, PlanVersionRecord[]>(async (participantIds) => {
        const rows = await run(
          ctx.tx,
          db
            .selectFrom('app.plan_version')
            .selectAll()
            .where('municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint'))
            .where('participant_id', '=', anyOf(participantIds, 'uuid'))
            .orderBy('participant_id')
            .orderBy('version_no', 'desc'),
        );
        const groups = new Map<string, PlanVersionRecord[]>();
        for (const r of rows) groups.set(r.participant_id, [...(groups.get(r.participant_id) ?? []), toRecord(r)]);
        return participantIds.map((id) => groups.get(id) ?? []);
      }),
  );
}

/** The own municipality's version numbers that built on a referral's guidance, ascending. */
function versionNosByReferral(ctx: RequestContext): DataLoader<string, number[]> {
  return requestLoader(
    ctx,
    'integrationPlan.versionNosByReferral',
    () =>
      new DataLoader<string, number[]>(async (referralIds) => {
        const rows = await run(
          ctx.tx,
          db
            .selectFrom('app.plan_guidance_link as l')
            .innerJoin('app.plan_version as v', (j) => j.onRef('v.municipality_id', '=', 'l.municipality_id').onRef('v.id', '=', 'l.plan_version_id'))
            .select(['l.referral_id', 'v.version_no'])
            .where('l.municipality_id', '=', ownMunicipality(ctx))
            .where('l.referral_id', '=', anyOf(referralIds, 'uuid'))
            .orderBy('v.version_no'),
        );
        return referralIds.map((id) => rows.filter((r) => r.referral_id === id).map((r) => r.version_no));
      }),
  );
}

/** Filled in a copied version: its keys (the receiver's case) and its timestamp. */
const NEW_ROW: readonly string[] = ['municipality_id', 'id', 'participant_id', 'created_at'];

/**
 * What a copied version starts again with: it is the receiver's first version, and the significant change
 * it may have been was against versions and under a decision that stay with the sender.
 */
const STARTS_AGAIN: Partial<PlanVersionTransferRow> = { version_no: 1, significant_change: false, significant_change_decision_id: null };

export const integrationPlanRepository = {
  versions(ctx: RequestContext, participantId: string): Promise<PlanVersionRecord[]> {
    return versionsByParticipant(ctx).load(participantId);
  },

  /** The current (highest) version, read now: the caller holds the case lock. */
  async current(ctx: RequestContext, municipalityId: number, participantId: string): Promise<PlanVersionRecord | null> {
    const row = await first(
      ctx.tx,
      db
        .selectFrom('app.plan_version')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .where('participant_id', '=', participantId)
        .orderBy('version_no', 'desc')
        .limit(1),
    );
    return row ? toRecord(row) : null;
  },

  /** The participant a version of the municipality belongs to. */
  async participantOf(ctx: RequestContext, municipalityId: number, planVersionId: string): Promise<string | null> {
    const row = await first(
      ctx.tx,
      db.selectFrom('app.plan_version').select('participant_id').where('municipality_id', '=', municipalityId).where('id', '=', planVersionId),
    );
    return row?.participant_id ?? null;
  },

  async insert(ctx: RequestContext, values: PlanVersionInsert): Promise<PlanVersionRecord> {
    const row = await first(ctx.tx, db.insertInto('app.plan_version').values(toRow(planVersionTable, values)).returningAll());
    if (!row) throw new Error('the plan version was not inserted');
    versionsByParticipant(ctx).clear(row.participant_id);
    return toRecord(row);
  },

  /** Records the guidance a version built on; false when the version already records one (the same or another). */
  async link(ctx: RequestContext, link: { municipalityId: number; planVersionId: string; referralId: string; linkedBy: string }): Promise<boolean> {
    const rows = await run(
      ctx.tx,
      db
        .insertInto('app.plan_guidance_link')
        .values(toRow(planGuidanceLinkTable, link))
        .onConflict((oc) => oc.doNothing())
        .returning('referral_id'),
    );
    versionNosByReferral(ctx).clear(link.referralId);
    return rows.length === 1;
  },

  /** The guidance a version records, if any. */
  async linkedReferral(ctx: RequestContext, municipalityId: number, planVersionId: string): Promise<string | null> {
    const row = await first(
      ctx.tx,
      db.selectFrom('app.plan_guidance_link').select('referral_id').where('municipality_id', '=', municipalityId).where('plan_version_id', '=', planVersionId),
    );
    return row?.referral_id ?? null;
  },

  versionNosBuiltOn(ctx: RequestContext, referralId: string): Promise<number[]> {
    return versionNosByReferral(ctx).load(referralId);
  },

  // ------------------------------------------------------------ a transfer

  /** The sender's current version, as the snapshot carries it. */
  async currentRow(ctx: RequestContext, municipalityId: number, participantId: string): Promise<PlanVersionTransferRow | null> {
    const row = await first(
      ctx.tx,
      db
        .selectFrom('app.plan_version')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .where('participant_id', '=', participantId)
        .orderBy('version_no', 'desc')
        .limit(1),
    );
    return row ?? null;
  },

  /**
   * The sender's version (as the snapshot holds it, JSON) as the receiver's first version. Every other
   * column is carried over, including any added to app.plan_version later.
   */
  async copy(ctx: RequestContext, row: object, to: { municipalityId: number; participantId: string }): Promise<void> {
    const given: Record<string, unknown> = { ...STARTS_AGAIN, municipality_id: to.municipalityId, participant_id: to.participantId };
    const set = planVersionTable.columnNames.filter((c) => c in given);
    const carried = planVersionTable.columnNames.filter((c) => !(c in given) && !NEW_ROW.includes(c));
    await run(
      ctx.tx,
      db
        .insertInto('app.plan_version')
        .values({ ...Object.fromEntries(set.map((c) => [c, given[c]])), ...columnsFromJson('app.plan_version', row, carried) } as never),
    );
    versionsByParticipant(ctx).clear(to.participantId);
  },
};
