/**
 * What the appeal module reads of integration plans: a participant's plan and contract versions,
 * for Statsforvalteren's view of a forwarded appeal. Until the plan module has a repository of its own.
 */
import DataLoader from 'dataloader';
import { anyOf, db, run } from '../../db/sql';
import { RequestContext, requestLoader } from '../shared';
import { PlanVersion, toPlanVersion } from './integration-plan';

/** A participant by municipality and id: the key every tenant index starts with. */
export interface PlanOwnerKey {
  municipalityId: number;
  participantId: string;
}
const keyOf = (k: PlanOwnerKey) => `${k.municipalityId}:${k.participantId}`;

/**
 * The request's plan versions by participant, newest first: one statement per request. Keys carry the
 * municipality because Statsforvalteren's settings name none (a reassigned appeal may come from outside
 * its area); row-level security decides what it gets back.
 */
function byParticipant(ctx: RequestContext): DataLoader<PlanOwnerKey, PlanVersion[], string> {
  return requestLoader(
    ctx,
    'integrationPlan.forAppeal.byParticipant',
    () =>
      new DataLoader<PlanOwnerKey, PlanVersion[], string>(
        async (keys) => {
          const rows = await run(
            ctx.tx,
            db
              .selectFrom('app.plan_version')
              .selectAll()
              .where('municipality_id', '=', anyOf([...new Set(keys.map((k) => k.municipalityId))], 'smallint'))
              .where(
                'participant_id',
                '=',
                anyOf(
                  keys.map((k) => k.participantId),
                  'uuid',
                ),
              )
              .orderBy('municipality_id')
              .orderBy('participant_id')
              .orderBy('version_no', 'desc'),
          );
          const groups = new Map<string, PlanVersion[]>();
          for (const r of rows) {
            const key = keyOf({ municipalityId: r.municipality_id, participantId: r.participant_id });
            groups.set(key, [...(groups.get(key) ?? []), toPlanVersion(r)]);
          }
          return keys.map((k) => groups.get(keyOf(k)) ?? []);
        },
        { cacheKeyFn: keyOf },
      ),
  );
}

/** The participant's plan and contract versions, newest first (empty when none, or none the caller may see). */
export function planVersionsForAppeal(ctx: RequestContext, key: PlanOwnerKey): Promise<PlanVersion[]> {
  return byParticipant(ctx).load(key);
}
