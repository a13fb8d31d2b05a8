/** The competence-mapping module's part of the dashboard's SQL (src/modules/caseload). */
import { CaseRowRef, columnsOf, lit } from '../../db/table';
import { competenceMappingTable } from './competence-mapping.table';

/** the participant's competence mapping is completed. */
export function mappingCompletedSql(p: CaseRowRef): string {
  const m = columnsOf(competenceMappingTable, 'm');
  return `EXISTS (SELECT 1 FROM ${competenceMappingTable.sqlName} m
    WHERE ${m.municipality_id} = ${p.municipality_id} AND ${m.participant_id} = ${p.id} AND ${m.status} = ${lit<'COMPLETED'>('COMPLETED')})`;
}
