/**
 * The appealed decisions as a relation the appeal module joins into Statsforvalteren's list (Kysely inlines
 * it as a sub-select, which PostgreSQL flattens into a plain join): the columns the decision module's
 * toDecision reads, so the statement on app.decision stays here.
 */
import { db } from '../../db/sql';
import { DECISION_ROW_COLUMNS } from './decision-row';
import './decision.table';

export function appealedDecisions() {
  return db.selectFrom('app.decision').select([...DECISION_ROW_COLUMNS]);
}
