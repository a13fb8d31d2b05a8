/**
 * What Statsforvalteren's appeal list may read of the appellant: name and birth date, never the
 * identity number. A relation the appeal module joins into its own statement (Kysely inlines it as a
 * sub-select, which PostgreSQL flattens into a plain join), so the statement on app.participant stays here.
 */
import { db } from '../../db/sql';
import './participant.table';

export function appellantParticipants() {
  return db.selectFrom('app.participant').select(['municipality_id', 'id', 'full_name', 'birth_date']);
}

/** The municipality's participants a caseworker (by subject) is assigned: what the municipality's appeal list filters by. */
export function participantsAssignedTo(sub: string) {
  return db.selectFrom('app.participant').select(['municipality_id', 'id']).where('assigned_to_sub', '=', sub);
}
