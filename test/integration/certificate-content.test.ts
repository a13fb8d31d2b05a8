/**
 * Issue 16 item 5: the participation certificate prints, per element, the hours the
 * municipality recorded as attended and whether the element was completed, for an interrupted programme as
 * for a completed one; where nothing was recorded it says so. Driven over HTTP as a Bergen caseworker.
 */
import { startTestApp, TestApp } from '../support/app';
import { MAPPING_INPUT, participantInput, planInput, REGISTER } from '../support/fixtures';

const TODAY = '2026-12-01';
let t: TestApp;
let tok: string;
let otherTok: string;
let id: string;

const RECORD = `mutation($id: UUID!, $input: ElementAttendanceInput!) {
  recordElementAttendance(participantId: $id, input: $input) { elementAttendance { id elementKind fromDate toDate hoursAttended completed note } }
}`;
const CERTIFICATE = `query($id: UUID!, $l: CertificateLanguage!) { participationCertificate(participantId: $id, language: $l) { issuedAt text lines { label value } } }`;

async function ok(query: string, variables: Record<string, unknown>, token = tok) {
  const res = await t.gql(token, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}
const version = async (pid: string) =>
  (await ok(`query($id: UUID!) { participant(id: $id) { programme { version } } }`, { id: pid })).participant.programme.version as number;
const record = (pid: string, input: Record<string, unknown>, token = tok) => t.gql(token, RECORD, { id: pid, input });
const line = (c: { lines: { label: string; value: string }[] }, label: string) => c.lines.find((l) => l.label === label)?.value;

/** A case with a granted participation, a plan (Norwegian 10 h/week, social studies, life skills, education) and a programme started on 16 November. */
async function startedCase(name: string): Promise<string> {
  const { registerParticipant } = await ok(REGISTER, { input: participantInput({ name, settlementDate: '2026-09-01' }) });
  const pid = registerParticipant.id as string;
  await ok(`mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`, {
    id: pid,
    input: MAPPING_INPUT,
  });
  await ok(`mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { id } }`, {
    id: pid,
    input: { type: 'PARTICIPATION', outcome: 'GRANTED', reasons: 'Rett og plikt.', decidedAt: '2026-11-10', notifiedAt: '2026-11-12' },
  });
  await ok(`mutation($id: UUID!, $input: IntegrationPlanInput!) { saveIntegrationPlan(participantId: $id, input: $input) { id } }`, {
    id: pid,
    input: planInput(),
  });
  await ok(`mutation($id: UUID!, $input: StartProgrammeInput!) { startProgramme(participantId: $id, input: $input) { id } }`, {
    id: pid,
    input: { startDate: '2026-11-16', expectedVersion: 1 },
  });
  return pid;
}

beforeAll(async () => {
  t = await startTestApp({ env: { INTROSAK_TODAY: TODAY } });
  tok = await t.token('MUNICIPALITY', '4601', 'cw-kari', 'Kari Saksbehandler');
  otherTok = await t.token('MUNICIPALITY', '1103', 'cw-stavanger', 'Stian Stavanger');
  id = await startedCase('Amina Avbrutt');
}, 120_000);
afterAll(() => t?.close());

test('an interrupted programme shows the recorded hours and completions, and says where nothing was recorded (bokmål and nynorsk)', async () => {
  // Norwegian over two weeks, completed by the end of the second; social studies not completed; life skills and education: nothing recorded.
  await ok(RECORD, {
    id,
    input: { elementKind: 'NORWEGIAN', fromDate: '2026-11-16', toDate: '2026-11-20', hoursAttended: 7.5, completed: false, idempotencyKey: 'cc-nor-1' },
  });
  await ok(RECORD, {
    id,
    input: { elementKind: 'NORWEGIAN', fromDate: '2026-11-23', toDate: '2026-11-27', hoursAttended: 9, completed: true, idempotencyKey: 'cc-nor-2' },
  });
  const last = await ok(RECORD, {
    id,
    input: { elementKind: 'SOCIAL_STUDIES', fromDate: '2026-11-16', toDate: '2026-11-27', hoursAttended: 3, completed: false, note: 'Fikk ikke fullført' },
  });
  expect(last.recordElementAttendance.elementAttendance).toEqual([
    expect.objectContaining({ elementKind: 'NORWEGIAN', fromDate: '2026-11-16', toDate: '2026-11-20', hoursAttended: 7.5, completed: false }),
    expect.objectContaining({ elementKind: 'NORWEGIAN', fromDate: '2026-11-23', toDate: '2026-11-27', hoursAttended: 9, completed: true }),
    expect.objectContaining({ elementKind: 'SOCIAL_STUDIES', hoursAttended: 3, completed: false, note: 'Fikk ikke fullført' }),
  ]);

  await ok(`mutation($id: UUID!, $input: EndProgrammeInput!) { interruptProgramme(participantId: $id, input: $input) { id } }`, {
    id,
    input: { endDate: '2026-11-27', endGoalReached: false, reason: 'Flyttet til Sverige', expectedVersion: await version(id) },
  });

  const nb = (await ok(CERTIFICATE, { id, l: 'NB' })).participationCertificate;
  expect(line(nb, 'Årsak til avslutning')).toBe('Avbrutt');
  // Recorded: 7.5 + 9 hours, completed by the latest period, although the programme was interrupted
  // (the old certificate said 10 h/week × 2 weeks = 20 timer, ikke fullført).
  expect(line(nb, 'Opplæring i norsk (Norwegian training)')).toBe('16,5 timer, fullført');
  expect(line(nb, 'Samfunnskunnskap (Social studies)')).toBe('3 timer, ikke fullført');
  expect(line(nb, 'Livsmestring (Life-skills course)')).toBe('Ikke registrert av kommunen');
  expect(line(nb, 'Utdanning (Upper-secondary, building and construction)')).toBe('Ikke registrert av kommunen');

  const nn = (await ok(CERTIFICATE, { id, l: 'NN' })).participationCertificate;
  expect(line(nn, 'Årsak til avslutning')).toBe('Avbrote');
  expect(line(nn, 'Opplæring i norsk (Norwegian training)')).toBe('16,5 timar, fullført');
  expect(line(nn, 'Samfunnskunnskap (Social studies)')).toBe('3 timar, ikkje fullført');
  expect(line(nn, 'Livsmeistring (Life-skills course)')).toBe('Ikkje registrert av kommunen');
});

test('attendance recorded after the end is on the certificate at once: it is issued again with it', async () => {
  await ok(RECORD, { id, input: { elementKind: 'LIFE_SKILLS', fromDate: '2026-11-16', toDate: '2026-11-27', hoursAttended: 2, completed: true } });
  const nb = (await ok(CERTIFICATE, { id, l: 'NB' })).participationCertificate;
  expect(line(nb, 'Livsmestring (Life-skills course)')).toBe('2 timer, fullført');
  expect(nb.issuedAt).toBe(TODAY);
  expect(nb.text).toContain('Opplæring i norsk (Norwegian training): 16,5 timer, fullført');
});

test('refusals name R-13.11 with the certificate section: after the end, in the future, overlapping, before the start', async () => {
  const refused = async (input: Record<string, unknown>, pid = id) => {
    const res = await record(pid, { elementKind: 'NORWEGIAN', hoursAttended: 1, completed: false, ...input });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-13.11', lawReference: expect.stringContaining('§ 18 a') });
    return res.body.errors[0].message as string;
  };
  expect(await refused({ fromDate: '2026-11-27', toDate: '2026-11-28' })).toMatch(/after the programme ended/);
  expect(await refused({ fromDate: '2026-11-20', toDate: '2026-11-23' })).toMatch(/shares days/);
  expect(await refused({ fromDate: '2026-11-13', toDate: '2026-11-13' })).toMatch(/before the programme/);
  const running = await startedCase('Rune Running');
  expect(await refused({ fromDate: '2026-11-30', toDate: '2026-12-02' }, running)).toMatch(/never for the future/);
  expect(await refused({ fromDate: '2026-11-30', toDate: '2026-11-30', hoursAttended: 24.5 }, running)).toMatch(/do not fit/);
  // The day of today is fine while the programme runs.
  await ok(RECORD, { id: running, input: { elementKind: 'NORWEGIAN', fromDate: '2026-12-01', toDate: '2026-12-01', hoursAttended: 3, completed: false } });
  // Input shape: negative hours or two decimals are refused before any rule.
  for (const hoursAttended of [-1, 1.25]) {
    const res = await record(running, { elementKind: 'NORWEGIAN', fromDate: '2026-11-16', toDate: '2026-11-16', hoursAttended, completed: false });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }
  // No certificate while the programme runs.
  const none = await t.gql(tok, CERTIFICATE, { id: running, l: 'NB' });
  expect(none.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});

test('a retry with the same idempotency key records nothing new; the key with another payload is a CONFLICT', async () => {
  const pid = await startedCase('Ida Idempotent');
  const input = {
    elementKind: 'EDUCATION',
    fromDate: '2026-11-16',
    toDate: '2026-11-20',
    hoursAttended: 20,
    completed: false,
    idempotencyKey: 'cc-edu-week-47',
  };
  const first = (await ok(RECORD, { id: pid, input })).recordElementAttendance.elementAttendance;
  const again = (await ok(RECORD, { id: pid, input })).recordElementAttendance.elementAttendance;
  expect(again).toEqual(first);
  expect(first).toHaveLength(1);
  const reused = await record(pid, { ...input, hoursAttended: 21 });
  expect(reused.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  // Without a key the overlap rule still refuses the second copy.
  const copy = await record(pid, { ...input, idempotencyKey: undefined });
  expect(copy.body.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
});

test("another municipality's caseworker gets NOT_FOUND, as for a random id, and records nothing", async () => {
  const input = { elementKind: 'NORWEGIAN', fromDate: '2026-11-16', toDate: '2026-11-16', hoursAttended: 1, completed: false };
  const other = await record(id, input, otherTok);
  const random = await record('00000000-0000-4000-8000-000000000000', input, otherTok);
  expect(other.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(other.body.errors[0].message).toBe(random.body.errors[0].message);
  const mine = (await ok(`query($id: UUID!) { participant(id: $id) { elementAttendance { id } } }`, { id })).participant.elementAttendance;
  expect(mine).toHaveLength(4); // the three before the end and the life-skills period after it
});

test('a period recorded by mistake is cancelled (the certificate is issued again without it); another municipality cannot see it', async () => {
  const rows = (await ok(`query($id: UUID!) { participant(id: $id) { elementAttendance { id elementKind } } }`, { id })).participant.elementAttendance;
  const lifeSkills = rows.find((r: { elementKind: string }) => r.elementKind === 'LIFE_SKILLS').id as string;
  const CANCEL = `mutation($a: UUID!, $r: String!) { cancelElementAttendance(attendanceId: $a, reason: $r) { elementAttendance { id } } }`;
  const other = await t.gql(otherTok, CANCEL, { a: lifeSkills, r: 'Not mine' });
  const random = await t.gql(otherTok, CANCEL, { a: '00000000-0000-4000-8000-000000000000', r: 'Not mine' });
  expect(other.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(other.body.errors[0].message).toBe(random.body.errors[0].message);
  expect((await t.gql(tok, CANCEL, { a: lifeSkills, r: '   ' })).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

  const after = (await ok(CANCEL, { a: lifeSkills, r: 'Registrert på feil deltaker' })).cancelElementAttendance.elementAttendance;
  expect(after).toHaveLength(3);
  const nb = (await ok(CERTIFICATE, { id, l: 'NB' })).participationCertificate;
  expect(line(nb, 'Livsmestring (Life-skills course)')).toBe('Ikke registrert av kommunen');
  expect(line(nb, 'Opplæring i norsk (Norwegian training)')).toBe('16,5 timer, fullført');
  // A retry after the success changes nothing more.
  expect((await t.gql(tok, CANCEL, { a: lifeSkills, r: 'Registrert på feil deltaker' })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  // The change log keeps what was cancelled and why.
  const owner = await t.db.owner();
  const logged = await owner.query(`SELECT changes FROM app.audit_event WHERE operation = 'cancelElementAttendance' AND participant_id = $1`, [id]);
  expect(logged.rows).toHaveLength(1);
  expect(logged.rows[0].changes).toMatchObject({
    reason: { to: 'Registrert på feil deltaker' },
    element_attendance: { from: { elementKind: 'LIFE_SKILLS', hoursAttended: 2, completed: true }, to: null },
  });
});
