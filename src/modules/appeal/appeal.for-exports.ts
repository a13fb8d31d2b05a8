/**
 * The appeal list for the CSV export (src/modules/exports), as one statement the export streams through a
 * cursor: a municipality's own appeals, or a Statsforvalter office's forwarded appeals, with the filter of
 * Statsforvalteren's `appeals` list (for the municipality, its own number only), the appealed decision's type
 * and the appellant's name (never the identity number, R-9.8).
 */
import { ExpressionBuilder } from 'kysely';
import { db, sql, Tables } from '../../db/sql';
import { toRecord } from '../../db/table';
import type { AppealState, StatsforvalterOutcome } from '../../domain/appeal';
import type { IsoDate } from '../../domain/calendar';
import { InvalidInputError } from '../../domain/errors';
import { appealedDecisions } from '../decision';
import { appellantParticipants } from '../participant';
import { ownMunicipality, RequestContext } from '../shared';
import { ForwardedFilter, forwardedWhere, osloDayStart } from './appeal.repository';
import { AppealFilter } from './appeal.types';
import { filterOf } from './statsforvalter.service';

export interface AppealExportRow {
  municipalityId: number;
  id: string;
  participantId: string;
  participantName: string;
  decisionType: string;
  decisionDecidedAt: IsoDate;
  state: AppealState;
  receivedAt: IsoDate;
  sentAt: IsoDate;
  deadline: IsoDate;
  filedInTime: boolean;
  forwardedOn: IsoDate | null;
  statsforvalterId: string | null;
  outcome: StatsforvalterOutcome | null;
  outcomeDecidedAt: IsoDate | null;
  followUpDecisionId: string | null;
}

type Scope = ExpressionBuilder<Tables & { a: Tables['app.appeal'] }, 'a'>;

/** The municipality's own appeals that match `f` (the Statsforvalter filter's conditions, without the office). */
function municipalityWhere(municipalityId: number, f: Omit<ForwardedFilter, 'statsforvalterId'>) {
  return (eb: Scope) => {
    const c = [eb('a.municipality_id', '=', municipalityId)];
    if (f.state !== undefined) c.push(eb('a.state', '=', f.state));
    if (f.receivedFrom !== undefined) c.push(eb('a.received_at', '>=', f.receivedFrom));
    if (f.receivedTo !== undefined) c.push(eb('a.received_at', '<=', f.receivedTo));
    if (f.forwardedFrom !== undefined) c.push(eb('a.forwarded_at', '>=', osloDayStart(f.forwardedFrom, 0)));
    if (f.forwardedTo !== undefined) c.push(eb('a.forwarded_at', '<', osloDayStart(f.forwardedTo, 1)));
    return eb.and(c);
  };
}

export function appealListExportQuery(
  ctx: RequestContext,
  filter: AppealFilter | null | undefined,
): { sql: string; params: unknown[]; row(raw: Record<string, unknown>): AppealExportRow } {
  let q = db
    .selectFrom('app.appeal as a')
    .innerJoin(appealedDecisions().as('d'), (j) => j.onRef('d.municipality_id', '=', 'a.municipality_id').onRef('d.id', '=', 'a.decision_id'))
    .innerJoin(appellantParticipants().as('pt'), (j) => j.onRef('pt.municipality_id', '=', 'a.municipality_id').onRef('pt.id', '=', 'a.participant_id'))
    .select([
      'a.municipality_id',
      'a.id',
      'a.participant_id',
      'pt.full_name as participant_name',
      'd.type as decision_type',
      'd.decided_at as decision_decided_at',
      'a.state',
      'a.received_at',
      'a.sent_at',
      'a.deadline',
      'a.filed_in_time',
      sql<IsoDate | null>`(a.forwarded_at AT TIME ZONE 'Europe/Oslo')::date`.as('forwarded_on'),
      'a.statsforvalter_id',
      'a.outcome',
      'a.outcome_decided_at',
      'a.follow_up_decision_id',
    ]);
  if (ctx.actor.role === 'STATSFORVALTER') {
    q = q.where(forwardedWhere(filterOf(ctx, filter)));
  } else {
    const m = ownMunicipality(ctx);
    const f = filterOf(ctx, filter);
    if (f.municipalityId !== undefined && f.municipalityId !== m)
      throw new InvalidInputError('filter.municipalityNumber', 'A municipality exports its own appeals only');
    q = q.where(municipalityWhere(m, f));
    if (f.decisionType !== undefined) q = q.where('d.type', '=', f.decisionType);
  }
  const compiled = q.orderBy('a.received_at').orderBy('a.id').compile();
  return { sql: compiled.sql, params: compiled.parameters as unknown[], row: (raw) => toRecord(raw) as unknown as AppealExportRow };
}
