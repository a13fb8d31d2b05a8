import type { Row } from '../../db/table';
import type { decisionTable } from './decision.table';

/**
 * The columns of app.decision that toDecision reads. The case list selects exactly these for each
 * row's latest decision (prefixed, in its own SQL) instead of to_jsonb(d): building and parsing a
 * JSON document per row cost the list as much as the rest of its SQL.
 */
export const DECISION_ROW_COLUMNS = [
  'id',
  'participant_id',
  'municipality_id',
  'version',
  'type',
  'outcome',
  'basis',
  'reasons',
  'legal_basis',
  'decided_at',
  'decided_by_name',
  'advance_notice_at',
  'notified_at',
  'reasons_requested_at',
  'reasons_received_at',
  'appeal_deadline_extended_to',
  'appeal_deadline_extended_on',
  'details',
] as const satisfies readonly (keyof Row<typeof decisionTable>)[];

/** A decision as SQL returns it, with the columns the API shows (what another module's SQL selects of it). */
export type DecisionRow = Pick<Row<typeof decisionTable>, (typeof DECISION_ROW_COLUMNS)[number]>;

/** `d.id AS ld_id, d.participant_id AS ld_participant_id, …` for a lateral on app.decision aliased `alias`. */
export function prefixedDecisionColumns(alias: string, prefix: string): string {
  return DECISION_ROW_COLUMNS.map((c) => `${alias}.${c} AS ${prefix}${c}`).join(', ');
}

/** The decision row back from a prefixed result row; null when the lateral found none. */
const prefixed = new Map<string, readonly string[]>();
/** The decision row's column names under a prefix, made once per prefix. */
function prefixedNames(prefix: string): readonly string[] {
  let names = prefixed.get(prefix);
  if (!names) prefixed.set(prefix, (names = DECISION_ROW_COLUMNS.map((c) => prefix + c)));
  return names;
}

export function unprefixedDecisionRow(row: Record<string, unknown>, prefix: string): DecisionRow | null {
  if (row[`${prefix}id`] === null || row[`${prefix}id`] === undefined) return null;
  const out: Record<string, unknown> = {};
  const names = prefixedNames(prefix);
  for (let i = 0; i < DECISION_ROW_COLUMNS.length; i++) out[DECISION_ROW_COLUMNS[i]] = row[names[i]];
  // The columns are app.decision's, as pg returns them (src/db/pg-types.ts): the row's own types.
  return out as DecisionRow;
}
