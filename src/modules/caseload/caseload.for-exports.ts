/**
 * The case list for the CSV export (src/modules/exports): the same filter and order as `participants`
 * (caseload.sql.ts), every matching row, with what the list shows of the other parts of the case, as one
 * statement the export streams through a cursor. The eligibility filter is the law evaluated in
 * TypeScript, as for the list: `matches` applies it to each streamed row.
 */
import { toRecord } from '../../db/table';
import { evaluateEligibility } from '../../domain/eligibility';
import { hasOpenAppealSql } from '../appeal';
import { mappingCompletedSql } from '../competence-mapping';
import { latestDecisionLateralSql } from '../decision';
import { currentEndGoalLateralSql } from '../integration-plan';
import { ParticipantRecord, participantTable } from '../participant';
import { ownMunicipality, RequestContext } from '../shared';
import { columnsOf } from '../../db/table';
import { filterConditions, orderBySql, ParticipantOrderValue, SqlParams, sqlScope } from './caseload.sql';
import type { ParticipantFilter } from './caseload.types';

const P = columnsOf(participantTable, 'p');
/** Every participant column but the identity number: an export never carries it. */
const COLUMNS = participantTable.columnNames.filter((c) => c !== 'identity_number').map((c) => `p.${c}`);

export interface CaseExportRow {
  participant: Omit<ParticipantRecord, 'identityNumber'>;
  currentEndGoal: string | null;
  mappingCompleted: boolean;
  hasOpenAppeal: boolean;
  latestDecision: { type: string; outcome: string; decidedAt: string; notifiedAt: string | null } | null;
}

export interface CaseExportQuery {
  sql: string;
  params: unknown[];
  /** The row as the export writes it, or null when the eligibility filter leaves it out. */
  row(raw: Record<string, unknown>): CaseExportRow | null;
}

export function caseListExportQuery(ctx: RequestContext, filter: ParticipantFilter | null | undefined, order: ParticipantOrderValue): CaseExportQuery {
  const params = new SqlParams();
  const q = sqlScope(params, ctx.today);
  const where = [`p.municipality_id = ${params.add(ownMunicipality(ctx), 'smallint')}`, ...filterConditions(filter, q, ctx.actor.sub)].join('\n AND ');
  const sql = `SELECT ${COLUMNS.join(', ')}, eg.end_goal AS current_end_goal, ${mappingCompletedSql(P)} AS mapping_completed,
      ${hasOpenAppealSql(P)} AS has_open_appeal, ld.ld_type, ld.ld_outcome, ld.ld_decided_at, ld.ld_notified_at
    FROM ${participantTable.sqlName} p
    LEFT JOIN LATERAL (${currentEndGoalLateralSql(P)}) eg ON true
    LEFT JOIN LATERAL (${latestDecisionLateralSql(P, 'ld_')}) ld ON true
    WHERE ${where}
    ORDER BY ${orderBySql(order, 'p')}`;
  const basis = filter?.eligibility ?? null;
  return {
    sql,
    params: params.values,
    row(raw) {
      const { current_end_goal, mapping_completed, has_open_appeal, ld_type, ld_outcome, ld_decided_at, ld_notified_at, ...own } = raw;
      const p = toRecord(own) as unknown as Omit<ParticipantRecord, 'identityNumber'>;
      if (basis) {
        const e = evaluateEligibility({
          birthDate: p.birthDate,
          permitCategory: p.permitCategory as never,
          permitGrantDate: p.permitGrantDate,
          arrivalDate: p.arrivalDate,
          settlementDate: p.settlementDate,
          settledByAgreementWithImdi: p.settledByAgreement,
          familyReferenceYearsInMunicipality: p.familyReferenceYears,
          weeklyWorkHours: p.weeklyWorkHours,
          evaluationDate: ctx.today,
          requestDate: p.requestDate,
        });
        if (e.basis !== basis) return null;
      }
      return {
        participant: p,
        currentEndGoal: (current_end_goal as string | null) ?? null,
        mappingCompleted: Boolean(mapping_completed),
        hasOpenAppeal: Boolean(has_open_appeal),
        latestDecision: ld_type
          ? { type: String(ld_type), outcome: String(ld_outcome), decidedAt: String(ld_decided_at), notifiedAt: (ld_notified_at as string | null) ?? null }
          : null,
      };
    },
  };
}
