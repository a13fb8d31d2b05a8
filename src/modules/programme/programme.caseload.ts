/** The programme's parts of the dashboard's SQL (src/modules/caseload). */
import type { ProgrammeState } from '../../domain/programme';
import { CaseRowRef, columnsOf, litList } from '../../db/table';
import { programmeTable } from './programme.table';

/** A programme that runs (and so has a planned end date that matters); the partial index programme_end covers these. */
const RUNNING: readonly ProgrammeState[] = ['ACTIVE', 'ON_LEAVE', 'HALTED'];
const g = columnsOf(programmeTable, 'g');

/** The planned end date falls in [today, today + days] and the programme runs. */
function ending(today: string, days: string): string {
  return `${g.state} IN (${litList(RUNNING)}) AND ${g.planned_end_date} BETWEEN ${today} AND ${today} + ${days}`;
}

/** The participant's programme runs and is planned to end within `days` (a bound int) of `today` (a bound date). */
export function programmeEndingSql(p: CaseRowRef, today: string, days: string): string {
  return `EXISTS (SELECT 1 FROM ${programmeTable.sqlName} g WHERE ${g.municipality_id} = ${p.municipality_id} AND ${g.participant_id} = ${p.id}
    AND ${ending(today, days)})`;
}

/** The summary's count of running programmes planned to end within `days`. */
export function programmesEndingCountSql(municipality: string, today: string, days: string): string {
  return `(SELECT count(*) FROM ${programmeTable.sqlName} g WHERE ${g.municipality_id} = ${municipality} AND ${ending(today, days)})`;
}

/**
 * The participant's programme's planned end date (NULL without a programme or without a date), as a
 * sort key of the case list (its PLANNED_END_DATE order): one probe of the unique (municipality_id,
 * participant_id) index per row.
 */
export function plannedEndDateSql(p: CaseRowRef): string {
  return `(SELECT ${g.planned_end_date} FROM ${programmeTable.sqlName} g WHERE ${g.municipality_id} = ${p.municipality_id} AND ${g.participant_id} = ${p.id})`;
}
