/**
 * The SQL of career guidance, built from constants and bound parameters only. Timestamps are shown as
 * Europe/Oslo calendar dates (R-0.3), converted in the database so every reader gets the same date.
 */
import { isIsoDate } from '../../domain/calendar';
import { decodeCursor, encodeCursor } from '../../graphql/pagination';
import { badInput } from '../../graphql/errors';

const osloDate = (a: string, column: string, as: string) => `(${a}.${column} AT TIME ZONE 'Europe/Oslo')::date AS ${as}`;

/** The referral's own columns (alias `a`), with its timestamps as Oslo dates. */
export function referralColumns(a: string): string {
  return [
    ...['municipality_id', 'id', 'participant_id', 'county_number', 'note', 'state', 'referred_by', 'adviser', 'held_at', 'summary',
      'recommendation_kind', 'recommended_end_goal', 'reduced_goal_reason', 'suggested_elements', 'version'].map((c) => `${a}.${c}`),
    osloDate(a, 'referred_at', 'referred_on'),
    osloDate(a, 'started_at', 'started_on'),
    osloDate(a, 'submitted_at', 'submitted_on'),
    osloDate(a, 'withdrawn_at', 'withdrawn_on'),
  ].join(', ');
}

/**
 * What the county's projection reads besides the referral: the participant's name, birth date, languages,
 * upper-secondary status and start deadline, and the mapping. Never identity_number, never another table.
 */
const COUNTY_PROJECTION = `${referralColumns('r')},
  p.full_name, p.birth_date, p.languages, p.start_deadline, p.has_upper_secondary,
  m.language_skills, m.education, m.work_experience, m.other_competence, m.counts_as_upper_secondary,
  CASE WHEN m.status = 'COMPLETED' THEN m.completed_at END AS mapping_completed_at`;

const COUNTY_FROM = `app.career_guidance_referral r
  JOIN app.participant p ON p.municipality_id = r.municipality_id AND p.id = r.participant_id
  LEFT JOIN app.competence_mapping m ON m.municipality_id = r.municipality_id AND m.participant_id = r.participant_id`;

/** The county's order: programme-decision deadline first (nulls last), ties by id. */
const COUNTY_ORDER = (deadline: string, id: string) => `${deadline}.start_deadline ASC NULLS LAST, ${id}.id ASC`;

/** Bound parameters, numbered as they are added. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}

/**
 * One statement for a page of the county's work list and its count: the page is cut (ORDER BY … LIMIT)
 * with the participant and mapping joined in, so the statement count does not grow with the page size.
 */
export function countyPageSql(where: string, keyset: string, limit: string): string {
  return `SELECT c.total_count, page.*
    FROM (SELECT count(*) AS total_count FROM app.career_guidance_referral r WHERE ${where}) c
    LEFT JOIN LATERAL (
      SELECT ${COUNTY_PROJECTION}
      FROM ${COUNTY_FROM}
      WHERE ${where} ${keyset}
      ORDER BY ${COUNTY_ORDER('p', 'r')}
      LIMIT ${limit}
    ) page ON true
    ORDER BY ${COUNTY_ORDER('page', 'page')}`;
}

/** One referral in the county's projection. */
export function countyOneSql(where: string): string {
  return `SELECT ${COUNTY_PROJECTION} FROM ${COUNTY_FROM} WHERE ${where}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A cursor is [deadline or null, id]. */
export function countyCursor(deadline: string | null, id: string): string {
  return encodeCursor([deadline, id]);
}

/** The keyset condition for the page after `after` (empty for the first page). NULL deadlines sort last. */
export function countyKeyset(after: string | null | undefined, params: Params): string {
  if (!after) return '';
  const [deadline, id] = decodeCursor(after, 2);
  if (typeof id !== 'string' || !UUID_RE.test(id) || (deadline !== null && (typeof deadline !== 'string' || !isIsoDate(deadline)))) {
    throw badInput('after', 'Unknown cursor: use the endCursor of a previous page');
  }
  const idRef = params.add(id, 'uuid');
  if (deadline === null) return `AND p.start_deadline IS NULL AND r.id > ${idRef}`;
  return `AND ((p.start_deadline, r.id) > (${params.add(deadline, 'date')}, ${idRef}) OR p.start_deadline IS NULL)`;
}
