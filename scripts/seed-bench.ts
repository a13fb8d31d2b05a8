/**
 * npm run seed:bench -- --participants 100000
 *
 * Fills the benchmark database (introsak_bench on DATABASE_URL's server, or the embedded one)
 * deterministically (fixed seed) with a realistic spread over all 357 municipalities: large ones get
 * more (a Zipf spread with the largest cities first, the largest ~7 % of all), with mappings, plan
 * versions, programmes in every state, decisions of every type, absence, certificates, appeals in
 * every state and career-guidance referrals. Bulk INSERT … SELECT FROM unnest(…) in batches and
 * set-based SQL for the derived tables: no ORM save per row.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { REFERENCE_TABLES, tablesInDependencyOrder } from '../src/db/backup';
import { openBenchDatabase } from './lib/bench-db';
import { runScript, UsageError } from './lib/errors';
import { makeFnr } from './lib/synthetic';
import { eligibilityPeriods, PermitCategory } from '../src/domain/eligibility';

const BIG = ['0301', '4601', '5001', '1103', '3301', '4204', '3205', '3201', '5501', '1108', '3403', '3907', '1506', '1804'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const FIRST = [
  'Amina',
  'Hassan',
  'Fatima',
  'Omar',
  'Layla',
  'Yusuf',
  'Mariam',
  'Ali',
  'Nour',
  'Ahmad',
  'Sara',
  'Olena',
  'Andrii',
  'Iryna',
  'Dmytro',
  'Abdi',
  'Hodan',
  'Tesfay',
  'Semhar',
  'Reza',
];
const LAST = [
  'Ali',
  'Hussein',
  'Mohammed',
  'Ahmadi',
  'Haile',
  'Kovalenko',
  'Shevchenko',
  'Bondarenko',
  'Abdullahi',
  'Yusuf',
  'Karimi',
  'Tesfaye',
  'Rahimi',
  'Osman',
  'Melnyk',
];
const LANGS = ['ar', 'uk', 'ti', 'so', 'fa', 'prs', 'ps', 'ru', 'ku', 'en'];
const STATES = ['REGISTERED', 'PLANNED', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ON_LEAVE', 'HALTED', 'COMPLETED', 'COMPLETED', 'INTERRUPTED'];

function isoDay(base: number, days: number): string {
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const total = Number(arg('participants', '100000'));
  if (!Number.isInteger(total) || total < 1)
    throw new UsageError(
      `--participants must be a whole number above 0, not "${arg('participants', '')}"`,
      'usage: npm run seed:bench -- [--participants N]   (default 100000)',
    );
  const started = Date.now();
  const { ownerUrl, embedded } = await openBenchDatabase();
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const tables = await tablesInDependencyOrder(db);
    await db.query(`TRUNCATE ${tables.map((t) => `app.${t}`).join(', ')}`);
    const { rows: munis } = await db.query(`SELECT id, number FROM app.municipality ORDER BY number`);
    const ordered = [
      ...BIG.map((n) => munis.find((m: { number: string }) => m.number === n)).filter(Boolean),
      ...munis.filter((m: { number: string }) => !BIG.includes(m.number)),
    ];
    const weights = ordered.map((_, i) => 1 / Math.pow(i + 1, 0.8));
    const sum = weights.reduce((a, b) => a + b, 0);
    const counts = weights.map((w) => Math.max(3, Math.round((w / sum) * total)));
    const rnd = mulberry32(20261127);
    const BASE = Date.UTC(2024, 0, 1);

    let n = 0;
    const used = new Set<string>();
    const batch: Record<string, unknown[]> = {};
    const cols = [
      'municipality_id',
      'full_name',
      'identity_number',
      'birth_date',
      'permit_category',
      'permit_grant_date',
      'arrival_date',
      'settlement_date',
      'settled_by_agreement',
      'has_upper_secondary',
      'languages',
      'start_deadline',
      'status',
      'assigned_to_sub',
      'assigned_to_name',
      'lives_with_parent',
      'eligibility_periods',
    ];
    const types = [
      'smallint',
      'text',
      'text',
      'date',
      'text',
      'date',
      'date',
      'date',
      'boolean',
      'boolean',
      'text',
      'date',
      'text',
      'text',
      'text',
      'boolean',
      'jsonb',
    ];
    const reset = () => cols.forEach((c) => (batch[c] = []));
    const flush = async () => {
      if (!batch.municipality_id.length) return;
      await db.query(
        `INSERT INTO app.participant (${cols.join(', ')})
         SELECT ${cols.map((c) => (c === 'languages' ? `string_to_array(${c}, ',')` : c)).join(', ')}
         FROM unnest(${cols.map((c, i) => `$${i + 1}::${types[i]}[]`).join(', ')}) AS x(${cols.join(', ')})`,
        cols.map((c) => batch[c]),
      );
      reset();
    };
    reset();
    for (let mi = 0; mi < ordered.length; mi++) {
      const m = ordered[mi] as { id: number; number: string };
      for (let k = 0; k < counts[mi]; k++, n++) {
        const age = 18 + Math.floor(rnd() * 40);
        const birth = isoDay(Date.UTC(2026 - age, 0, 1), Math.floor(rnd() * 365));
        const settledDay = Math.floor(rnd() * 1050);
        const settlement = isoDay(BASE, settledDay);
        const deadline = new Date(Date.parse(settlement));
        deadline.setUTCMonth(deadline.getUTCMonth() + 3);
        batch.municipality_id.push(m.id);
        batch.full_name.push(`${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`);
        let fnr = makeFnr(birth, n % 500);
        for (let s = n + 1; used.has(fnr); s++) fnr = makeFnr(birth, s % 500);
        used.add(fnr);
        batch.identity_number.push(fnr);
        batch.birth_date.push(birth);
        batch.permit_category.push(rnd() < 0.8 ? 'REFUGEE' : rnd() < 0.5 ? 'COLLECTIVE_PROTECTION' : 'FAMILY_REUNIFICATION');
        batch.permit_grant_date.push(isoDay(BASE, settledDay - 60));
        batch.arrival_date.push(isoDay(BASE, settledDay - 30));
        batch.settlement_date.push(settlement);
        batch.settled_by_agreement.push(true);
        batch.has_upper_secondary.push(rnd() < 0.35);
        batch.languages.push(LANGS[Math.floor(rnd() * LANGS.length)]);
        batch.start_deadline.push(deadline.toISOString().slice(0, 10));
        batch.status.push(STATES[Math.floor(rnd() * STATES.length)]);
        batch.assigned_to_sub.push(`caseworker-${m.number}-${Math.floor(rnd() * 8)}`);
        batch.assigned_to_name.push(`Saksbehandler ${Math.floor(rnd() * 8)}`);
        batch.lives_with_parent.push(rnd() < 0.1);
        // R-1.8's periods, as the API stores them with the facts (no random draw: the data set stays the same).
        batch.eligibility_periods.push(
          JSON.stringify(
            eligibilityPeriods({
              birthDate: birth,
              permitCategory: batch.permit_category.at(-1) as PermitCategory,
              permitGrantDate: isoDay(BASE, settledDay - 60),
              arrivalDate: isoDay(BASE, settledDay - 30),
              settlementDate: settlement,
              settledByAgreementWithImdi: true,
              familyReferenceYearsInMunicipality: null,
              weeklyWorkHours: null,
            }),
          ),
        );
        if (batch.municipality_id.length >= 5000) await flush();
      }
    }
    await flush();

    // Derived tables, set-based and deterministic (hashes of the participant id decide the spread).
    const h = (salt: string) => `abs(hashtext(p.id::text || '${salt}')) % 100`;
    await db.query(`INSERT INTO app.competence_mapping (municipality_id, participant_id, status, language_skills, education, counts_as_upper_secondary, work_experience, updated_by, completed_at)
      SELECT p.municipality_id, p.id, CASE WHEN p.status = 'REGISTERED' AND ${h('m')} < 50 THEN 'IN_PROGRESS' ELSE 'COMPLETED' END,
             'Mother tongue, some English', 'Primary school', p.has_upper_secondary, 'Various', 'seed',
             CASE WHEN p.status = 'REGISTERED' AND ${h('m')} < 50 THEN NULL ELSE p.settlement_date + 30 END
      FROM app.participant p WHERE p.status <> 'REGISTERED' OR ${h('m2')} < 70`);
    await db.query(`INSERT INTO app.programme (municipality_id, participant_id, state, start_date, end_goal, duration_months, planned_end_date, ended_at, end_goal_reached)
      SELECT p.municipality_id, p.id, p.status, CASE WHEN p.status = 'PLANNED' THEN NULL ELSE p.start_deadline - 10 END,
             CASE WHEN p.has_upper_secondary THEN 'WORK' ELSE 'UPPER_SECONDARY_COMPLETE' END,
             CASE WHEN p.has_upper_secondary THEN 12 ELSE 36 END,
             CASE WHEN p.status = 'PLANNED' THEN NULL ELSE p.start_deadline - 11 + make_interval(months => CASE WHEN p.has_upper_secondary THEN 12 ELSE 36 END) END::date,
             CASE WHEN p.status IN ('COMPLETED', 'INTERRUPTED') THEN p.start_deadline + 300 END,
             CASE WHEN p.status = 'COMPLETED' THEN true WHEN p.status = 'INTERRUPTED' THEN false END
      FROM app.participant p WHERE p.status <> 'REGISTERED'`);
    for (let v = 1; v <= 3; v++) {
      await db.query(`INSERT INTO app.plan_version (municipality_id, participant_id, version_no, content, end_goal, duration_months, contract_signed_at, contract_obligations, created_by, significant_change)
        SELECT p.municipality_id, p.id, ${v}, jsonb_build_object('endGoal', g.end_goal, 'durationMonths', g.duration_months, 'elements', '[]'::jsonb),
               g.end_goal, g.duration_months, p.settlement_date + 45 + ${v * 20}, 'Full time participation', 'seed', ${v > 1}
        FROM app.participant p JOIN app.programme g ON g.municipality_id = p.municipality_id AND g.participant_id = p.id
        WHERE ${v} = 1 OR ${h('v' + v)} < ${v === 2 ? 50 : 20}`);
    }
    const decisionTypes = ['PARTICIPATION', 'BENEFIT', 'PLAN_SIGNIFICANT_CHANGE', 'HALT', 'EXTENSION', 'LEAVE', 'EXEMPTION'];
    for (let d = 0; d < 3; d++) {
      await db.query(`INSERT INTO app.decision (municipality_id, participant_id, type, outcome, basis, reasons, legal_basis, decided_at, decided_by_sub, decided_by_name, notified_at)
        SELECT p.municipality_id, p.id,
               CASE WHEN ${d} = 0 THEN 'PARTICIPATION' WHEN ${d} = 1 THEN 'BENEFIT' ELSE (ARRAY${JSON.stringify(decisionTypes).replace(/"/g, "'")})[1 + ${h('t')} % 7] END,
               CASE WHEN ${h('o' + d)} < 90 THEN 'GRANTED' ELSE 'REFUSED' END, CASE WHEN ${d} = 0 THEN 'RIGHT_AND_DUTY' END,
               'Seeded decision', ARRAY['integreringsloven § 12'], p.settlement_date + 60 + ${d * 40}, 'seed', 'Saksbehandler',
               CASE WHEN ${h('n' + d)} < 93 THEN p.settlement_date + 63 + ${d * 40} END
        FROM app.participant p WHERE p.status <> 'REGISTERED' AND (${d} < 2 OR ${h('d' + d)} < 50)`);
    }
    await db.query(`INSERT INTO app.absence (municipality_id, participant_id, kind, from_date, to_date, working_days, created_by)
      SELECT g.municipality_id, g.participant_id, CASE WHEN ${h.call(null, 'a').replace(/p\.id/g, 'g.participant_id')} < 70 THEN 'ABSENCE_EXCUSED' ELSE 'ABSENCE_UNEXCUSED' END,
             g.start_date + 40, g.start_date + 41, 2, 'seed'
      FROM app.programme g WHERE g.start_date IS NOT NULL AND ${h('b').replace(/p\.id/g, 'g.participant_id')} < 40`);
    await db.query(`INSERT INTO app.certificate (municipality_id, participant_id, issued_at, content)
      SELECT g.municipality_id, g.participant_id, g.ended_at, '{}'::jsonb FROM app.programme g WHERE g.state IN ('COMPLETED', 'INTERRUPTED')`);
    if (tables.includes('appeal')) await seedAppeals(db);
    if (tables.includes('career_guidance_referral')) await seedReferrals(db);
    await db.query('ANALYZE');
    const counts2: Record<string, number> = {};
    for (const t of tables) counts2[t] = Number((await db.query(`SELECT count(*) FROM app.${t}`)).rows[0].count);
    const { rows: largest } = await db.query(
      `SELECT m.number, m.name, count(*)::int AS n FROM app.participant p JOIN app.municipality m ON m.id = p.municipality_id GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`,
    );
    const { rows: median } = await db.query(
      `SELECT number, name, n FROM (SELECT m.number, m.name, count(*)::int AS n, row_number() OVER (ORDER BY count(*)) AS r, count(*) OVER () AS c FROM app.participant p JOIN app.municipality m ON m.id = p.municipality_id GROUP BY 1, 2) x WHERE r = (c + 1) / 2`,
    );
    console.log(
      JSON.stringify(
        {
          seconds: Math.round((Date.now() - started) / 100) / 10,
          counts: counts2,
          largest: largest[0],
          median: median[0],
          referenceTablesUntouched: REFERENCE_TABLES,
        },
        null,
        2,
      ),
    );
  } finally {
    await db.end();
    if (embedded) await embedded.stop();
  }
}

/** Appeals on about 7 % of the notified decisions, in every state, forwarded ones assigned by R-9.5. */
async function seedAppeals(db: Client): Promise<void> {
  const h = (salt: string) => `abs(hashtext(d.id::text || '${salt}')) % 100`;
  await db.query(`
    INSERT INTO app.appeal (municipality_id, decision_id, participant_id, state, closed_from, received_at, sent_at, grounds, change_wanted,
      deadline, deadline_basis, filed_in_time, late_appeal_last_day, municipality_statement, statement_copied_to_participant_at, forwarded_at,
      statsforvalter_id, outcome, outcome_decided_at, decided_by, created_by_sub)
    SELECT x.municipality_id, x.id, x.participant_id, x.state, CASE WHEN x.state = 'CLOSED' THEN 'DECIDED_BY_STATSFORVALTER' END,
      x.notified_at + 10, x.notified_at + 9, 'Seeded grounds', 'Another outcome', x.notified_at + 21, 'NOTICE', true, x.decided_at + 365,
      CASE WHEN x.fwd THEN 'The municipality upholds its decision.' END, CASE WHEN x.fwd THEN x.notified_at + 30 END,
      CASE WHEN x.fwd THEN (x.notified_at + 30 + (x.k % 40))::timestamptz END,
      CASE WHEN x.fwd THEN c.statsforvalter_id END,
      CASE WHEN x.state IN ('DECIDED_BY_STATSFORVALTER', 'CLOSED') THEN (ARRAY['UPHELD', 'CHANGED', 'DISMISSED', 'QUASHED_AND_RETURNED'])[1 + x.k % 4] END,
      CASE WHEN x.state IN ('DECIDED_BY_STATSFORVALTER', 'CLOSED') THEN x.notified_at + 90 END,
      CASE WHEN x.state IN ('DECIDED_BY_STATSFORVALTER', 'CLOSED') THEN 'Seeded reviewer' END, 'seed'
    FROM (
      SELECT d.*, ${h('k')} AS k,
        (ARRAY['RECEIVED', 'UNDER_REVIEW', 'FORWARDED', 'FORWARDED', 'FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED', 'DECIDED_BY_STATSFORVALTER', 'CLOSED', 'DISMISSED', 'REVERSED'])[1 + ${h('s')} % 10] AS state,
        (ARRAY[false, false, true, true, true, true, true, true, false, false])[1 + ${h('s')} % 10] AS fwd
      FROM app.decision d WHERE d.notified_at IS NOT NULL AND ${h('a')} < 7
    ) x
    JOIN app.municipality m ON m.id = x.municipality_id JOIN app.county c ON c.number = m.county_number`);
}

/** Career-guidance referrals for about 15 % of the mapped participants, open, in progress or completed. */
async function seedReferrals(db: Client): Promise<void> {
  const h = (salt: string) => `abs(hashtext(c.participant_id::text || '${salt}')) % 100`;
  await db.query(`
    INSERT INTO app.career_guidance_referral (municipality_id, participant_id, county_number, note, state, referred_at, referred_by,
      started_at, adviser, held_at, summary, recommendation_kind, recommended_end_goal, submitted_at)
    SELECT c.municipality_id, c.participant_id, m.county_number, 'Seeded referral', x.state, (c.completed_at + 5)::timestamptz, 'seed',
      CASE WHEN x.state <> 'OPEN' THEN (c.completed_at + 10)::timestamptz END,
      CASE WHEN x.state <> 'OPEN' THEN 'Seeded adviser' END,
      CASE WHEN x.state = 'COMPLETED' THEN c.completed_at + 20 END,
      CASE WHEN x.state = 'COMPLETED' THEN 'Seeded guidance' END,
      CASE WHEN x.state = 'COMPLETED' THEN 'EDUCATION' END,
      CASE WHEN x.state = 'COMPLETED' THEN CASE WHEN c.counts_as_upper_secondary THEN 'VOCATIONAL_REQUALIFICATION' ELSE 'UPPER_SECONDARY_COMPLETE' END END,
      CASE WHEN x.state = 'COMPLETED' THEN (c.completed_at + 21)::timestamptz END
    FROM app.competence_mapping c
    JOIN app.municipality m ON m.id = c.municipality_id
    CROSS JOIN LATERAL (SELECT (ARRAY['OPEN', 'OPEN', 'IN_PROGRESS', 'COMPLETED', 'COMPLETED'])[1 + ${h('s')} % 5] AS state) x
    WHERE c.status = 'COMPLETED' AND ${h('r')} < 15`);
}

runScript('npm run seed:bench', main);
