/**
 * One error shape (issue 17, item 4): every refused input answers with all of its problems in
 * extensions.violations ({ path, code, ruleId?, lawReference?, message }), whatever found them.
 */
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { MAPPING_INPUT, participantInput, REGISTER } from '../support/fixtures';

let t: TestApp;
let tok: string;
beforeAll(async () => {
  t = await startTestApp();
  tok = await t.token('MUNICIPALITY', '1103');
});
afterAll(async () => {
  await t?.close();
});

const LIST = `query($filter: ParticipantFilter, $first: Int) { participants(first: $first, filter: $filter) { totalCount } }`;

test('every problem of one input at once, each with a path and a stable code', async () => {
  const res = await t.gql(tok, LIST, { first: 101, filter: { nameContains: 'x'.repeat(101), startDeadlineWithinDays: 400, programmeEndingWithinDays: -1 } });
  const [error] = res.body.errors;
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  const got = error.extensions.violations.map((v: { path: string; code: string }) => `${v.path} ${v.code}`).sort();
  expect(got).toEqual(['filter.nameContains MAX_LENGTH', 'filter.programmeEndingWithinDays MIN', 'filter.startDeadlineWithinDays MAX', 'first MAX'].sort());
  for (const v of error.extensions.violations) expect(typeof v.message).toBe('string');
});

test("GraphQL's own coercion (an unknown enum value) answers in the same shape, naming the path", async () => {
  const res = await t.gql(tok, LIST, { first: 5, filter: { status: ['NOPE'] } });
  const [error] = res.body.errors;
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  expect(error.extensions.violations).toEqual([expect.objectContaining({ path: 'filter.status[0]', code: 'INVALID_VALUE' })]);
});

test('a tampered cursor: one violation on after', async () => {
  const res = await t.gql(tok, `{ participants(first: 2, after: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") { totalCount } }`);
  expect(res.body.errors[0].extensions.violations).toEqual([expect.objectContaining({ path: 'after', code: 'INVALID' })]);
});

test.each([
  [undefined, 'nb', 'nameContains kan ha høyst 100 tegn.'],
  ['nn-NO,nn;q=0.9,en;q=0.5', 'nn', 'nameContains kan ha høgst 100 teikn.'],
  ['en-GB,en;q=0.9', 'en', 'nameContains must be shorter than or equal to 100 characters'],
  ['de, en;q=0.2, nb;q=0.8', 'nb', 'nameContains kan ha høyst 100 tegn.'],
])('Accept-Language %p: violations in %s, codes unchanged', async (header, language, message) => {
  const r = request(t.server).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${tok}`);
  if (header) r.set('accept-language', header);
  const res = await r.send({ query: LIST, variables: { first: 5, filter: { nameContains: 'x'.repeat(101), startDeadlineWithinDays: 400 } } });
  const [error] = res.body.errors;
  expect(error.extensions.language).toBe(language);
  const byPath = Object.fromEntries(error.extensions.violations.map((v: { path: string; code: string; message: string }) => [v.path, v]));
  expect(byPath['filter.nameContains']).toEqual({ path: 'filter.nameContains', code: 'MAX_LENGTH', message });
  expect(byPath['filter.startDeadlineWithinDays'].code).toBe('MAX');
  const max = { nb: 'startDeadlineWithinDays kan ikke være større enn 366.', nn: 'startDeadlineWithinDays kan ikkje vere større enn 366.' }[
    language as 'nb' | 'nn'
  ];
  expect(byPath['filter.startDeadlineWithinDays'].message).toBe(max ?? 'startDeadlineWithinDays must not be greater than 366');
});

/** POST with an optional Accept-Language; the first error of the answer. */
async function firstError(header: string | undefined, query: string, variables: Record<string, unknown>) {
  const r = request(t.server).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${tok}`);
  if (header) r.set('accept-language', header);
  const res = await r.send({ query, variables });
  return res.body.errors[0];
}

describe('every violation in the language asked for: a validation error and a rule violation (issue 17 item 4)', () => {
  test.each([
    [undefined, 'identityNumber er ikke et gyldig fødselsnummer eller D-nummer: første kontrollsiffer (K1) er feil.', 'idempotencyKey må ha minst 8 tegn.'],
    ['nn', 'identityNumber er ikkje eit gyldig fødselsnummer eller D-nummer: første kontrollsiffer (K1) er feil.', 'idempotencyKey må ha minst 8 teikn.'],
    [
      'en',
      'identityNumber is not a valid fødselsnummer or D-number: first check digit (K1) is wrong',
      'idempotencyKey must be longer than or equal to 8 characters',
    ],
  ])('validation, Accept-Language %p', async (header, identity, key) => {
    // A too short idempotency key is refused by the input's validation (IS_LENGTH), its length kept in the message.
    const tooShort = await firstError(header, REGISTER, { input: participantInput({ idempotencyKey: 'short' }) });
    expect(tooShort.extensions.violations).toEqual([{ path: 'idempotencyKey', code: 'IS_LENGTH', message: key }]);
    // A wrong check digit is refused by the case logic (INVALID), the reason named.
    const valid = participantInput().identityNumber as string;
    const k1 = (Number(valid[9]) + 5) % 10; // ±5: outside the remainders 0–3 both K1 schemes accept
    const wrong = await firstError(header, REGISTER, { input: participantInput({ identityNumber: valid.slice(0, 9) + k1 + valid[10] }) });
    expect(wrong.extensions.violations).toEqual([{ path: 'identityNumber', code: 'INVALID', message: identity }]);
  });

  test.each([
    [undefined, 'nb', 'Fullfør kompetansekartleggingen før det treffes vedtak om deltakelse.'],
    ['nn', 'nn', 'Fullfør kompetansekartlegginga før det vert gjort vedtak om deltaking.'],
    ['en-GB', 'en', 'Complete the competence mapping before deciding on participation.'],
  ])('a rule violation (R-2.2), Accept-Language %p: the message in %s, code, ruleId and lawReference unchanged', async (header, language, message) => {
    const reg = await t.gql(tok, REGISTER, { input: participantInput() });
    const id = reg.body.data.registerParticipant.id;
    const error = await firstError(
      header,
      `mutation($id: UUID!) { makeDecision(participantId: $id, input: { type: PARTICIPATION, outcome: GRANTED, reasons: "Right and duty.", decidedAt: "2026-11-10" }) { id } }`,
      { id },
    );
    expect(error.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-2.2', language });
    expect(error.extensions.violations).toEqual([
      { path: null, code: 'RULE_VIOLATION', ruleId: 'R-2.2', lawReference: 'integreringsloven §§ 6 og 10', message },
    ]);
  });
});

test.each([
  [undefined, 'orderBy må være en av '],
  ['nn', 'orderBy må vere ein av '],
  ['en', 'orderBy must be one of '],
])('the HTTP routes outside GraphQL answer violations in the same language (Accept-Language %p)', async (header, start) => {
  const r = request(t.server).get('/exports/participants.csv?orderBy=NOPE').set('authorization', `Bearer ${tok}`);
  if (header) r.set('accept-language', header);
  const res = await r;
  expect(res.status).toBe(400);
  const [v] = res.body.errors[0].extensions.violations;
  expect(v).toMatchObject({ path: 'orderBy', code: 'INVALID' });
  expect(v.message.startsWith(start)).toBe(true);
  expect(v.message).toContain('NAME');
});

test.each([
  [undefined, 'Var 17 år på datoen oppholdstillatelsen ble gitt; rett og plikt til introduksjonsprogram begynner ved 18 år på den datoen.'],
  ['nn', 'Var 17 år på datoen opphaldsløyvet vart gitt; rett og plikt til introduksjonsprogram byrjar ved 18 år på den datoen.'],
  ['en', 'Was 17 on the permit grant date; right and duty starts at 18 on that date.'],
])('an unmet condition keeps its values in every language (Accept-Language %p)', async (header, message) => {
  const reg = await t.gql(tok, REGISTER, { input: participantInput({ birthDate: '2009-01-15' }) });
  const id = reg.body.data.registerParticipant.id;
  const mapped = await t.gql(
    tok,
    `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { competenceMapping { id } } }`,
    { id, input: MAPPING_INPUT },
  );
  expect(mapped.body.errors).toBeUndefined();
  const error = await firstError(
    header,
    `mutation($id: UUID!) { makeDecision(participantId: $id, input: { type: PARTICIPATION, outcome: GRANTED, reasons: "Right and duty.", decidedAt: "2026-11-10" }) { id } }`,
    { id },
  );
  expect(error.extensions.violations).toEqual([{ path: null, code: 'AGE_BELOW_18', ruleId: 'R-1.1', lawReference: 'integreringsloven § 8', message }]);
});
