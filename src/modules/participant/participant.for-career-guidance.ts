/**
 * What career guidance may read of a participant, for the county's projection: name, birth date,
 * languages, upper-secondary status and the start deadline the county prioritises by. Never the identity
 * number: row-level security lets a county read a referred participant's row but cannot hide a column, so
 * the column list here is the boundary.
 *
 * A relation the career-guidance module joins into its own statement (Kysely inlines it as a sub-select,
 * which PostgreSQL flattens into a plain join): the county's work list stays one statement whose page is
 * cut by the participant's start deadline, and the statement on app.participant stays here.
 */
import { db } from '../../db/sql';
import './participant.table';

export function guidanceParticipants() {
  return db.selectFrom('app.participant').select(['municipality_id', 'id', 'full_name', 'birth_date', 'languages', 'start_deadline', 'has_upper_secondary']);
}
