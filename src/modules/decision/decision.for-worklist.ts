/**
 * What the worklist reads of decisions (src/modules/worklist): the newest participation outcome of cases
 * before their start, decisions whose notice is not recorded, and granted care
 * leave that has not ended.
 */
import { anyOf, db, run, sql } from '../../db/sql';
import { toRecord } from '../../db/table';
import type { IsoDate } from '../../domain/calendar';
import type { DecisionType } from '../../domain/decision-types';
import { RequestContext } from '../shared';
import type { DecisionOutcome } from './decision.table';

/** The newest PARTICIPATION decision's outcome of each case among `participantIds` that has one. */
export async function participationOutcomes(
  ctx: RequestContext,
  municipalityId: number,
  participantIds: readonly string[],
): Promise<Map<string, DecisionOutcome>> {
  if (!participantIds.length) return new Map();
  const rows = await run(
    ctx.tx,
    db
      .selectFrom('app.decision')
      .distinctOn('participant_id')
      .select(['participant_id', 'outcome'])
      .where('municipality_id', '=', municipalityId)
      .where('participant_id', '=', anyOf(participantIds, 'uuid'))
      .where('type', '=', sql.lit('PARTICIPATION'))
      .orderBy('participant_id')
      .orderBy('decided_at', 'desc')
      .orderBy('created_at', 'desc'),
  );
  return new Map(rows.map((r) => [r.participant_id, r.outcome]));
}

export interface DecisionAwaitingNoticeRecord {
  id: string;
  participantId: string;
  type: DecisionType;
  decidedAt: IsoDate;
}

/** the municipality's decisions whose notice to the participant is not recorded (partial index decision_awaiting_notice). */
export async function decisionsAwaitingNotice(ctx: RequestContext, municipalityId: number): Promise<DecisionAwaitingNoticeRecord[]> {
  const rows = await run(
    ctx.tx,
    db
      .selectFrom('app.decision')
      .select(['id', 'participant_id', 'type', 'decided_at'])
      .where('municipality_id', '=', municipalityId)
      .where('notified_at', 'is', null),
  );
  return rows.map(toRecord);
}

export interface CareLeaveRecord {
  /** The LEAVE decision that granted it. */
  id: string;
  participantId: string;
  fromDate: IsoDate;
  toDate: IsoDate;
}

/** granted care leave (LEAVE decisions of kind CARE_LEAVE) that has not ended before `today`. */
export async function careLeavesNotEnded(ctx: RequestContext, municipalityId: number, today: IsoDate): Promise<CareLeaveRecord[]> {
  const rows = await run(
    ctx.tx,
    db
      .selectFrom('app.decision')
      .select((eb) => {
        const leave = () => eb.ref('details', '->>').key('leave');
        return ['id', 'participant_id', sql<IsoDate>`${leave().key('fromDate')}`.as('from_date'), sql<IsoDate>`${leave().key('toDate')}`.as('to_date')];
      })
      .where('municipality_id', '=', municipalityId)
      .where('type', '=', sql.lit('LEAVE'))
      .where('outcome', '=', sql.lit('GRANTED'))
      .where(sql<boolean>`details->'leave'->>'kind' = 'CARE_LEAVE' AND (details->'leave'->>'toDate')::date >= ${today}::date`),
  );
  return rows.map(toRecord);
}
