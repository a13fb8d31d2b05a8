/**
 * The reference at the limit (issue 20): each read scenario answered by ONE statement in which
 * PostgreSQL builds the whole JSON answer, the GraphQL response's exact `data`, and writes the same
 * access-log rows the API writes; BEGIN, the caller's settings (SET LOCAL, as the API sends them), the
 * statement and COMMIT go in one simple-protocol round trip. Node only forwards the text PostgreSQL
 * returns. Same login (introsak_api, RLS on), same pool size. scripts/bench.ts checks before every run
 * that its answers equal the API's, row for row. Started by scripts/bench.ts as its own process.
 *   GET /case-list?m=ID&org=NNNN   GET /summary?m=ID&org=NNNN   GET /appeal-queue?area=ID&m=IDS   GET /referrals?county=NN&m=IDS
 *   ?first=N (default 50)
 *   POST /register?m=ID&org=NNNN: the writes of registerParticipant with an idempotency key, in one statement (the
 *   participant, its key, its change-log entry through app.audit_append, the access-log row of the id it returns).
 */
import http from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { configureContextKey, signedContext } from '../src/db/tenant-context';
import { eligibilityPeriods } from '../src/domain/eligibility';

// The tenant context is signed as the API signs it (the bench gives every process the same CONTEXT_SECRET).
configureContextKey(process.env.CONTEXT_SECRET || null);
const pool = new Pool({ connectionString: process.env.DATABASE_API_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
pool.on('error', () => undefined);
/** The day the API computes its date rules on: Europe/Oslo's calendar date. */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

interface Caller {
  role: string;
  org: string;
  sub: string;
  m: string;
  ms: string;
}

/**
 * Citus (set at start-up from pg_extension): the same statements in the fewest round trips Citus accepts, the
 * limit of that engine. Measured on Citus 13.2.2 with row-level security on the shards: a simple-protocol query
 * holding BEGIN, the settings and the statement refuses the policy's read of the key table ("cannot execute a
 * distributed query from a query on a shard", though app.context_verified() allows nested execution; the same
 * statement sent on its own passes), and an INSERT … SELECT from a CTE runs as COPY, which Citus refuses under
 * row-level security ("COPY FROM not supported with row-level security"). So on Citus: BEGIN and the settings;
 * the statement, returning the access-log rows beside the answer; INSERT … VALUES of those rows and COMMIT.
 */
let CITUS = false;
const LOG_COLUMNS = 'municipality_id, request_id, actor_sub, actor_role, actor_org, participant_ids, purpose, fields';
/** The access-log rows of a read: written by the statement itself (single node), or returned for an INSERT … VALUES (Citus). */
const logged = (select: string): string =>
  CITUS ? `logged AS MATERIALIZED (${select}\n)` : `logged AS (\n  INSERT INTO app.access_log (${LOG_COLUMNS})${select}\n)`;
const logColumn = (): string => (CITUS ? ', (SELECT json_agg(logged) FROM logged)::text AS log' : '');
interface LogRow {
  municipality_id: number;
  request_id: string;
  actor_sub: string;
  actor_role: string;
  actor_org: string;
  participant_ids: string[];
  purpose: string;
  fields: string[];
}
function logInsert(c: PoolClient, rows: LogRow[]): string {
  const lit = (v: string) => c.escapeLiteral(v);
  const arr = (v: string[]) => lit(`{${v.join(',')}}`);
  const values = rows.map(
    (r) =>
      `(${Number(r.municipality_id)}, ${lit(r.request_id)}, ${lit(r.actor_sub)}, ${lit(r.actor_role)}, ${lit(r.actor_org)}, ${arr(r.participant_ids)}::uuid[], ${lit(r.purpose)}, ${arr(r.fields)}::text[])`,
  );
  return `INSERT INTO app.access_log (${LOG_COLUMNS}) VALUES ${values.join(', ')}`;
}

/** BEGIN and the caller's settings as the API sends them (signed for this backend). */
function beginText(c: PoolClient, caller: Caller, readOnly: boolean): string {
  const lit = (v: string) => c.escapeLiteral(v);
  const set = (name: string, value: string) => `SET LOCAL ${name} = ${lit(value)}`;
  const signed = signedContext(
    {
      role: caller.role,
      org: caller.org,
      actor: caller.sub,
      municipalityId: caller.m ? Number(caller.m) : null,
      municipalityIds: caller.ms.split(',').filter(Boolean).map(Number),
    },
    (c as PoolClient & { processID: number }).processID,
  );
  return [
    'BEGIN',
    set('citus.propagate_set_commands', 'local'),
    ...signed.map(([name, value]) => set(name, value)),
    // As the API: a query's only writes are access-log rows and need not wait for the WAL flush; a mutation does.
    set('synchronous_commit', readOnly ? 'off' : 'on'),
  ].join(';\n');
}

/** BEGIN, the settings, the statement and COMMIT in one round trip (three on Citus); the statement's one text value is the answer. */
async function oneRoundTrip(c: PoolClient, caller: Caller, statement: string, readOnly = true): Promise<string> {
  if (CITUS) {
    await c.query(beginText(c, caller, readOnly));
    const { rows } = await c.query<{ answer: string; log?: string | null }>(statement);
    const log = rows[0]?.log ? (JSON.parse(rows[0].log) as LogRow[]) : [];
    await c.query([...(log.length ? [logInsert(c, log)] : []), 'COMMIT'].join(';\n'));
    return rows[0].answer;
  }
  const text = [beginText(c, caller, readOnly), statement, 'COMMIT'].join(';\n');
  const results = (await c.query(text)) as unknown as { rows: { answer: string }[]; command: string }[];
  const answer = results.find((r) => r.command === 'SELECT' && r.rows[0]?.answer !== undefined);
  if (!answer) throw new Error('no answer');
  return answer.rows[0].answer;
}

/** A number for the SQL text, refused unless it is one. */
const int = (v: string | null, fallback?: number): number => {
  const n = Number(v ?? fallback);
  if (!Number.isInteger(n)) throw new Error(`not an integer: ${v}`);
  return n;
};
const intList = (v: string | null): string =>
  (v ?? '')
    .split(',')
    .filter(Boolean)
    .map((x) => String(int(x)))
    .join(',');

/**
 * The dashboard's case list by start deadline: page, latest decision, end goal, open appeal, count, access log.
 * The tenant is a constant in every subquery (not `page.municipality_id`): Citus then plans the whole statement
 * as one router query on the tenant's shard (with the column it refused: "complex joins are only supported…").
 */
function caseList(c: PoolClient, m: number, first: number, caller: Caller, requestId: string): string {
  const lit = (v: string) => c.escapeLiteral(v);
  return `
WITH page AS MATERIALIZED (
  SELECT p.municipality_id, p.id, p.full_name, p.status, p.start_deadline
  FROM app.participant p WHERE p.municipality_id = ${m}
  ORDER BY p.start_deadline ASC NULLS LAST, p.id ASC LIMIT ${first}
), rows AS MATERIALIZED (
  SELECT page.*, eg.end_goal, ld.type, ld.outcome, ld.decided_at,
         EXISTS (SELECT 1 FROM app.appeal a WHERE a.municipality_id = ${m} AND a.participant_id = page.id AND a.state <> 'CLOSED') AS open_appeal
  FROM page
  LEFT JOIN LATERAL (SELECT v.end_goal FROM app.plan_version v WHERE v.municipality_id = ${m} AND v.participant_id = page.id
                     ORDER BY v.version_no DESC LIMIT 1) eg ON true
  LEFT JOIN LATERAL (SELECT d.type, d.outcome, d.decided_at FROM app.decision d WHERE d.municipality_id = ${m} AND d.participant_id = page.id
                     ORDER BY d.decided_at DESC, d.created_at DESC LIMIT 1) ld ON true
), ${logged(`
  SELECT ${m} AS municipality_id, ${lit(requestId)} AS request_id, ${lit(caller.sub)} AS actor_sub, ${lit(caller.role)} AS actor_role,
         ${lit(caller.org)} AS actor_org, array_agg(id) AS participant_ids, 'CASE_LIST' AS purpose,
         CASE WHEN type IS NULL THEN '{currentEndGoal,hasOpenAppeal,id,latestDecision,name,startDeadline,status}'::text[]
              ELSE '{Decision.decidedAt,Decision.outcome,Decision.type,currentEndGoal,hasOpenAppeal,id,latestDecision,name,startDeadline,status}'::text[] END AS fields
  FROM rows GROUP BY type IS NULL`)}
SELECT json_build_object('participants', json_build_object(
  'totalCount', (SELECT count(*) FROM app.participant WHERE municipality_id = ${m}),
  'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object(
      'id', id, 'name', full_name, 'status', status, 'startDeadline', start_deadline, 'currentEndGoal', end_goal,
      'latestDecision', CASE WHEN type IS NULL THEN NULL ELSE json_build_object('type', type, 'outcome', outcome, 'decidedAt', decided_at) END,
      'hasOpenAppeal', open_appeal)) ORDER BY start_deadline ASC NULLS LAST, id ASC) FROM rows), '[]'::json)))::text AS answer${logColumn()}`;
}

/** The caseload summary's counts (no personal data: no access-log row, as in the API). */
function summary(m: number, day: string): string {
  return `
SELECT json_build_object('caseloadSummary', json_build_object(
  'total', (SELECT count(*) FROM app.participant WHERE municipality_id = ${m}),
  'byStatus', (SELECT json_agg(json_build_object('status', s.status, 'count', coalesce(n.n, 0)) ORDER BY s.o)
               FROM unnest('{REGISTERED,PLANNED,ACTIVE,ON_LEAVE,HALTED,COMPLETED,INTERRUPTED,TRANSFERRED}'::text[]) WITH ORDINALITY s(status, o)
               LEFT JOIN (SELECT status, count(*) n FROM app.participant WHERE municipality_id = ${m} GROUP BY status) n ON n.status = s.status),
  'startsOverdue', (SELECT count(*) FROM app.participant WHERE municipality_id = ${m} AND start_deadline < '${day}'::date AND status IN ('REGISTERED', 'PLANNED')),
  'programmesEndingWithin30Days', (SELECT count(*) FROM app.programme WHERE municipality_id = ${m} AND state IN ('ACTIVE', 'ON_LEAVE', 'HALTED')
                                   AND planned_end_date BETWEEN '${day}'::date AND '${day}'::date + 30),
  'appealsAwaitingReview', (SELECT count(*) FROM app.appeal WHERE municipality_id = ${m} AND state IN ('RECEIVED', 'UNDER_REVIEW'))))::text AS answer`;
}

const APPEAL_FIELDS =
  '{AppealedDecision.decidedAt,AppealedDecision.outcome,AppealedDecision.type,ForwardedAppeal.decision,ForwardedAppeal.forwardedAt,ForwardedAppeal.id,ForwardedAppeal.municipality,ForwardedAppeal.receivedAt,ForwardedAppeal.state}';

/** Statsforvalteren's queue of forwarded appeals by forwarding time, with the appealed decision and the municipality; logged per municipality. */
function appealQueue(c: PoolClient, first: number, caller: Caller, requestId: string): string {
  const lit = (v: string) => c.escapeLiteral(v);
  const area = lit(caller.org);
  return `
WITH page AS MATERIALIZED (
  SELECT a.municipality_id, a.id, a.participant_id, a.decision_id, a.state, a.received_at, a.forwarded_at
  FROM app.appeal a WHERE a.statsforvalter_id = ${area} AND a.forwarded_at IS NOT NULL
  ORDER BY a.forwarded_at, a.id LIMIT ${first}
), rows AS MATERIALIZED (
  SELECT page.*, d.type, d.outcome, d.decided_at, m.number, m.name
  FROM page
  JOIN app.decision d ON d.municipality_id = page.municipality_id AND d.id = page.decision_id
  JOIN app.municipality m ON m.id = page.municipality_id
), ${logged(`
  SELECT municipality_id, ${lit(requestId)} AS request_id, ${lit(caller.sub)} AS actor_sub, ${lit(caller.role)} AS actor_role, ${lit(caller.org)} AS actor_org,
         array_agg(participant_id) AS participant_ids, 'APPEAL_LIST' AS purpose, '${APPEAL_FIELDS}'::text[] AS fields
  FROM rows GROUP BY municipality_id`)}
SELECT json_build_object('appeals', json_build_object(
  'totalCount', (SELECT count(*) FROM app.appeal WHERE statsforvalter_id = ${area} AND forwarded_at IS NOT NULL),
  'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object(
      'id', id, 'state', state, 'receivedAt', received_at,
      'forwardedAt', to_char(forwarded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'municipality', json_build_object('number', number, 'name', name),
      'decision', json_build_object('type', type, 'outcome', outcome, 'decidedAt', decided_at))) ORDER BY forwarded_at, id) FROM rows), '[]'::json)))::text AS answer${logColumn()}`;
}

const REFERRAL_FIELDS =
  '{CountyGuidanceReferral.id,CountyGuidanceReferral.municipality,CountyGuidanceReferral.participant,CountyGuidanceReferral.programmeDecisionDeadline,CountyGuidanceReferral.referredAt,CountyGuidanceReferral.state,GuidanceParticipant.birthYear,GuidanceParticipant.education,GuidanceParticipant.languages,GuidanceParticipant.name,listed}';

/** The county's open referrals by programme-decision deadline, with the participant's and the mapping's window; logged per municipality. */
function referrals(c: PoolClient, first: number, caller: Caller, requestId: string): string {
  const lit = (v: string) => c.escapeLiteral(v);
  const county = lit(caller.org);
  const scope = `r.county_number = ${county} AND r.municipality_id = ANY('{${caller.ms}}'::smallint[]) AND r.state = 'OPEN'`;
  return `
WITH rows AS MATERIALIZED (
  SELECT r.municipality_id, r.id, r.participant_id, r.state, (r.referred_at AT TIME ZONE 'Europe/Oslo')::date AS referred_on,
         m.number, m.name, p.full_name, p.birth_date, p.languages, p.start_deadline, c.education
  FROM app.career_guidance_referral r
  JOIN app.participant p ON p.municipality_id = r.municipality_id AND p.id = r.participant_id
  JOIN app.municipality m ON m.id = r.municipality_id
  LEFT JOIN app.competence_mapping c ON c.municipality_id = r.municipality_id AND c.participant_id = r.participant_id
  WHERE ${scope}
  ORDER BY p.start_deadline ASC NULLS LAST, r.id ASC LIMIT ${first}
), ${logged(`
  SELECT municipality_id, ${lit(requestId)} AS request_id, ${lit(caller.sub)} AS actor_sub, ${lit(caller.role)} AS actor_role, ${lit(caller.org)} AS actor_org,
         array_agg(participant_id) AS participant_ids, 'REFERRAL_LIST' AS purpose, '${REFERRAL_FIELDS}'::text[] AS fields
  FROM rows GROUP BY municipality_id`)}
SELECT json_build_object('careerGuidanceReferrals', json_build_object(
  'totalCount', (SELECT count(*) FROM app.career_guidance_referral r WHERE ${scope}),
  'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object(
      'id', id, 'state', state, 'referredAt', referred_on,
      'municipality', json_build_object('number', number, 'name', name),
      'participant', json_build_object('name', full_name, 'birthYear', extract(year FROM birth_date)::int, 'languages', languages, 'education', coalesce(education, '')),
      'programmeDecisionDeadline', start_deadline)) ORDER BY start_deadline ASC NULLS LAST, id ASC) FROM rows), '[]'::json)))::text AS answer${logColumn()}`;
}

/** Every registration has the same facts, so the same eligibility periods (R-1.8), computed as the API computes them. */
const PERIODS = JSON.stringify(
  eligibilityPeriods({
    birthDate: '1990-01-01',
    permitCategory: 'REFUGEE',
    permitGrantDate: '2026-06-01',
    arrivalDate: '2026-06-10',
    settlementDate: '2026-09-01',
    settledByAgreementWithImdi: true,
    familyReferenceYearsInMunicipality: null,
    weeklyWorkHours: null,
  }),
);
let registrations = 0;

/** registerParticipant's writes: participant, idempotency key, change log (hash-chained in the database), access log. */
function registration(c: PoolClient, m: number, caller: Caller) {
  const lit = (v: string) => c.escapeLiteral(v);
  const n = `${process.pid}-${registrations++}`;
  const identityNumber = String(90_000_000_000 + Math.floor(Math.random() * 9_999_999_999));
  return {
    key: `reference-${n}`,
    requestHash: createHash('sha256').update(`${n}:${identityNumber}`).digest('hex'),
    insert: `INSERT INTO app.participant (municipality_id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date, settlement_date,
                               settled_by_agreement, start_deadline, eligibility_periods, status, assigned_to_sub, assigned_to_name)
  VALUES (${m}, ${lit(`Raw ${n}`)}, '${identityNumber}', '1990-01-01', 'REFUGEE', '2026-06-01', '2026-06-10', '2026-09-01',
          true, '2026-12-01', ${lit(PERIODS)}::jsonb, 'REGISTERED', ${lit(caller.sub)}, ${lit(caller.sub)})
  ON CONFLICT DO NOTHING`,
  };
}
/** The participant's columns kept out of the change log: the identity number and the derived eligibility. */
const UNLOGGED = ['identity_number', 'eligibility_periods', 'eligibility_right_and_duty', 'eligibility_discretionary', 'eligibility_none'];
const LOGGED_FACTS = UNLOGGED.map((c) => `- '${c}'`).join(' ');

function register(c: PoolClient, m: number, caller: Caller, requestId: string): string {
  const lit = (v: string) => c.escapeLiteral(v);
  const { key, requestHash, insert } = registration(c, m, caller);
  return `
WITH p AS (
  ${insert} RETURNING *
), k AS (
  INSERT INTO app.idempotency_key (municipality_id, key, actor_org, operation, request_hash, result_id)
  SELECT p.municipality_id, ${lit(key)}, ${lit(caller.org)}, 'registerParticipant', '${requestHash}', p.id FROM p RETURNING key
), a AS (
  SELECT app.audit_append(p.municipality_id, now(), ${lit(requestId)}, ${lit(caller.sub)}, ${lit(caller.role)}, ${lit(caller.org)}, 'registerParticipant', p.id, 'participant', p.id,
           (SELECT jsonb_object_agg(e.key, jsonb_build_object('to', e.value, 'from', null))
              FROM jsonb_each(to_jsonb(p) ${LOGGED_FACTS}) e)) AS h
  FROM p
), l AS (
  INSERT INTO app.access_log (municipality_id, request_id, actor_sub, actor_role, actor_org, participant_ids, purpose, fields)
  SELECT p.municipality_id, ${lit(requestId)}, ${lit(caller.sub)}, ${lit(caller.role)}, ${lit(caller.org)}, ARRAY[p.id], 'REGISTERPARTICIPANT', '{id}' FROM p
)
SELECT json_build_object('registerParticipant', json_build_object('id', p.id))::text AS answer FROM p, a, (SELECT count(*) FROM k) kk`;
}

/** The same writes on Citus, which refuses an INSERT … SELECT from a CTE under row-level security: the participant, then the rest and COMMIT. */
async function registerOnCitus(c: PoolClient, m: number, caller: Caller, requestId: string): Promise<string> {
  const lit = (v: string) => c.escapeLiteral(v);
  const { key, requestHash, insert } = registration(c, m, caller);
  await c.query(beginText(c, caller, false));
  // RETURNING takes no to_jsonb on Citus ("non-IMMUTABLE functions are not allowed in the RETURNING clause"): the row
  // comes back as PostgreSQL's text of each column, and the change-log entry is built from it here.
  const { rows } = await c.query<Record<string, string | null>>({ text: `${insert} RETURNING *`, types: { getTypeParser: () => (v: string) => v } });
  const p = rows[0] as { id: string } & Record<string, string | null>;
  const changes = Object.fromEntries(
    Object.entries(p)
      .filter(([k]) => !UNLOGGED.includes(k))
      .map(([k, v]) => [k, { to: v, from: null }]),
  );
  const who = `${lit(requestId)}, ${lit(caller.sub)}, ${lit(caller.role)}, ${lit(caller.org)}`;
  await c.query(
    [
      `INSERT INTO app.idempotency_key (municipality_id, key, actor_org, operation, request_hash, result_id) VALUES (${m}, ${lit(key)}, ${lit(caller.org)}, 'registerParticipant', '${requestHash}', '${p.id}')`,
      `SELECT app.audit_append(${m}::smallint, ${lit(new Date().toISOString())}::timestamptz, ${who}, 'registerParticipant', '${p.id}'::uuid, 'participant', '${p.id}'::uuid, ${lit(JSON.stringify(changes))}::jsonb)`,
      logInsert(c, [
        {
          municipality_id: m,
          request_id: requestId,
          actor_sub: caller.sub,
          actor_role: caller.role,
          actor_org: caller.org,
          participant_ids: [p.id],
          purpose: 'REGISTERPARTICIPANT',
          fields: ['id'],
        },
      ]),
      'COMMIT',
    ].join(';\n'),
  );
  return JSON.stringify({ registerParticipant: { id: p.id } });
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const first = int(url.searchParams.get('first'), 50);
  const requestId = randomUUID();
  const c = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => (broken = err);
  c.on('error', onError);
  let answer: string;
  try {
    switch (url.pathname) {
      case '/case-list':
      case '/summary': {
        const m = int(url.searchParams.get('m'));
        const caller = { role: 'MUNICIPALITY', org: url.searchParams.get('org') ?? '', sub: 'bench-reference', m: String(m), ms: String(m) };
        answer = await oneRoundTrip(c, caller, url.pathname === '/summary' ? summary(m, today()) : caseList(c, m, first, caller, requestId));
        break;
      }
      case '/register': {
        const m = int(url.searchParams.get('m'));
        const caller = { role: 'MUNICIPALITY', org: url.searchParams.get('org') ?? '', sub: 'bench-reference', m: String(m), ms: String(m) };
        answer = CITUS ? await registerOnCitus(c, m, caller, requestId) : await oneRoundTrip(c, caller, register(c, m, caller, requestId), false);
        break;
      }
      case '/appeal-queue': {
        const caller = {
          role: 'STATSFORVALTER',
          org: url.searchParams.get('area') ?? '',
          sub: 'bench-reference',
          m: '',
          ms: intList(url.searchParams.get('m')),
        };
        answer = await oneRoundTrip(c, caller, appealQueue(c, first, caller, requestId));
        break;
      }
      case '/referrals': {
        const caller = { role: 'COUNTY', org: url.searchParams.get('county') ?? '', sub: 'bench-reference', m: '', ms: intList(url.searchParams.get('m')) };
        answer = await oneRoundTrip(c, caller, referrals(c, first, caller, requestId));
        break;
      }
      default:
        res.writeHead(404).end();
        return;
    }
  } catch (err) {
    broken ??= err as Error;
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.removeListener('error', onError);
    c.release(broken);
  }
  const text = `{"data":${answer}}`;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  req.resume();
  handle(req, res).catch((err: Error) => {
    if (!res.headersSent) res.writeHead(500);
    res.end(String(err.message));
  });
});
void pool.query(`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'citus'`).then(({ rows }) => {
  CITUS = rows[0].n > 0;
  server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`json reference ready${CITUS ? ' (Citus)' : ''}`));
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
