/**
 * Runs every cell of the access matrix (test/security/access-matrix.ts): every query and mutation of
 * the schema as every kind of caller. A cross-tenant id answers exactly like a random id, and the
 * case's names and identity numbers appear in no answer that is not entitled to them.
 */
import crypto from 'node:crypto';
import { buildAppSchema } from '../../src/graphql/schema';
import { startTestApp, TestApp } from '../support/app';
import { MAPPING_INPUT, participantInput, planInput, REGISTER } from '../support/fixtures';
import { ACCESS_MATRIX, Caller, CALLERS, Outcome } from './access-matrix';

interface Fixture {
  participantId: string;
  absenceId: string;
  decisionId: string;
  appealId: string;
  referralId: string;
  planVersionId: string;
  transferId: string;
  name: string;
  identityNumber: string;
}

let t: TestApp;
let F: Fixture; // forwarded appeal, referral to the county
let U: Fixture; // appeal not forwarded
const tokens = {} as Record<Caller, string | null>;
let cells = 0;

const BAD_VERSION = 999;
const DECISION = { type: 'PLAN_SIGNIFICANT_CHANGE', outcome: 'REFUSED', reasons: 'Matrix', decidedAt: '2026-11-20' };

/** The variables and selection of each operation, for a fixture. Versions are stale on purpose: an allowed caller is refused by the version guard and changes nothing. */
function call(op: string, f: Fixture): { query: string; variables: Record<string, unknown> } {
  const [root, name] = op.split('.');
  const v: Record<string, [string, unknown]> = {};
  let select = '{ __typename }';
  const id = (k: string, value: string) => (v[k] = ['UUID!', value]);
  const int = (k: string, value: number) => (v[k] = ['Int!', value]);
  const str = (k: string, value: string) => (v[k] = ['String!', value]);
  switch (name) {
    case 'me':
      select = '{ sub municipalities { number } }';
      break;
    case 'municipalities':
    case 'counties':
    case 'statsforvalterAreas':
      select = '{ name }';
      break;
    case 'participant':
      id('id', f.participantId);
      select = '{ name identityNumber }';
      break;
    case 'participants':
      int('first', 100);
      select = '{ edges { node { name maskedIdentityNumber } } }';
      break;
    case 'caseloadSummary':
      select = '{ total byCaseworker { sub total } }';
      break;
    case 'participantByIdentityNumber':
      str('identityNumber', f.identityNumber);
      select = '{ name identityNumber }';
      break;
    case 'municipalityAppeals':
      int('first', 100);
      select = '{ totalCount countsByState { state count } edges { node { id state } } }';
      break;
    case 'worklist':
      int('first', 100);
      v.filter = ['WorklistFilter', { scope: 'MUNICIPALITY' }];
      select = '{ totalCount edges { node { kind participant { name } } } }';
      break;
    case 'participationCertificate':
      id('participantId', f.participantId);
      v.language = ['CertificateLanguage!', 'NB'];
      select = '{ text }';
      break;
    case 'participantAccessLog':
      id('participantId', f.participantId);
      int('first', 10);
      select = '{ totalCount }';
      break;
    case 'registerParticipant':
      v.input = ['RegisterParticipantInput!', participantInput({ name: 'Matrix New Person' })];
      break;
    case 'updateParticipant':
      id('id', f.participantId);
      v.input = ['UpdateParticipantInput!', { expectedVersion: BAD_VERSION, languages: ['ar'] }];
      break;
    case 'reassignParticipant':
      id('id', f.participantId);
      str('toSub', 'x');
      str('toName', 'X');
      int('expectedVersion', BAD_VERSION);
      break;
    case 'recordCompetenceMapping':
      id('participantId', f.participantId);
      v.input = ['CompetenceMappingInput!', { ...MAPPING_INPUT, expectedVersion: BAD_VERSION }];
      break;
    case 'saveIntegrationPlan':
      id('participantId', f.participantId);
      v.input = ['IntegrationPlanInput!', planInput()];
      v.expectedVersionNo = ['Int', BAD_VERSION];
      break;
    case 'makeDecision':
      id('participantId', f.participantId);
      v.input = ['DecisionInput!', DECISION];
      break;
    case 'recordDecisionNotice':
      id('decisionId', f.decisionId);
      v.notifiedAt = ['LocalDate!', '2026-11-20'];
      int('expectedVersion', BAD_VERSION);
      break;
    case 'recordReasonsRequest':
      id('decisionId', f.decisionId);
      v.requestedAt = ['LocalDate!', '2026-11-20'];
      int('expectedVersion', BAD_VERSION);
      break;
    case 'recordAppealDeadlineExtension':
      id('decisionId', f.decisionId);
      v.extendedTo = ['LocalDate!', '2026-12-20'];
      v.grantedOn = ['LocalDate!', '2026-11-20'];
      int('expectedVersion', BAD_VERSION);
      break;
    case 'startProgramme':
      id('participantId', f.participantId);
      v.input = ['StartProgrammeInput!', { startDate: '2026-11-20', expectedVersion: BAD_VERSION }];
      break;
    case 'endLeave':
    case 'resumeProgramme':
      id('participantId', f.participantId);
      int('expectedVersion', BAD_VERSION);
      break;
    case 'completeProgramme':
    case 'interruptProgramme':
      id('participantId', f.participantId);
      v.input = ['EndProgrammeInput!', { endDate: '2026-11-20', endGoalReached: false, reason: 'x', expectedVersion: BAD_VERSION }];
      break;
    case 'registerAbsence':
      id('participantId', f.participantId);
      v.input = ['AbsenceInput!', { kind: 'ABSENCE_EXCUSED', fromDate: '2026-11-16', toDate: '2026-11-16' }];
      break;
    case 'recordElementAttendance':
      id('participantId', f.participantId);
      // A period into the future: an allowed caller is refused by R-13.11 and records nothing.
      v.input = ['ElementAttendanceInput!', { elementKind: 'NORWEGIAN', fromDate: '2026-11-16', toDate: '2199-12-31', hoursAttended: 10, completed: false }];
      break;
    case 'cancelElementAttendance':
      // The matrix's cases have no programme, so no recorded period: an id of none. The real cross-tenant
      // answer (another municipality's period looks like a random id) is in test/integration/certificate-content.test.ts.
      id('attendanceId', '00000000-0000-4000-8000-00000000a77e');
      str('reason', 'Recorded by mistake');
      break;
    case 'correctAbsence':
      id('absenceId', f.absenceId);
      int('expectedVersion', BAD_VERSION);
      v.input = ['AbsenceCorrectionInput!', { kind: 'ABSENCE_UNEXCUSED', fromDate: '2026-11-02', toDate: '2026-11-02' }];
      break;
    case 'cancelAbsence':
      id('absenceId', f.absenceId);
      int('expectedVersion', BAD_VERSION);
      str('reason', 'Registered by mistake');
      break;
    case 'incomingTransfers':
      select = '{ name }';
      break;
    case 'incomingTransfersConnection':
      int('first', 100);
      select = '{ totalCount edges { node { name } } }';
      break;
    case 'acceptTransfer':
      id('transferId', f.transferId);
      int('expectedVersion', BAD_VERSION);
      break;
    case 'rejectTransfer':
      id('transferId', f.transferId);
      int('expectedVersion', BAD_VERSION);
      str('reason', 'x');
      break;
    case 'transferParticipant':
      id('participantId', f.participantId);
      str('toMunicipality', '4601');
      break; // to itself: refused after the case lookup
    case 'referToCareerGuidance':
      id('participantId', f.participantId);
      str('note', 'Matrix');
      break;
    case 'withdrawCareerGuidanceReferral':
      id('referralId', f.referralId);
      int('expectedVersion', BAD_VERSION);
      break;
    case 'linkPlanToGuidance':
      id('referralId', f.referralId);
      id('planVersionId', f.planVersionId);
      break;
    case 'careerGuidanceReferrals':
      int('first', 50);
      select = '{ edges { node { participant { name } } } }';
      break;
    case 'careerGuidanceReferral':
      id('id', f.referralId);
      select = '{ participant { name } }';
      break;
    case 'startCareerGuidance':
      id('referralId', f.referralId);
      int('expectedVersion', BAD_VERSION);
      break;
    case 'submitCareerGuidance':
      id('referralId', f.referralId);
      v.input = [
        'SubmitCareerGuidanceInput!',
        {
          adviser: 'A',
          heldAt: '2026-11-20',
          summary: 'S',
          recommendationKind: 'EDUCATION',
          recommendedEndGoal: 'UPPER_SECONDARY_COMPLETE',
          expectedVersion: BAD_VERSION,
        },
      ];
      break;
    case 'registerAppeal':
      v.input = [
        'RegisterAppealInput!',
        { decisionId: f.decisionId, receivedAt: '2026-11-20', sentAt: '2026-11-19', grounds: 'Matrix', changeWanted: 'Matrix' },
      ];
      break;
    case 'acceptLateAppeal':
      id('appealId', f.appealId);
      int('expectedVersion', BAD_VERSION);
      v.ground = ['LateAppealGround!', 'SPECIAL_REASONS'];
      break;
    case 'startAppealReview':
    case 'closeAppeal':
      id('appealId', f.appealId);
      int('expectedVersion', BAD_VERSION);
      break;
    case 'reverseAppeal':
      id('appealId', f.appealId);
      int('expectedVersion', BAD_VERSION);
      v.decision = ['DecisionInput!', DECISION];
      break;
    case 'partlyReverseAndForward':
      id('appealId', f.appealId);
      int('expectedVersion', BAD_VERSION);
      v.decision = ['DecisionInput!', DECISION];
      str('statement', 'x');
      v.copiedToParticipantAt = ['LocalDate!', '2026-11-20'];
      break;
    case 'dismissAppeal':
      id('appealId', f.appealId);
      int('expectedVersion', BAD_VERSION);
      str('reasons', 'x');
      break;
    case 'forwardAppeal':
      id('appealId', f.appealId);
      int('expectedVersion', BAD_VERSION);
      str('statement', 'x');
      v.copiedToParticipantAt = ['LocalDate!', '2026-11-20'];
      break;
    case 'handOnAppeal':
    case 'reassignAppeal':
      id('appealId', f.appealId);
      int('expectedVersion', BAD_VERSION);
      str('statsforvalterId', 'rogaland');
      str('reason', 'x');
      break;
    case 'recordAppealFollowUp':
      id('appealId', f.appealId);
      int('expectedVersion', BAD_VERSION);
      id('decisionId', f.decisionId);
      break;
    case 'appeals':
      int('first', 50);
      select = '{ edges { node { participant { name } } } }';
      break;
    case 'appeal':
      id('id', f.appealId);
      select = '{ participant { name } }';
      break;
    case 'decideAppeal':
      id('appealId', f.appealId);
      int('expectedVersion', BAD_VERSION);
      v.input = ['DecideAppealInput!', { outcome: 'UPHELD', reasons: 'x', decidedAt: '2026-11-20', toDetriment: false }];
      break;
    default:
      throw new Error(`no call defined for ${op}: add it here and a row to access-matrix.ts`);
  }
  const defs = Object.entries(v)
    .map(([k, [type]]) => `$${k}: ${type}`)
    .join(', ');
  const args = Object.keys(v)
    .map((k) => `${k}: $${k}`)
    .join(', ');
  const query = `${root === 'Query' ? 'query' : 'mutation'}${defs ? `(${defs})` : ''} { ${name}${args ? `(${args})` : ''} ${select} }`;
  return { query, variables: Object.fromEntries(Object.entries(v).map(([k, [, value]]) => [k, value])) };
}

/** The same call with every id replaced by a random one. */
function withRandomIds(c: { query: string; variables: Record<string, unknown> }, f: Fixture) {
  const ids = new Set([f.participantId, f.absenceId, f.decisionId, f.appealId, f.referralId, f.planVersionId, f.transferId]);
  const swap = (x: unknown): unknown =>
    typeof x === 'string' && ids.has(x)
      ? crypto.randomUUID()
      : Array.isArray(x)
        ? x.map(swap)
        : x && typeof x === 'object'
          ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k, swap(y)]))
          : x;
  return { query: c.query, variables: swap(c.variables) as Record<string, unknown> };
}

async function gql(caller: Caller, c: { query: string; variables: Record<string, unknown> }) {
  return t.gql(tokens[caller], c.query, c.variables);
}

/** A case Stavanger sends to Bergen: a transfer in the inbox of the case's municipality. */
async function sendTransfer(): Promise<string> {
  const stavanger = await t.token('MUNICIPALITY', '1103', 'matrix-sender');
  const reg = await t.gql(stavanger, REGISTER, { input: participantInput({ name: 'Matrix Sent Person' }) });
  await t.gql(stavanger, `mutation($id: UUID!) { transferParticipant(participantId: $id, toMunicipality: "4601") { id } }`, {
    id: reg.body.data.registerParticipant.id,
  });
  const inbox = (await t.gql(tokens.muni, `{ incomingTransfers { id name } }`)).body.data.incomingTransfers as { id: string; name: string }[];
  return inbox[inbox.length - 1].id;
}

async function makeCase(name: string, forward: boolean): Promise<Fixture> {
  const muni = tokens.muni!;
  const ok = async (q: string, vars: Record<string, unknown>) => {
    const r = await t.gql(muni, q, vars);
    if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
    return r.body.data;
  };
  const input = participantInput({ name });
  const { registerParticipant: p } = await ok(REGISTER, { input });
  await ok(`mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`, {
    id: p.id,
    input: MAPPING_INPUT,
  });
  const plan = await ok(
    `mutation($id: UUID!, $input: IntegrationPlanInput!) { saveIntegrationPlan(participantId: $id, input: $input) { integrationPlan { current { id } } } }`,
    { id: p.id, input: planInput() },
  );
  const abs = await ok(
    `mutation($id: UUID!) { registerAbsence(participantId: $id, input: { kind: ABSENCE_EXCUSED, fromDate: "2026-11-02", toDate: "2026-11-02" }) { absences { id } } }`,
    { id: p.id },
  );
  const ref = await ok(`mutation($id: UUID!) { referToCareerGuidance(participantId: $id, note: "Matrix") { id } }`, { id: p.id });
  const d = await ok(
    `mutation($id: UUID!) { makeDecision(participantId: $id, input: { type: PARTICIPATION, outcome: REFUSED, reasons: "Not eligible", decidedAt: "2026-11-10", notifiedAt: "2026-11-12" }) { decisions { id } } }`,
    { id: p.id },
  );
  const decisionId = d.makeDecision.decisions[0].id;
  const a = await ok(`mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id version } }`, {
    input: { decisionId, receivedAt: '2026-11-20', sentAt: '2026-11-19', grounds: 'I disagree', changeWanted: 'Grant participation' },
  });
  let appeal = a.registerAppeal;
  if (forward) {
    appeal = (
      await ok(`mutation($id: UUID!, $v: Int!) { startAppealReview(appealId: $id, expectedVersion: $v) { id version } }`, { id: appeal.id, v: appeal.version })
    ).startAppealReview;
    await ok(
      `mutation($id: UUID!, $v: Int!) { forwardAppeal(appealId: $id, expectedVersion: $v, statement: "Upheld", copiedToParticipantAt: "2026-11-25") { id } }`,
      { id: appeal.id, v: appeal.version },
    );
  }
  return {
    participantId: p.id,
    absenceId: abs.registerAbsence.absences[0].id,
    decisionId,
    appealId: appeal.id,
    referralId: ref.referToCareerGuidance.id,
    planVersionId: plan.saveIntegrationPlan.integrationPlan.current.id,
    transferId: await sendTransfer(),
    name,
    identityNumber: input.identityNumber as string,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  const orgs: Record<Caller, [string, string] | null> = {
    muni: ['MUNICIPALITY', '4601'],
    muniOther: ['MUNICIPALITY', '1103'],
    county: ['COUNTY', '46'],
    countyOther: ['COUNTY', '11'],
    sfArea: ['STATSFORVALTER', 'vestland'],
    sfUnfwd: ['STATSFORVALTER', 'vestland'],
    sfOther: ['STATSFORVALTER', 'rogaland'],
    anonymous: null,
  };
  for (const c of CALLERS) tokens[c] = orgs[c] ? await t.token(orgs[c]![0], orgs[c]![1], `matrix-${c}`) : null;
  F = await makeCase('Matrix Person Forwarded', true);
  U = await makeCase('Matrix Person Unforwarded', false);
}, 60_000);
afterAll(async () => {
  console.log(`access matrix: ${Object.keys(ACCESS_MATRIX).length} operations × ${CALLERS.length} callers = ${cells} cells`);
  await t?.close();
});

test('every operation of the schema has a row in the matrix, and every row an operation', () => {
  const schema = buildAppSchema();
  const ops = [
    ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
    ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
  ].sort();
  expect(Object.keys(ACCESS_MATRIX).sort()).toEqual(ops);
});

function assertNoLeak(caller: Caller, body: unknown) {
  const text = JSON.stringify(body);
  if (caller === 'muni') return;
  for (const s of [F.identityNumber, U.identityNumber]) expect({ caller, leaks: text.includes(s) }).toEqual({ caller, leaks: false });
  // The county of the case has referrals for both; Vestland's Statsforvalter (either column) sees only the forwarded one.
  const allowedNames = caller === 'county' ? [F.name, U.name] : caller === 'sfArea' || caller === 'sfUnfwd' ? [F.name] : [];
  for (const n of [F.name, U.name]) if (!allowedNames.includes(n)) expect({ caller, leaks: text.includes(n) }).toEqual({ caller, leaks: false });
}

const rows = Object.entries(ACCESS_MATRIX);
test.each(rows)('%s', async (op, expected) => {
  for (const caller of CALLERS) {
    cells++;
    const outcome: Outcome = expected[caller];
    const fixture = caller === 'sfUnfwd' ? U : F;
    const c = call(op, fixture);
    const res = await gql(caller, c);
    const codes = ((res.body.errors ?? []) as { extensions?: { code?: string }; message: string }[]).map((e) => e.extensions?.code);
    const where = { op, caller, outcome };
    if (outcome === 'UNAUTHENTICATED') {
      expect({ ...where, status: res.status, codes }).toEqual({ ...where, status: 401, codes: ['UNAUTHENTICATED'] });
    } else if (outcome === 'FORBIDDEN') {
      expect({ ...where, codes }).toEqual({ ...where, codes: ['FORBIDDEN'] });
    } else if (outcome === 'HIDDEN') {
      const random = await gql(caller, withRandomIds(c, fixture));
      const pick = (r: typeof res) =>
        (r.body.errors ?? []).map((e: { message: string; extensions?: { code?: string } }) => ({ code: e.extensions?.code, message: e.message }));
      expect({ ...where, answer: pick(res) }).toEqual({ ...where, answer: pick(random) });
      expect({ ...where, codes }).toEqual({ ...where, codes: ['NOT_FOUND'] });
    } else {
      expect({ ...where, forbidden: codes.filter((x) => x === 'FORBIDDEN' || x === 'UNAUTHENTICATED' || x === 'INTERNAL_SERVER_ERROR') }).toEqual({
        ...where,
        forbidden: [],
      });
    }
    assertNoLeak(caller, res.body);
  }
});
