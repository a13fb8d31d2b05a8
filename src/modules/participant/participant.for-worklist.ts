/**
 * What the worklist reads of the participant register (src/modules/worklist): the cases whose programme has
 * not started, and the name and caseworker of the cases its duties are about. Never the
 * identity number: the worklist's lists show names only.
 */
import { anyOf, db, run } from '../../db/sql';
import { toRecord } from '../../db/table';
import type { IsoDate } from '../../domain/calendar';
import { RequestContext } from '../shared';
import './participant.table';

export interface CaseBeforeStartRecord {
  id: string;
  status: string;
  settlementDate: IsoDate | null;
  requestDate: IsoDate | null;
}

/** The municipality's settled cases whose programme has not started (REGISTERED, PLANNED). */
export async function casesBeforeStart(ctx: RequestContext, municipalityId: number): Promise<CaseBeforeStartRecord[]> {
  const rows = await run(
    ctx.tx,
    db
      .selectFrom('app.participant')
      .select(['id', 'status', 'settlement_date', 'request_date'])
      .where('municipality_id', '=', municipalityId)
      .where('status', 'in', ['REGISTERED', 'PLANNED'])
      .where('settlement_date', 'is not', null),
  );
  return rows.map(toRecord);
}

export interface WorklistParticipantRecord {
  id: string;
  fullName: string;
  assignedToSub: string | null;
}

/** The name and caseworker of the municipality's cases `ids`, in one statement whatever their number. */
export async function worklistParticipants(
  ctx: RequestContext,
  municipalityId: number,
  ids: readonly string[],
): Promise<Map<string, WorklistParticipantRecord>> {
  if (!ids.length) return new Map();
  const rows = await run(
    ctx.tx,
    db
      .selectFrom('app.participant')
      .select(['id', 'full_name', 'assigned_to_sub'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', anyOf(ids, 'uuid')),
  );
  return new Map(rows.map((r) => [r.id, toRecord(r)]));
}
