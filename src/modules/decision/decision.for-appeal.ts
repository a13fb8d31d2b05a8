/**
 * What the appeal module reads of decisions, until the decision module's repository takes it over:
 * the facts of an appealed (or follow-up) decision, and decisions by key for the appeal's views. A
 * reversal's new decision is made with DecisionService.make, like any other decision.
 */
import DataLoader from 'dataloader';
import { anyOf, db, first, run } from '../../db/sql';
import { toRecord } from '../../db/table';
import { RequestContext, requestLoader } from '../shared';
import { toDecision } from './decision.service';
import { DecisionRecord } from './decision.table';
import { Decision } from './decision.types';

/** A decision is found by its municipality and its id (every tenant table's key). */
export interface DecisionKey {
  municipalityId: number;
  id: string;
}
const keyOf = (k: DecisionKey) => `${k.municipalityId}:${k.id}`;

/** What the appeal rules read of a decision: its type, its case, when it was made and when its notice reached the participant. */
export type AppealedDecisionFacts = Pick<
  DecisionRecord,
  | 'municipalityId'
  | 'id'
  | 'participantId'
  | 'type'
  | 'decidedAt'
  | 'notifiedAt'
  | 'reasonsRequestedAt'
  | 'reasonsReceivedAt'
  | 'appealDeadlineExtendedTo'
  | 'appealDeadlineExtendedOn'
>;

/** A decision of `municipalityId` the caller's transaction can see, or null. */
export async function decisionFactsForAppeal(ctx: RequestContext, municipalityId: number, id: string): Promise<AppealedDecisionFacts | null> {
  const row = await first(
    ctx.tx,
    db
      .selectFrom('app.decision')
      .select([
        'municipality_id',
        'id',
        'participant_id',
        'type',
        'decided_at',
        'notified_at',
        'reasons_requested_at',
        'reasons_received_at',
        'appeal_deadline_extended_to',
        'appeal_deadline_extended_on',
      ])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id),
  );
  return row ? toRecord(row) : null;
}

/**
 * The request's decisions by key, for the appeal's views (the appealed decision, a reversal, a follow-up):
 * one statement per request, whatever the number of appeals. Keys carry the municipality, so
 * Statsforvalteren (whose settings name no single municipality) reads through the tenant index too;
 * row-level security decides what each caller gets back.
 */
function byKey(ctx: RequestContext): DataLoader<DecisionKey, Decision | null, string> {
  return requestLoader(
    ctx,
    'decision.forAppeal.byKey',
    () =>
      new DataLoader<DecisionKey, Decision | null, string>(
        async (keys) => {
          const rows = await run(
            ctx.tx,
            db
              .selectFrom('app.decision')
              .selectAll()
              .where('municipality_id', '=', anyOf([...new Set(keys.map((k) => k.municipalityId))], 'smallint'))
              .where(
                'id',
                '=',
                anyOf(
                  keys.map((k) => k.id),
                  'uuid',
                ),
              ),
          );
          const found = new Map(rows.map((r) => [keyOf({ municipalityId: r.municipality_id, id: r.id }), toDecision(r)]));
          return keys.map((k) => found.get(keyOf(k)) ?? null);
        },
        { cacheKeyFn: keyOf },
      ),
  );
}

/** A decision for an appeal's view, or null (none, or one the caller may not see). */
export function decisionForAppealView(ctx: RequestContext, key: DecisionKey): Promise<Decision | null> {
  return byKey(ctx).load(key);
}

/** After a decision changed in this request, the appeal's views must not answer from what was read before. */
export function forgetDecisionForAppeal(ctx: RequestContext, key: DecisionKey): void {
  byKey(ctx).clear(key);
}
