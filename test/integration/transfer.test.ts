/**
 * A transfer between municipalities carries the case whole: every column of the participant (and of the
 * mapping, plan, programme and decisions it takes along) arrives in the receiver's register, compared
 * column by column with the sender's row as the database holds them. The columns come from the table
 * descriptions, so a column added later is compared without an edit here; the fixture must give it a
 * value a lost copy would not have.
 */
import { addDays, todayInOslo } from '../../src/domain/calendar';
import { competenceMappingTable } from '../../src/modules/competence-mapping/competence-mapping.table';
import { decisionTable } from '../../src/modules/decision/decision.table';
import { planVersionTable } from '../../src/modules/integration-plan/integration-plan.table';
import { participantTable } from '../../src/modules/participant/participant.table';
import { programmeTable } from '../../src/modules/programme/programme.table';
import { startTestApp, TestApp } from '../support/app';
import { MAPPING_INPUT, makeFnr, participantInput, planInput, REGISTER } from '../support/fixtures';

let t: TestApp;
let bergen: string;
let oslo: string;
const today = todayInOslo();

beforeAll(async () => {
  t = await startTestApp();
  bergen = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Saksbehandler');
  oslo = await t.token('MUNICIPALITY', '0301', 'oslo-cw', 'Oslo Caseworker');
});
afterAll(() => t?.close());

async function ok(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await t.gql(token, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

type DbRow = Record<string, unknown>;

async function rows(table: string, participantId: string, order = 'id'): Promise<DbRow[]> {
  const owner = await t.db.owner();
  return (await owner.query(`SELECT * FROM app.${table} WHERE participant_id = $1 ORDER BY ${order}`, [participantId])).rows;
}

async function participantRow(id: string): Promise<DbRow> {
  const owner = await t.db.owner();
  return (await owner.query(`SELECT * FROM app.participant WHERE id = $1`, [id])).rows[0];
}

/** Sends the case from Bergen to Oslo and accepts it there; the new participant's id. */
async function moveToOslo(id: string): Promise<string> {
  await ok(bergen, `mutation($id: UUID!) { transferParticipant(participantId: $id, toMunicipality: "0301") { status } }`, { id });
  const inbox = (await ok(oslo, `{ incomingTransfers { id version acceptedParticipantId } }`)).incomingTransfers;
  const owner = await t.db.owner();
  const [{ id: transferId }] = (await owner.query(`SELECT id FROM app.case_transfer WHERE from_participant_id = $1`, [id])).rows;
  const incoming = inbox.find((x: { id: string }) => x.id === transferId);
  const accepted = await ok(oslo, `mutation($id: UUID!, $v: Int!) { acceptTransfer(transferId: $id, expectedVersion: $v) { id status } }`, {
    id: incoming.id,
    v: incoming.version,
  });
  return accepted.acceptTransfer.id;
}

/** The columns of a table a copy must carry: all but the ones named (keys, bookkeeping, what the transfer sets). */
function carried(columns: readonly string[], notCarried: readonly string[]): string[] {
  const unknown = notCarried.filter((c) => !columns.includes(c));
  expect(unknown).toEqual([]); // a renamed column must not silently leave the comparison
  return columns.filter((c) => !notCarried.includes(c));
}

const pick = (row: DbRow, columns: string[]) => Object.fromEntries(columns.map((c) => [c, row[c]]));

/** A value a dropped or defaulted column would not have: not NULL, not false, not an empty list. */
const informative = (v: unknown) => v !== null && v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0) && v !== '';

test('every participant column arrives in the receiving register (all but keys, version, timestamps, status and the transfer columns)', async () => {
  const input = participantInput({
    name: 'Every Field Person',
    birthDate: '1988-02-14',
    identityNumber: makeFnr('1988-02-14', 4242),
    permitCategory: 'FAMILY_REUNIFICATION',
    permitGrantDate: addDays(today, -150),
    arrivalDate: addDays(today, -140),
    settlementDate: addDays(today, -60),
    settledByAgreementWithImdi: true,
    requestDate: addDays(today, -30),
    offerDate: addDays(today, -20),
    familyReferenceYearsInMunicipality: 2.5,
    highestEducation: 'Bachelor in economics',
    hasUpperSecondary: true,
    weeklyWorkHours: 12.5,
    childrenBirthDates: ['2015-06-01', '2019-09-30'],
    livesWithParent: true,
    languages: ['ar', 'fr', 'en'],
  });
  const id = (await ok(bergen, REGISTER, { input })).registerParticipant.id;
  const sent = await participantRow(id);

  const NOT_COMPARED = [
    'municipality_id',
    'id',
    'version',
    'created_at',
    'updated_at',
    'status',
    'transferred_from_municipality_id',
    'transferred_from_participant_id',
    'transferred_to_municipality_id',
    'transferred_at',
    // The receiving caseworker takes the case on (asserted below).
    'assigned_to_sub',
    'assigned_to_name',
  ];
  const compared = carried(participantTable.columnNames, NOT_COMPARED);
  const uninformative = compared.filter((c) => !informative(sent[c]));
  // Give a column added to app.participant a value in the fixture above, so a copy that loses it fails here.
  expect(uninformative).toEqual([]);

  const copyId = await moveToOslo(id);
  const received = await participantRow(copyId);
  expect(pick(received, compared)).toEqual(pick(sent, compared));

  // What the transfer sets itself.
  const bergenId = t.directory.municipalityByNumber('4601')!.id;
  const osloId = t.directory.municipalityByNumber('0301')!.id;
  expect(received).toMatchObject({
    municipality_id: osloId,
    status: 'REGISTERED',
    version: 1,
    assigned_to_sub: 'oslo-cw',
    assigned_to_name: 'Oslo Caseworker',
    transferred_from_municipality_id: bergenId,
    transferred_from_participant_id: id,
    transferred_at: today,
    transferred_to_municipality_id: null,
  });
  expect(received.id).not.toBe(id);
  const closed = await participantRow(id);
  expect(closed).toMatchObject({ status: 'TRANSFERRED', transferred_to_municipality_id: osloId, transferred_at: today, version: Number(sent.version) + 1 });
  // The sender's facts stay as they were.
  expect(pick(closed, compared)).toEqual(pick(sent, compared));
});

test('the mapping, the current plan, the decisions and the programme arrive column by column', async () => {
  const id = (
    await ok(bergen, REGISTER, {
      input: participantInput({ permitGrantDate: addDays(today, -150), arrivalDate: addDays(today, -140), settlementDate: addDays(today, -60) }),
    })
  ).registerParticipant.id;
  await ok(bergen, `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`, {
    id,
    input: { ...MAPPING_INPUT, otherCompetence: 'Driving licence', mappedBeforeArrivalByImdi: true },
  });
  await ok(bergen, `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { id } }`, {
    id,
    input: {
      type: 'PARTICIPATION',
      outcome: 'GRANTED',
      reasons: 'Refugee settled by agreement.',
      decidedAt: addDays(today, -30),
      notifiedAt: addDays(today, -28),
    },
  });
  const PLAN = `mutation($id: UUID!, $input: IntegrationPlanInput!, $v: Int) { saveIntegrationPlan(participantId: $id, input: $input, expectedVersionNo: $v) { id } }`;
  await ok(bergen, PLAN, { id, input: planInput({ contractSignedAt: addDays(today, -25) }) });
  await ok(bergen, PLAN, { id, input: planInput({ contractSignedAt: addDays(today, -25), longTermGoal: 'Own carpentry business' }), v: 1 });
  await ok(bergen, `mutation($id: UUID!, $input: StartProgrammeInput!) { startProgramme(participantId: $id, input: $input) { id } }`, {
    id,
    input: { startDate: addDays(today, -20) },
  });
  const [mapping] = await rows('competence_mapping', id);
  const decisions = await rows('decision', id, 'decided_at, id');
  const [plan] = await rows('plan_version', id, 'version_no DESC');
  const [programme] = await rows('programme', id);
  expect(decisions.length).toBeGreaterThan(0);

  const copyId = await moveToOslo(id);

  const mappingColumns = carried(competenceMappingTable.columnNames, ['municipality_id', 'id', 'participant_id', 'version', 'updated_at']);
  expect(pick((await rows('competence_mapping', copyId))[0], mappingColumns)).toEqual(pick(mapping, mappingColumns));

  const decisionColumns = carried(decisionTable.columnNames, ['municipality_id', 'id', 'participant_id', 'version', 'created_at']);
  expect((await rows('decision', copyId, 'decided_at, id')).map((d) => pick(d, decisionColumns))).toEqual(decisions.map((d) => pick(d, decisionColumns)));

  // The current plan and contract become the receiver's first version.
  const planColumns = carried(planVersionTable.columnNames, [
    'municipality_id',
    'id',
    'participant_id',
    'created_at',
    'version_no',
    'significant_change',
    'significant_change_decision_id',
  ]);
  const plans = await rows('plan_version', copyId);
  expect(plans).toHaveLength(1);
  expect(pick(plans[0], planColumns)).toEqual(pick(plan, planColumns));
  expect(plans[0]).toMatchObject({ version_no: 1, significant_change: false, significant_change_decision_id: null });

  // The programme starts again in the receiving municipality, with the time already used.
  const programmeColumns = carried(programmeTable.columnNames, [
    'municipality_id',
    'id',
    'participant_id',
    'version',
    'updated_at',
    'state',
    'start_date',
    'late_start_reason',
    'planned_end_date',
    'leave_until',
    'halted_until',
    'ended_at',
    'end_goal_reached',
    'end_reason',
    'time_already_used_days',
  ]);
  const [restarted] = await rows('programme', copyId);
  expect(pick(restarted, programmeColumns)).toEqual(pick(programme, programmeColumns));
  expect(restarted).toMatchObject({ state: 'PLANNED', start_date: null, planned_end_date: null, time_already_used_days: 20 });
  expect((await participantRow(copyId)).status).toBe('PLANNED');
  expect((await rows('programme', id))[0]).toMatchObject({ state: 'TRANSFERRED', time_already_used_days: 20 });
});

test('an answered transfer cannot be answered again; a stale version is a conflict; another id is not found', async () => {
  const id = (await ok(bergen, REGISTER, { input: participantInput() })).registerParticipant.id;
  const copyId = await moveToOslo(id);
  const owner = await t.db.owner();
  const [transfer] = (await owner.query(`SELECT id, version, state, accepted_participant_id FROM app.case_transfer WHERE from_participant_id = $1`, [id])).rows;
  expect(transfer).toMatchObject({ state: 'ACCEPTED', version: 2, accepted_participant_id: copyId });
  const ACCEPT = `mutation($id: UUID!, $v: Int!) { acceptTransfer(transferId: $id, expectedVersion: $v) { id } }`;
  const REJECT = `mutation($id: UUID!, $v: Int!) { rejectTransfer(transferId: $id, expectedVersion: $v, reason: "No") { state } }`;
  const again = (await t.gql(oslo, ACCEPT, { id: transfer.id, v: 2 })).body.errors[0];
  expect({ message: again.message, code: again.extensions.code }).toEqual({ message: 'This transfer has already been accepted or rejected', code: 'CONFLICT' });
  expect((await t.gql(oslo, ACCEPT, { id: transfer.id, v: 1 })).body.errors[0].extensions.code).toBe('CONFLICT');
  expect((await t.gql(oslo, REJECT, { id: transfer.id, v: 2 })).body.errors[0].extensions.code).toBe('CONFLICT');
  // The sender cannot see, accept or reject what is in the receiver's inbox: the same answer as for a random id.
  for (const q of [ACCEPT, REJECT]) {
    const theirs = (await t.gql(bergen, q, { id: transfer.id, v: 2 })).body.errors[0];
    const random = (await t.gql(bergen, q, { id: '7d1f8a52-3c4b-4e5f-9a6b-0c1d2e3f4a5b', v: 2 })).body.errors[0];
    expect({ message: theirs.message, extensions: theirs.extensions }).toEqual({ message: random.message, extensions: random.extensions });
    expect(theirs.extensions.code).toBe('NOT_FOUND');
  }
  // A case is sent once.
  const twice = (await t.gql(bergen, `mutation($id: UUID!) { transferParticipant(participantId: $id, toMunicipality: "0301") { status } }`, { id })).body
    .errors[0];
  expect(twice.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-5.10' });
  expect((await owner.query(`SELECT count(*)::int AS n FROM app.case_transfer WHERE from_participant_id = $1`, [id])).rows[0].n).toBe(1);
});
