/**
 * Concurrent edits and retries (issue: reliability): two caseworkers editing the same plan from the
 * same version — exactly one wins; retried creates with an idempotency key create exactly once.
 */
import { todayInOslo } from '../../src/domain/calendar';
import { startTestApp, TestApp } from '../support/app';
import { MAPPING_INPUT, participantInput, planInput, REGISTER } from '../support/fixtures';

let t: TestApp;
let kari: string;
let ola: string;
beforeAll(async () => {
  t = await startTestApp({ poolSize: 4 });
  kari = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari');
  ola = await t.token('MUNICIPALITY', '4601', 'ola', 'Ola');
});
afterAll(() => t?.close());

const PLAN = `mutation($id: UUID!, $input: IntegrationPlanInput!, $v: Int) { saveIntegrationPlan(participantId: $id, input: $input, expectedVersionNo: $v) { integrationPlan { versions { versionNo longTermGoal } } } }`;
const DECIDE = `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { decisions { id } } }`;

async function newCase(): Promise<string> {
  return (await t.gql(kari, REGISTER, { input: participantInput() })).body.data.registerParticipant.id;
}

test('two caseworkers edit the same plan from the same version: exactly one wins, the other gets CONFLICT and changes nothing', async () => {
  const id = await newCase();
  expect((await t.gql(kari, PLAN, { id, input: planInput() })).body.errors).toBeUndefined();
  for (let round = 0; round < 5; round++) {
    const current = (await t.gql(kari, `query($id: UUID!) { participant(id: $id) { integrationPlan { current { versionNo } } } }`, { id })).body.data
      .participant.integrationPlan.current.versionNo;
    const [a, b] = await Promise.all([
      t.gql(kari, PLAN, { id, input: planInput({ longTermGoal: `Kari's edit ${round}` }), v: current }),
      t.gql(ola, PLAN, { id, input: planInput({ longTermGoal: `Ola's edit ${round}` }), v: current }),
    ]);
    const outcomes = [a, b].map((r) => (r.body.errors ? r.body.errors[0].extensions.code : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
  }
  const versions = (await t.gql(kari, `query($id: UUID!) { participant(id: $id) { integrationPlan { versions { versionNo } } } }`, { id })).body.data
    .participant.integrationPlan.versions;
  expect(versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([6, 5, 4, 3, 2, 1]);
});

test('a decision retried with the same idempotency key is made once, also under 20 concurrent retries', async () => {
  const id = await newCase();
  const input = { type: 'PARTICIPATION', outcome: 'REFUSED', reasons: 'Not eligible.', decidedAt: '2026-11-10', idempotencyKey: `decision-${id}` };
  const results = await Promise.all(Array.from({ length: 20 }, () => t.gql(kari, DECIDE, { id, input })));
  expect(results.every((r) => r.body.errors === undefined)).toBe(true);
  const decisions = (await t.gql(kari, `query($id: UUID!) { participant(id: $id) { decisions { id } } }`, { id })).body.data.participant.decisions;
  expect(decisions).toHaveLength(1);
  const other = await t.gql(kari, DECIDE, { id, input: { ...input, reasons: 'Something else.' } });
  expect(other.body.errors[0].extensions.code).toBe('CONFLICT');
});

test('career guidance submitted with an idempotency key: a retry gets the same answer and writes nothing new', async () => {
  const id = await newCase();
  await t.gql(kari, `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`, {
    id,
    input: MAPPING_INPUT,
  });
  const referral = (await t.gql(kari, `mutation($id: UUID!) { referToCareerGuidance(participantId: $id, note: "Please") { id } }`, { id })).body.data
    .referToCareerGuidance.id;
  const county = await t.token('COUNTY', '46');
  const started = await t.gql(county, `mutation($id: UUID!) { startCareerGuidance(referralId: $id, expectedVersion: 1, adviser: "Vera") { version } }`, {
    id: referral,
  });
  const version = started.body.data.startCareerGuidance.version;
  const SUBMIT = `mutation($id: UUID!, $input: SubmitCareerGuidanceInput!) { submitCareerGuidance(referralId: $id, input: $input) { state version } }`;
  const input = {
    heldAt: todayInOslo(),
    adviser: 'Vera',
    summary: 'Education fits.',
    recommendationKind: 'EDUCATION',
    recommendedEndGoal: 'UPPER_SECONDARY_COMPLETE',
    expectedVersion: version,
    idempotencyKey: `guidance-${referral}`,
  };
  const [first, second] = await Promise.all([t.gql(county, SUBMIT, { id: referral, input }), t.gql(county, SUBMIT, { id: referral, input })]);
  expect(first.body.errors).toBeUndefined();
  expect(second.body.data).toEqual(first.body.data);
  const owner = await t.db.owner();
  const log = await owner.query(`SELECT count(*)::int AS n FROM app.audit_event WHERE operation = 'submitCareerGuidance' AND entity_id = $1`, [referral]);
  expect(log.rows[0].n).toBe(1);
});
