/**
 * The physical limit beside the GraphQL server: the benchmark's scenarios answered by minimal
 * hand-written SQL through pg, with the same pool size, the same login (introsak_api, RLS on) and the
 * same transaction-local settings. Started by scripts/bench.ts as its own process.
 *   GET /case-list?m=ID   GET /summary?m=ID   GET /appeal-queue?area=ID&m=IDS   GET /referrals?county=NN&m=IDS   POST /register?m=ID
 */
import http from 'node:http';
import { Pool, PoolClient } from 'pg';
import { configureContextKey, signedContext } from '../src/db/tenant-context';
import { eligibilityPeriods } from '../src/domain/eligibility';

/** The registration's eligibility periods, computed as the API computes them, once: every raw registration has the same facts. */
const RAW_PERIODS = JSON.stringify(
  eligibilityPeriods({
    birthDate: '1990-01-01',
    permitCategory: 'REFUGEE',
    permitGrantDate: '2026-06-01',
    arrivalDate: '2026-06-10',
    settlementDate: '2026-09-01',
    settledByAgreementWithImdi: false,
    familyReferenceYearsInMunicipality: null,
    weeklyWorkHours: null,
  }),
);
configureContextKey(process.env.CONTEXT_SECRET || null);
const pool = new Pool({ connectionString: process.env.DATABASE_API_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const today = new Date().toISOString().slice(0, 10);

/** Named statements, as the API uses: parsed and planned once per connection. */
let named = 0;
const names = new Map<string, string>();
function q(c: PoolClient, text: string, values: unknown[]) {
  let name = names.get(text);
  if (!name) names.set(text, (name = `raw_${named++}`));
  return c.query({ name, text, values });
}

async function inTenant<T>(settings: { role: string; org: string; m: string; ms: string }, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    // BEGIN and the settings in one round trip, as the API sends them.
    const lit = (v: string) => c.escapeLiteral(v);
    const signed = signedContext(
      {
        role: settings.role,
        org: settings.org,
        actor: 'bench',
        municipalityId: settings.m ? Number(settings.m) : null,
        municipalityIds: settings.ms.split(',').filter(Boolean).map(Number),
      },
      (c as PoolClient & { processID: number }).processID,
    );
    await c.query(['BEGIN', ...signed.map(([name, value]) => `SET LOCAL ${name} = ${lit(value)}`)].join('; '));
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

const CASE_LIST = `
  SELECT p.id, p.full_name, p.status, p.start_deadline, eg.end_goal, ld.type AS decision_type, ld.outcome AS decision_outcome, ld.decided_at,
         EXISTS (SELECT 1 FROM app.appeal a WHERE a.municipality_id = p.municipality_id AND a.participant_id = p.id AND a.state <> 'CLOSED') AS open_appeal,
         (SELECT count(*) FROM app.participant WHERE municipality_id = $1) AS total
  FROM (SELECT * FROM app.participant WHERE municipality_id = $1 ORDER BY start_deadline ASC NULLS LAST, id ASC LIMIT 50) p
  LEFT JOIN LATERAL (SELECT v.end_goal FROM app.plan_version v WHERE v.municipality_id = p.municipality_id AND v.participant_id = p.id ORDER BY v.version_no DESC LIMIT 1) eg ON true
  LEFT JOIN LATERAL (SELECT d.type, d.outcome, d.decided_at FROM app.decision d WHERE d.municipality_id = p.municipality_id AND d.participant_id = p.id ORDER BY d.decided_at DESC, d.created_at DESC LIMIT 1) ld ON true
  ORDER BY p.start_deadline ASC NULLS LAST, p.id ASC`;

// The same counts the API's caseloadSummary answers, written by hand.
const SUMMARY = `
  SELECT (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*) n FROM app.participant WHERE municipality_id = $1 GROUP BY status) s) AS by_status,
         (SELECT count(*) FROM app.participant WHERE municipality_id = $1 AND start_deadline < $2 AND status IN ('REGISTERED', 'PLANNED')) AS overdue,
         (SELECT count(*) FROM app.participant p WHERE p.municipality_id = $1 AND p.status NOT IN ('COMPLETED', 'INTERRUPTED', 'TRANSFERRED')
            AND NOT EXISTS (SELECT 1 FROM app.competence_mapping c WHERE c.municipality_id = p.municipality_id AND c.participant_id = p.id AND c.status = 'COMPLETED')) AS mappings_missing,
         (SELECT count(*) FROM app.participant p WHERE p.municipality_id = $1 AND p.status NOT IN ('COMPLETED', 'INTERRUPTED', 'TRANSFERRED')
            AND NOT EXISTS (SELECT 1 FROM app.plan_version v WHERE v.municipality_id = p.municipality_id AND v.participant_id = p.id)) AS plans_missing,
         (SELECT count(DISTINCT participant_id) FROM app.appeal WHERE municipality_id = $1 AND state <> 'CLOSED') AS open_appeals,
         (SELECT count(*) FROM app.decision WHERE municipality_id = $1 AND notified_at IS NULL) AS awaiting_notice,
         (SELECT count(*) FROM app.appeal WHERE municipality_id = $1 AND state IN ('RECEIVED', 'UNDER_REVIEW')) AS appeals_awaiting_review,
         (SELECT count(*) FROM app.appeal WHERE municipality_id = $1 AND outcome IN ('CHANGED', 'QUASHED_AND_RETURNED') AND follow_up_decision_id IS NULL) AS follow_ups,
         (SELECT count(*) FROM app.programme WHERE municipality_id = $1 AND state IN ('ACTIVE', 'ON_LEAVE', 'HALTED') AND planned_end_date BETWEEN $2 AND $2::date + 30) AS ending`;

const APPEAL_QUEUE = `
  SELECT a.id, a.state, a.received_at, a.forwarded_at, m.number, m.name, d.type, d.outcome, d.decided_at,
         (SELECT count(*) FROM app.appeal WHERE statsforvalter_id = $1 AND forwarded_at IS NOT NULL) AS total
  FROM (SELECT * FROM app.appeal WHERE statsforvalter_id = $1 AND forwarded_at IS NOT NULL ORDER BY forwarded_at, id LIMIT 50) a
  JOIN app.decision d ON d.municipality_id = a.municipality_id AND d.id = a.decision_id
  JOIN app.municipality m ON m.id = a.municipality_id
  ORDER BY a.forwarded_at, a.id`;

const REFERRALS = `
  SELECT r.id, r.state, r.referred_at, m.number, p.full_name, p.birth_date, p.languages, p.start_deadline, c.education, c.work_experience,
         (SELECT count(*) FROM app.career_guidance_referral WHERE county_number = $1 AND state = 'OPEN') AS total
  FROM app.career_guidance_referral r
  JOIN app.participant p ON p.municipality_id = r.municipality_id AND p.id = r.participant_id
  JOIN app.municipality m ON m.id = r.municipality_id
  LEFT JOIN app.competence_mapping c ON c.municipality_id = r.municipality_id AND c.participant_id = r.participant_id
  WHERE r.county_number = $1 AND r.state = 'OPEN'
  ORDER BY p.start_deadline ASC NULLS LAST, r.id LIMIT 50`;

let seq = 0;
async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const m = url.searchParams.get('m') ?? '';
  const municipality = { role: 'MUNICIPALITY', org: url.searchParams.get('org') ?? 'x', m, ms: m };
  let body: unknown;
  switch (url.pathname) {
    case '/case-list':
      body = await inTenant(municipality, async (c) => ({ rows: (await q(c, CASE_LIST, [m])).rows }));
      break;
    case '/summary':
      body = await inTenant(municipality, async (c) => (await q(c, SUMMARY, [m, today])).rows[0]);
      break;
    case '/appeal-queue': {
      const area = url.searchParams.get('area') ?? '';
      body = await inTenant({ role: 'STATSFORVALTER', org: area, m: '', ms: m }, async (c) => ({ rows: (await q(c, APPEAL_QUEUE, [area])).rows }));
      break;
    }
    case '/referrals': {
      const county = url.searchParams.get('county') ?? '';
      body = await inTenant({ role: 'COUNTY', org: county, m: '', ms: m }, async (c) => ({ rows: (await q(c, REFERRALS, [county])).rows }));
      break;
    }
    case '/register': {
      // The same work the API must do for a registration: the row, and its change-log entry in the municipality's hash chain.
      const n = `${process.pid}-${seq++}`;
      body = await inTenant(municipality, async (c) => {
        const row = (
          await q(
            c,
            `INSERT INTO app.participant (municipality_id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date, settlement_date, start_deadline, eligibility_periods)
           VALUES ($1, $2, $3, '1990-01-01', 'REFUGEE', '2026-06-01', '2026-06-10', '2026-09-01', '2026-12-01', $4::jsonb) ON CONFLICT DO NOTHING RETURNING id`,
            [m, `Raw ${n}`, String(90_000_000_000 + Math.floor(Math.random() * 9_999_999_999)), RAW_PERIODS],
          )
        ).rows[0];
        // The change log's one way in, as the API appends (app.audit_append: numbered, hashed and chained in the database).
        await q(
          c,
          `SELECT app.audit_append($1::smallint, now(), 'raw', 'bench', 'MUNICIPALITY', 'x', 'registerParticipant', $2::uuid, NULL, NULL, '{}'::jsonb)`,
          [m, row.id],
        );
        return row;
      });
      break;
    }
    default:
      res.writeHead(404).end();
      return;
  }
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  req.resume();
  handle(req, res).catch((err) => {
    res.writeHead(500).end(String(err.message));
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('raw server ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
