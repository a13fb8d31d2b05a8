/**
 * A whole case over HTTP, as a caseworker runs it: register → map → plan and contract (no guidance)
 * → grant participation → start → leave → extension → complete → certificate; and the refusals.
 */
import { eligibilityPeriods } from '../../src/domain/eligibility';
import { startTestApp, TestApp } from '../support/app';
import { makeFnr, participantInput, REGISTER, planInput } from '../support/fixtures';
import { setSignedContext } from '../support/context';

let t: TestApp;
let tok: string;
beforeAll(async () => {
  t = await startTestApp();
  tok = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Saksbehandler');
});
afterAll(() => t?.close());

const CASE = `query($id: UUID!) { participant(id: $id) {
  id status
  competenceMapping { status version }
  integrationPlan { current { versionNo endGoal durationMonths contractSignedAt } versions { versionNo } }
  programme { id version state startDate plannedEndDate extensionMonths maxExtensionMonths leaveUntil endedAt availableEvents }
  decisions { id type outcome basis notifiedAt appealDeadline appealInformation { appealBody deadline } leave { workingDays withBenefit } extension { months } }
  absences { kind workingDays }
  absenceSummary { countableWorkingDays movesEndDate }
  certificate(language: NN) { title }
} }`;

async function caseOf(id: string) {
  const res = await t.gql(tok, CASE, { id });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.participant;
}

async function ok(query: string, variables: Record<string, unknown>) {
  const res = await t.gql(tok, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

async function refused(query: string, variables: Record<string, unknown>, lawReference: RegExp) {
  const res = await t.gql(tok, query, variables);
  expect(res.body.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
  expect(res.body.errors[0].extensions.lawReference).toMatch(lawReference);
  return res.body.errors[0];
}

const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`;
const DECIDE = `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { id } }`;
const PLAN = `mutation($id: UUID!, $input: IntegrationPlanInput!, $v: Int, $d: UUID) { saveIntegrationPlan(participantId: $id, input: $input, expectedVersionNo: $v, significantChangeDecisionId: $d) { id } }`;
const START = `mutation($id: UUID!, $input: StartProgrammeInput!) { startProgramme(participantId: $id, input: $input) { id } }`;
const END_LEAVE = `mutation($id: UUID!, $v: Int!) { endLeave(participantId: $id, expectedVersion: $v) { id } }`;
const COMPLETE = `mutation($id: UUID!, $input: EndProgrammeInput!) { completeProgramme(participantId: $id, input: $input) { id } }`;

const mapping = {
  languageSkills: 'Arabic (native), English B1',
  education: 'Primary school, 9 years',
  countsAsUpperSecondary: false,
  workExperience: 'Carpenter, 6 years',
  complete: true,
};
const plan = (over: Record<string, unknown> = {}) => planInput(over);

test('a whole case: register → map → plan → grant → start → leave → extension → complete → certificate', async () => {
  const { registerParticipant } = await ok(REGISTER, {
    input: participantInput({ name: 'Hassan Ali', birthDate: '1990-03-02', settlementDate: '2026-09-01' }),
  });
  const id = registerParticipant.id;
  const grant = {
    type: 'PARTICIPATION',
    outcome: 'GRANTED',
    reasons: 'Refugee settled by agreement, right and duty.',
    decidedAt: '2026-11-10',
    notifiedAt: '2026-11-12',
  };

  // The mapping comes before the participation decision.
  await refused(DECIDE, { id, input: grant }, /integreringsloven/);
  await ok(MAP, { id, input: mapping });
  // The programme cannot start before participation is granted.
  await refused(START, { id, input: { startDate: '2026-11-20' } }, /§ 12/);

  await ok(DECIDE, { id, input: grant });
  let c = await caseOf(id);
  expect(c.status).toBe('PLANNED');
  expect(c.programme.state).toBe('PLANNED');
  const participation = c.decisions[0];
  expect(participation).toMatchObject({
    type: 'PARTICIPATION',
    outcome: 'GRANTED',
    basis: 'RIGHT_AND_DUTY',
    notifiedAt: '2026-11-12',
    appealDeadline: '2026-12-03',
  });
  expect(participation.appealInformation.appealBody).toContain('Statsforvalteren i Vestland');

  // Start without a plan and contract is refused.
  await refused(START, { id, input: { startDate: '2026-11-20' } }, /§ 1[56]/);
  await ok(PLAN, { id, input: plan() });
  await ok(START, { id, input: { startDate: '2026-11-20', expectedVersion: 1 } });
  c = await caseOf(id);
  expect(c.status).toBe('ACTIVE');
  expect(c.programme).toMatchObject({ state: 'ACTIVE', startDate: '2026-11-20', plannedEndDate: '2029-11-19', maxExtensionMonths: 12 });

  // Leave: father around the birth, 3 working days, the programme goes on leave.
  await ok(DECIDE, {
    id,
    input: {
      type: 'LEAVE',
      outcome: 'GRANTED',
      reasons: 'Birth of a child.',
      decidedAt: '2026-11-20',
      leave: { kind: 'FATHER_AT_BIRTH', fromDate: '2026-11-23', toDate: '2026-11-25', childBirthDate: '2026-11-23' },
    },
  });
  c = await caseOf(id);
  expect(c.programme).toMatchObject({ state: 'ON_LEAVE', leaveUntil: '2026-11-25' });
  expect(c.decisions[0].leave).toEqual({ workingDays: 3, withBenefit: true });
  expect(c.absenceSummary).toEqual({ countableWorkingDays: 3, movesEndDate: false });
  await ok(END_LEAVE, { id, v: c.programme.version });

  // Extension of 6 months (R-5.7: completed upper-secondary may be extended by up to 12).
  await ok(DECIDE, {
    id,
    input: { type: 'EXTENSION', outcome: 'GRANTED', reasons: 'Needs more time to complete.', decidedAt: '2026-11-26', extension: { months: 6 } },
  });
  c = await caseOf(id);
  expect(c.programme).toMatchObject({ state: 'ACTIVE', extensionMonths: 6, plannedEndDate: '2030-05-19' });
  // Beyond the maximum: refused, nothing changes.
  await refused(DECIDE, { id, input: { type: 'EXTENSION', outcome: 'GRANTED', reasons: 'More.', decidedAt: '2026-11-26', extension: { months: 7 } } }, /14/);
  expect((await caseOf(id)).programme.extensionMonths).toBe(6);

  const before = await caseOf(id);
  await ok(COMPLETE, { id, input: { endDate: '2026-11-27', endGoalReached: true, expectedVersion: before.programme.version } });
  c = await caseOf(id);
  expect(c.status).toBe('COMPLETED');
  expect(c.programme).toMatchObject({ state: 'COMPLETED', endedAt: '2026-11-27', availableEvents: [] });
  expect(c.certificate.title).toMatch(/^Deltakarbevis/); // nynorsk

  const cert = await ok(`query($id: UUID!) { participationCertificate(participantId: $id, language: NB) { title issuedAt text lines { label value } } }`, {
    id,
  });
  expect(cert.participationCertificate.title).toMatch(/^Deltakerbevis/); // bokmål
  expect(cert.participationCertificate.text).toContain('Hassan Ali');
  expect(cert.participationCertificate.text).toContain('Bergen');

  // The change log has every step, and never the identity number.
  const owner = await t.db.owner();
  const log = await owner.query(`SELECT operation, changes::text FROM app.audit_event WHERE participant_id = $1 ORDER BY seq`, [id]);
  expect(log.rows.map((r: { operation: string }) => r.operation)).toEqual(
    expect.arrayContaining(['registerParticipant', 'recordCompetenceMapping', 'makeDecision', 'saveIntegrationPlan', 'startProgramme', 'programme:COMPLETE']),
  );
  const fnr = (await owner.query(`SELECT identity_number FROM app.participant WHERE id = $1`, [id])).rows[0].identity_number;
  expect(JSON.stringify(log.rows)).not.toContain(fnr);
});

test('an ineligible person cannot be granted participation (R-1.2), and the refusal leaves nothing behind', async () => {
  const { registerParticipant } = await ok(REGISTER, { input: participantInput({ permitCategory: 'OTHER' }) });
  const id = registerParticipant.id;
  await ok(MAP, { id, input: mapping });
  const err = await refused(DECIDE, { id, input: { type: 'PARTICIPATION', outcome: 'GRANTED', reasons: 'x', decidedAt: '2026-11-10' } }, /§ 9/);
  expect(err.extensions.ruleId).toBe('R-1.2');
  const c = await caseOf(id);
  expect(c.decisions).toEqual([]);
  expect(c.programme).toBeNull();
  expect(c.status).toBe('REGISTERED');
});

test('a discretionary offer to a person over 55 needs to be marked discretionary (R-1.6)', async () => {
  const { registerParticipant } = await ok(REGISTER, { input: participantInput({ birthDate: '1965-01-10' }) });
  const id = registerParticipant.id;
  await ok(MAP, { id, input: mapping });
  const input = { type: 'PARTICIPATION', outcome: 'GRANTED', reasons: 'Offered by discretion.', decidedAt: '2026-11-10' };
  await refused(DECIDE, { id, input }, /§ 8/);
  await ok(DECIDE, { id, input: { ...input, participation: { discretionary: true } } });
  expect((await caseOf(id)).decisions[0].basis).toBe('DISCRETIONARY');
});

test('an end goal against R-5.2 is refused: over 55 the end goal is work', async () => {
  const { registerParticipant } = await ok(REGISTER, { input: participantInput({ birthDate: '1968-01-10' }) });
  const err = await refused(PLAN, { id: registerParticipant.id, input: plan() }, /§ 1[34]/);
  expect(err.extensions.ruleId).toBe('R-5.2');
  expect((await caseOf(registerParticipant.id)).integrationPlan).toBeNull();
});

test('a significant plan change needs a PLAN_SIGNIFICANT_CHANGE decision; a plain revision does not (R-4.3)', async () => {
  const { registerParticipant } = await ok(REGISTER, { input: participantInput() });
  const id = registerParticipant.id;
  await ok(PLAN, { id, input: plan() });
  await ok(PLAN, { id, input: plan({ longTermGoal: 'Carpenter, later own business' }), v: 1 });
  await refused(PLAN, { id, input: plan({ durationMonths: 40 }), v: 2 }, /§ 15/);
  const d = await ok(DECIDE, { id, input: { type: 'PLAN_SIGNIFICANT_CHANGE', outcome: 'GRANTED', reasons: 'Longer duration.', decidedAt: '2026-11-20' } });
  expect(d.makeDecision.id).toBe(id);
  const decisionId = (await caseOf(id)).decisions[0].id;
  await ok(PLAN, { id, input: plan({ durationMonths: 40 }), v: 2, d: decisionId });
  const c = await caseOf(id);
  expect(c.integrationPlan.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([3, 2, 1]);
  // A stale version number is a conflict, not a silent overwrite.
  const stale = await t.gql(tok, PLAN, { id, input: plan({ longTermGoal: 'x' }), v: 2 });
  expect(stale.body.errors[0].extensions.code).toBe('CONFLICT');
});

test('a start after the deadline needs a recorded reason (R-5.1); the deadline does not move off a weekend', async () => {
  // Settled 2026-05-30 → start deadline Sunday 2026-08-30, which stays where it is.
  const { registerParticipant } = await ok(REGISTER, {
    input: participantInput({ settlementDate: '2026-05-30', permitGrantDate: '2026-05-01', arrivalDate: '2026-05-10' }),
  });
  const id = registerParticipant.id;
  expect(registerParticipant.startDeadline).toBe('2026-08-30');
  await ok(MAP, { id, input: mapping });
  await ok(DECIDE, { id, input: { type: 'PARTICIPATION', outcome: 'GRANTED', reasons: 'ok', decidedAt: '2026-08-20' } });
  await ok(PLAN, { id, input: plan({ contractSignedAt: '2026-08-25' }) });
  await refused(START, { id, input: { startDate: '2026-08-31' } }, /§ 12/);
  await ok(START, { id, input: { startDate: '2026-08-31', lateStartReason: 'Illness in the family.' } });
  expect((await caseOf(id)).programme.state).toBe('ACTIVE');
});

describe('moving between municipalities', () => {
  test('the receiver gets the case with the time used; the sender keeps a closed case; neither sees the other', async () => {
    const oslo = await t.token('MUNICIPALITY', '0301', 'oslo-cw', 'Oslo Caseworker');
    const { registerParticipant } = await ok(REGISTER, { input: participantInput({ name: 'Moving Person', settlementDate: '2026-09-01' }) });
    const id = registerParticipant.id;
    await ok(MAP, { id, input: mapping });
    await ok(DECIDE, { id, input: { type: 'PARTICIPATION', outcome: 'GRANTED', reasons: 'ok', decidedAt: '2026-11-10', notifiedAt: '2026-11-12' } });
    await ok(PLAN, { id, input: plan() });
    await ok(START, { id, input: { startDate: '2026-11-20' } });

    const moved = await t.gql(
      tok,
      `mutation($id: UUID!) { transferParticipant(participantId: $id, toMunicipality: "0301") { status transferredTo { number } programme { state timeAlreadyUsedDays } } }`,
      { id },
    );
    expect(moved.body.errors).toBeUndefined();
    const used = moved.body.data.transferParticipant.programme.timeAlreadyUsedDays;
    expect(moved.body.data.transferParticipant).toMatchObject({
      status: 'TRANSFERRED',
      transferredTo: { number: '0301' },
      programme: { state: 'TRANSFERRED' },
    });
    expect(used).toBeGreaterThanOrEqual(7);

    // Nothing is in Oslo's register until Oslo accepts the case from its inbox.
    const inbox = (await t.gql(oslo, `{ incomingTransfers { id version name from { number } timeAlreadyUsedDays } }`)).body.data.incomingTransfers;
    const incoming = inbox.find((x: { name: string }) => x.name === 'Moving Person');
    expect(incoming).toMatchObject({ from: { number: '4601' }, timeAlreadyUsedDays: used });
    const accepted = await t.gql(oslo, `mutation($id: UUID!, $v: Int!) { acceptTransfer(transferId: $id, expectedVersion: $v) { id } }`, {
      id: incoming.id,
      v: incoming.version,
    });
    expect(accepted.body.errors).toBeUndefined();

    const list = await t.gql(
      oslo,
      `{ participants(first: 50) { edges { node { id name status transferredFrom { number }
      programme { state timeAlreadyUsedDays } competenceMapping { status } integrationPlan { current { endGoal } } decisions { type outcome } } } } }`,
    );
    const copy = list.body.data.participants.edges
      .map((e: { node: Record<string, unknown> }) => e.node)
      .find((n: { name: string }) => n.name === 'Moving Person');
    expect(copy).toMatchObject({
      status: 'PLANNED',
      transferredFrom: { number: '4601' },
      programme: { state: 'PLANNED', timeAlreadyUsedDays: used },
      competenceMapping: { status: 'COMPLETED' },
      integrationPlan: { current: { endGoal: 'UPPER_SECONDARY_COMPLETE' } },
      decisions: [{ type: 'PARTICIPATION', outcome: 'GRANTED' }],
    });
    expect(copy.id).not.toBe(id);

    // The receiver's later work is its own: it starts the programme with the time used counted.
    const start = await t.gql(
      oslo,
      `mutation($id: UUID!) { startProgramme(participantId: $id, input: { startDate: "2026-11-27" }) { programme { state plannedEndDate } } }`,
      { id: copy.id },
    );
    expect(start.body.errors).toBeUndefined();
    expect(start.body.data.startProgramme.programme.state).toBe('ACTIVE');

    // Neither sees the other's case: same NOT_FOUND as a random id.
    expect((await t.gql(tok, `query($id: UUID!) { participant(id: $id) { id } }`, { id: copy.id })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(oslo, `query($id: UUID!) { participant(id: $id) { id } }`, { id })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    const senderView = await caseOf(id);
    expect(senderView.status).toBe('TRANSFERRED');
    expect(senderView.programme.state).toBe('TRANSFERRED');

    // And at SQL level, as the API login with each municipality's settings.
    const seen = async (org: string, pid: string) => {
      const runner = t.api.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        const m = String(t.directory.municipalityByNumber(org)!.id);
        await setSignedContext((sql, p) => runner.query(sql, p), { role: 'MUNICIPALITY', municipalityId: Number(m), municipalityIds: [Number(m)] });
        const rows = await runner.query(
          `SELECT (SELECT count(*) FROM app.participant WHERE id = $1)::int AS p, (SELECT count(*) FROM app.programme WHERE participant_id = $1)::int AS g, (SELECT count(*) FROM app.decision WHERE participant_id = $1)::int AS d`,
          [pid],
        );
        return rows[0];
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    };
    expect(await seen('4601', copy.id)).toEqual({ p: 0, g: 0, d: 0 });
    expect(await seen('0301', id)).toEqual({ p: 0, g: 0, d: 0 });
    expect(await seen('0301', copy.id)).toEqual({ p: 1, g: 1, d: 1 });
  });

  test("a transfer tells the sender nothing about the receiver's register, and the sender cannot write into it", async () => {
    const oslo = await t.token('MUNICIPALITY', '0301', 'oslo-cw', 'Oslo Caseworker');
    // The same person is already registered in Oslo.
    const person = participantInput({ name: 'Known In Oslo' });
    const alsoInOslo = (await ok(REGISTER, { input: person })).registerParticipant.id;
    await t.gql(oslo, REGISTER, { input: person });
    const onlyHere = (await ok(REGISTER, { input: participantInput({ name: 'Unknown In Oslo' }) })).registerParticipant.id;
    const [a, b] = await Promise.all(
      [onlyHere, alsoInOslo].map((id) =>
        t.gql(tok, `mutation($id: UUID!) { transferParticipant(participantId: $id, toMunicipality: "0301") { status } }`, { id }),
      ),
    );
    // Both answers are the same: no existence oracle.
    expect(a.body).toEqual({ data: { transferParticipant: { status: 'TRANSFERRED' } } });
    expect(b.body).toEqual(a.body);
    // Oslo decides in its own register: the one it already has is a conflict in its own data.
    const inbox = (await t.gql(oslo, `{ incomingTransfers { id version name } }`)).body.data.incomingTransfers;
    const dup = inbox.find((x: { name: string }) => x.name === 'Known In Oslo');
    const res = await t.gql(oslo, `mutation($id: UUID!, $v: Int!) { acceptTransfer(transferId: $id, expectedVersion: $v) { id } }`, {
      id: dup.id,
      v: dup.version,
    });
    expect(res.body.errors[0].extensions.code).toBe('CONFLICT');
    const other = inbox.find((x: { name: string }) => x.name === 'Unknown In Oslo');
    const rejected = await t.gql(
      oslo,
      `mutation($id: UUID!, $v: Int!) { rejectTransfer(transferId: $id, expectedVersion: $v, reason: "Not settled here") { state } }`,
      { id: other.id, v: other.version },
    );
    expect(rejected.body.data.rejectTransfer.state).toBe('REJECTED');

    // At SQL level the sender can neither write into Oslo's register nor read Oslo's inbox.
    const runner = t.api.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const bergen = String(t.directory.municipalityByNumber('4601')!.id);
      const osloId = t.directory.municipalityByNumber('0301')!.id;
      await setSignedContext((sql, p) => runner.query(sql, p), { role: 'MUNICIPALITY', municipalityId: Number(bergen), municipalityIds: [Number(bergen)] });
      expect((await runner.query(`SELECT count(*)::int AS n FROM app.case_transfer WHERE municipality_id = $1`, [osloId]))[0].n).toBe(0);
      await expect(
        runner.query(
          `INSERT INTO app.participant (municipality_id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date)
                      VALUES ($1, 'x', '02013299997', '1932-01-02', 'REFUGEE', '2026-01-01', '2026-01-01')`,
          [osloId],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  });
});

describe('correcting a participant', () => {
  const UPDATE = `mutation($id: UUID!, $input: UpdateParticipantInput!) { updateParticipant(id: $id, input: $input) { version identityNumber startDeadline weeklyWorkHours } }`;
  test('a D-number is replaced by the fødselsnummer (R-11.2); a stale version changes nothing; the log never holds the numbers', async () => {
    const dnr = makeFnr('1991-04-03', 11, true);
    const fnr = makeFnr('1991-04-03', 12);
    const { registerParticipant } = await ok(REGISTER, { input: participantInput({ birthDate: '1991-04-03', identityNumber: dnr }) });
    const id = registerParticipant.id;
    const replaced = await ok(UPDATE, { id, input: { expectedVersion: 1, identityNumber: fnr, weeklyWorkHours: 12, settlementDate: '2026-09-15' } });
    expect(replaced.updateParticipant).toMatchObject({ version: 2, weeklyWorkHours: 12, startDeadline: '2026-12-15' });
    const stale = await t.gql(tok, UPDATE, { id, input: { expectedVersion: 1, weeklyWorkHours: 40 } });
    expect(stale.body.errors[0].extensions.code).toBe('CONFLICT');
    const back = await refused(UPDATE, { id, input: { expectedVersion: 2, identityNumber: dnr } }, /folkeregister/);
    expect(back.extensions.ruleId).toBe('R-11.2');
    const owner = await t.db.owner();
    const log = await owner.query(`SELECT changes::text AS c FROM app.audit_event WHERE participant_id = $1 AND operation = 'updateParticipant'`, [id]);
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0].c).toContain('replaced');
    expect(log.rows[0].c).not.toContain(fnr);
    expect(log.rows[0].c).not.toContain(dnr);
  });
});

test('a plan with too few life-skills hours (R-5.4) or too little work in a work-qualifying programme (R-5.5) is refused', async () => {
  const { registerParticipant } = await ok(REGISTER, { input: participantInput() });
  const id = registerParticipant.id;
  const few = await refused(PLAN, { id, input: plan({ lifeSkillsHours: { migrationHealthDiversity: 5, careerCompetence: 10 } }) }, /forskriften § 4/);
  expect(few.extensions.ruleId).toBe('R-5.4');
  const workQualifying = plan({
    endGoal: 'WORK_QUALIFYING',
    mainProgrammeType: 'WORK_QUALIFYING',
    durationMonths: 24,
    elements: [
      { kind: 'NORWEGIAN', description: 'Norwegian', hoursPerWeek: 15 },
      { kind: 'SOCIAL_STUDIES', description: 'Social studies', hoursPerWeek: 2 },
      { kind: 'LIFE_SKILLS', description: 'Life skills', hoursPerWeek: 1 },
      { kind: 'WORK_PRACTICE', description: 'Practice at a building firm', hoursPerWeek: 12, isMain: true },
    ],
  });
  const little = await refused(PLAN, { id, input: workQualifying }, /14 a/);
  expect(little.extensions.ruleId).toBe('R-5.5');
  expect((await caseOf(id)).integrationPlan).toBeNull();
});

test("the case list filters by eligibility (R-1.8), evaluated by the law's own function, with pages and counts", async () => {
  const trondheim = await t.token('MUNICIPALITY', '5001');
  const make = (over: Record<string, unknown>) => t.gql(trondheim, REGISTER, { input: participantInput(over) });
  for (let i = 0; i < 3; i++) await make({});
  for (let i = 0; i < 2; i++) await make({ permitCategory: 'OTHER' });
  await make({ birthDate: '1965-03-04' });
  const Q = `query($b: EligibilityBasis!, $after: String) { participants(first: 2, after: $after, filter: { eligibility: $b }) { totalCount edges { node { id eligibility { basis } } } pageInfo { hasNextPage endCursor } } }`;
  for (const [basis, n] of [
    ['RIGHT_AND_DUTY', 3],
    ['NONE', 2],
    ['DISCRETIONARY', 1],
  ] as const) {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: {
        body: {
          data: {
            participants: {
              totalCount: number;
              edges: { node: { id: string; eligibility: { basis: string } } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          };
        };
      } = await t.gql(trondheim, Q, { b: basis, after });
      const page = res.body.data.participants;
      expect(page.totalCount).toBe(n);
      for (const e of page.edges) {
        expect(e.node.eligibility.basis).toBe(basis);
        seen.push(e.node.id);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(n);
  }
  // A correction of the facts moves the stored periods with it: the filter follows at once.
  const first = (await t.gql(trondheim, Q, { b: 'RIGHT_AND_DUTY', after: null })).body.data.participants.edges[0].node.id;
  const v = (await t.gql(trondheim, `query($id: UUID!) { participant(id: $id) { version } }`, { id: first })).body.data.participant.version;
  const upd = await t.gql(trondheim, `mutation($id: UUID!, $input: UpdateParticipantInput!) { updateParticipant(id: $id, input: $input) { id } }`, {
    id: first,
    input: { expectedVersion: v, permitCategory: 'OTHER' },
  });
  expect(upd.body.errors).toBeUndefined();
  const counts = async (b: string) => (await t.gql(trondheim, Q, { b, after: null })).body.data.participants.totalCount;
  expect([await counts('RIGHT_AND_DUTY'), await counts('NONE')]).toEqual([2, 3]);
  // The stored periods are what the domain's function computes from the stored facts, for every row.
  const owner = await t.db.owner();
  const { rows } = await owner.query(`SELECT * FROM app.participant WHERE municipality_id = $1`, [t.directory.municipalityByNumber('5001')!.id]);
  for (const r of rows) {
    const day = (d: Date | string | null) =>
      d === null ? null : typeof d === 'string' ? d : new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
    expect(r.eligibility_periods).toEqual(
      eligibilityPeriods({
        birthDate: day(r.birth_date)!,
        permitCategory: r.permit_category,
        permitGrantDate: day(r.permit_grant_date)!,
        arrivalDate: day(r.arrival_date)!,
        settlementDate: day(r.settlement_date),
        settledByAgreementWithImdi: r.settled_by_agreement,
        familyReferenceYearsInMunicipality: r.family_reference_years === null ? null : Number(r.family_reference_years),
        weeklyWorkHours: r.weekly_work_hours === null ? null : Number(r.weekly_work_hours),
      }),
    );
  }
});
