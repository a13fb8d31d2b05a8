/**
 * What the worklist reads of appeals (src/modules/worklist): the municipality's appeals with a duty left
 * (review, detriment notice, follow-up ), and the forwarded appeals awaiting
 * Statsforvalteren's decision, with the appellant's name (never the identity number, R-9.8).
 */
import { db, run, sql } from '../../db/sql';
import { toRecord } from '../../db/table';
import type { AppealState, StatsforvalterOutcome } from '../../domain/appeal';
import type { IsoDate } from '../../domain/calendar';
import { appellantParticipants } from '../participant';
import { RequestContext } from '../shared';
import './appeal.table';

export interface WorklistAppealRecord {
  municipalityId: number;
  id: string;
  participantId: string;
  state: AppealState;
  receivedAt: IsoDate;
  /** The day it was forwarded, Europe/Oslo. */
  forwardedOn: IsoDate | null;
  outcome: StatsforvalterOutcome | null;
  outcomeDecidedAt: IsoDate | null;
  followUpDecisionId: string | null;
  detrimentNoticeAt: IsoDate | null;
}

const COLUMNS = [
  'a.municipality_id',
  'a.id',
  'a.participant_id',
  'a.state',
  'a.received_at',
  sql<IsoDate | null>`(a.forwarded_at AT TIME ZONE 'Europe/Oslo')::date`.as('forwarded_on'),
  'a.outcome',
  'a.outcome_decided_at',
  'a.follow_up_decision_id',
  'a.detriment_notice_at',
] as const;

/** The municipality's appeals that are undecided, or decided CHANGED / QUASHED_AND_RETURNED without a follow-up decision. */
export async function municipalityWorklistAppeals(ctx: RequestContext, municipalityId: number): Promise<WorklistAppealRecord[]> {
  const rows = await run(
    ctx.tx,
    db
      .selectFrom('app.appeal as a')
      .select(COLUMNS)
      .where('a.municipality_id', '=', municipalityId)
      .where((eb) =>
        eb.or([
          eb('a.state', 'in', [sql.lit<AppealState>('RECEIVED'), sql.lit<AppealState>('UNDER_REVIEW')]),
          eb('a.state', 'in', [sql.lit<AppealState>('FORWARDED'), sql.lit<AppealState>('PARTLY_REVERSED_AND_FORWARDED')]),
          eb.and([
            eb('a.outcome', 'in', [sql.lit<StatsforvalterOutcome>('CHANGED'), sql.lit<StatsforvalterOutcome>('QUASHED_AND_RETURNED')]),
            eb('a.follow_up_decision_id', 'is', null),
          ]),
        ]),
      ),
  );
  return rows.map(toRecord);
}

export type ForwardedWorklistAppealRecord = WorklistAppealRecord & { participantName: string };

/** The office's forwarded appeals that Statsforvalteren has not decided, with the appellant's name. */
export async function statsforvalterWorklistAppeals(ctx: RequestContext, statsforvalterId: string): Promise<ForwardedWorklistAppealRecord[]> {
  const rows = await run(
    ctx.tx,
    db
      .selectFrom('app.appeal as a')
      .innerJoin(appellantParticipants().as('pt'), (j) => j.onRef('pt.municipality_id', '=', 'a.municipality_id').onRef('pt.id', '=', 'a.participant_id'))
      .select(COLUMNS)
      .select('pt.full_name as participant_name')
      .where('a.statsforvalter_id', '=', statsforvalterId)
      .where('a.forwarded_at', 'is not', null)
      .where('a.state', 'in', [sql.lit<AppealState>('FORWARDED'), sql.lit<AppealState>('PARTLY_REVERSED_AND_FORWARDED')]),
  );
  return rows.map(toRecord);
}
