import { SignJWT } from 'jose';
import { signDevToken } from '../../src/auth/token';
import { startTestApp, TestApp, TEST_SECRET } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('reference data', () => {
  test.each([
    ['MUNICIPALITY', '4601'],
    ['COUNTY', '46'],
    ['STATSFORVALTER', 'vestland'],
  ])('%s %s reads municipalities, counties and Statsforvalter areas', async (role, org) => {
    const res = await t.gql(
      await t.token(role, org),
      '{ municipalities { number name countyNumber } counties { number name } statsforvalterAreas { id name countyNumbers } }',
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.municipalities).toHaveLength(357);
    expect(res.body.data.counties).toHaveLength(15);
    expect(res.body.data.statsforvalterAreas).toHaveLength(10);
    expect(res.body.data.municipalities).toContainEqual({ number: '4601', name: 'Bergen', countyNumber: '46' });
  });
});

describe('me', () => {
  test('a municipality user reaches its own municipality', async () => {
    const res = await t.gql(await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Nordmann'), '{ me { sub name role org orgName municipalities { number } } }');
    expect(res.body.data.me).toEqual({
      sub: 'kari',
      name: 'Kari Nordmann',
      role: 'MUNICIPALITY',
      org: '4601',
      orgName: 'Bergen',
      municipalities: [{ number: '4601' }],
    });
  });
  test('a county user reaches the municipalities of its county', async () => {
    const res = await t.gql(await t.token('COUNTY', '46'), '{ me { role orgName municipalities { number } } }');
    const numbers = res.body.data.me.municipalities.map((m: { number: string }) => m.number);
    expect(res.body.data.me.orgName).toBe('Vestland');
    expect(numbers).toContain('4601');
    expect(numbers.every((n: string) => n.startsWith('46'))).toBe(true);
  });
  test('Oslo county is Oslo municipality (R-3.1)', async () => {
    const res = await t.gql(await t.token('COUNTY', '03'), '{ me { municipalities { number } } }');
    expect(res.body.data.me.municipalities).toEqual([{ number: '0301' }]);
  });
  test('a Statsforvalter reaches the municipalities of its area', async () => {
    const res = await t.gql(await t.token('STATSFORVALTER', 'ostfold-buskerud-oslo-og-akershus'), '{ me { municipalities { number } } }');
    const counties = new Set(res.body.data.me.municipalities.map((m: { number: string }) => m.number.slice(0, 2)));
    expect([...counties].sort()).toEqual(['03', '31', '32', '33']);
  });
  test('an unknown organisation is refused', async () => {
    const res = await t.gql(await t.token('MUNICIPALITY', '9999'), '{ me { sub } }');
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('authentication', () => {
  const Q = '{ me { sub } }';
  const now = () => Math.floor(Date.now() / 1000);
  async function expectUnauthenticated(token: string | null) {
    const res = await t.gql(token, Q);
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeUndefined();
  }
  test('missing token', () => expectUnauthenticated(null));
  test('garbage token', () => expectUnauthenticated('not.a.token'));
  test('expired token (beyond the 30 s tolerance)', async () => {
    await expectUnauthenticated(
      await signDevToken(TEST_SECRET, { sub: 'a', role: 'MUNICIPALITY', org: '4601' }, { issuedAt: now() - 3600, expiresInSeconds: 3600 - 31 }),
    );
  });
  test('a token expired 20 s ago is still inside the clock tolerance', async () => {
    const tok = await signDevToken(TEST_SECRET, { sub: 'a', role: 'MUNICIPALITY', org: '4601' }, { issuedAt: now() - 3600, expiresInSeconds: 3600 - 20 });
    expect((await t.gql(tok, Q)).status).toBe(200);
  });
  test('wrongly signed token', async () => {
    await expectUnauthenticated(await signDevToken('another-secret-of-sufficient-length-000000', { sub: 'a', role: 'MUNICIPALITY', org: '4601' }));
  });
  test('alg none', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'a', role: 'MUNICIPALITY', org: '4601', iat: now(), exp: now() + 600, iss: 'introsak-dev', aud: 'introsak' }),
    ).toString('base64url');
    await expectUnauthenticated(`${header}.${payload}.`);
  });
  test('wrong audience', async () => {
    await expectUnauthenticated(await signDevToken(TEST_SECRET, { sub: 'a', role: 'MUNICIPALITY', org: '4601' }, { audience: 'someone-else' }));
  });
  test('wrong issuer', async () => {
    await expectUnauthenticated(await signDevToken(TEST_SECRET, { sub: 'a', role: 'MUNICIPALITY', org: '4601' }, { issuer: 'evil' }));
  });
  test('no exp claim', async () => {
    const tok = await new SignJWT({ role: 'MUNICIPALITY', org: '4601' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a')
      .setIssuedAt()
      .setIssuer('introsak-dev')
      .setAudience('introsak')
      .sign(new TextEncoder().encode(TEST_SECRET));
    await expectUnauthenticated(tok);
  });
  test('unknown role', async () => {
    await expectUnauthenticated(await signDevToken(TEST_SECRET, { sub: 'a', role: 'ADMIN', org: '4601' }));
  });
});

describe('participant register (first tenant table)', () => {
  test('register, read back, list; another municipality sees nothing of it', async () => {
    const bergen = await t.token('MUNICIPALITY', '4601');
    const oslo = await t.token('MUNICIPALITY', '0301');
    const reg = await t.gql(bergen, REGISTER, { input: participantInput({ name: 'Amina Bergen' }) });
    expect(reg.body.errors).toBeUndefined();
    const id = reg.body.data.registerParticipant.id;
    expect(reg.body.data.registerParticipant.startDeadline).toBe('2026-12-01');

    const get = await t.gql(bergen, 'query($id: UUID!) { participant(id: $id) { id name identityNumber maskedIdentityNumber municipality { number } } }', {
      id,
    });
    expect(get.body.data.participant.name).toBe('Amina Bergen');
    expect(get.body.data.participant.identityNumber).toMatch(/^\d{11}$/);
    expect(get.body.data.participant.maskedIdentityNumber).toMatch(/^\d{6}\*{5}$/);

    const otherTenant = await t.gql(oslo, 'query($id: UUID!) { participant(id: $id) { id name } }', { id });
    const missing = await t.gql(oslo, 'query($id: UUID!) { participant(id: $id) { id name } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(otherTenant.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(otherTenant.body.errors[0].message).toBe(missing.body.errors[0].message);
    expect(JSON.stringify(otherTenant.body)).not.toContain('Amina');

    const list = await t.gql(oslo, '{ participants(first: 10) { totalCount edges { node { name } } } }');
    expect(list.body.data.participants.totalCount).toBe(0);
  });

  test('lists never carry the full identity number', async () => {
    const bergen = await t.token('MUNICIPALITY', '4601');
    const res = await t.gql(bergen, '{ participants(first: 5) { edges { node { identityNumber maskedIdentityNumber } } } }');
    for (const e of res.body.data.participants.edges) {
      expect(e.node.identityNumber).toBeNull();
      expect(e.node.maskedIdentityNumber).toMatch(/\*{5}$/);
    }
  });

  test('an invalid identity number is BAD_USER_INPUT and writes nothing', async () => {
    const bergen = await t.token('MUNICIPALITY', '4601');
    const before = await t.gql(bergen, '{ participants(first: 1) { totalCount } }');
    const res = await t.gql(bergen, REGISTER, { input: participantInput({ identityNumber: '02013299998' }) });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].extensions.field).toBe('identityNumber');
    expect(JSON.stringify(res.body)).not.toContain('02013299998');
    const after = await t.gql(bergen, '{ participants(first: 1) { totalCount } }');
    expect(after.body.data.participants.totalCount).toBe(before.body.data.participants.totalCount);
  });

  test('a county or Statsforvalter user cannot register participants', async () => {
    const res = await t.gql(await t.token('COUNTY', '46'), REGISTER, { input: participantInput() });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  test('page size above 100 is refused', async () => {
    const res = await t.gql(await t.token('MUNICIPALITY', '4601'), '{ participants(first: 101) { totalCount } }');
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  test('pages follow the start deadline and do not repeat rows', async () => {
    const tok = await t.token('MUNICIPALITY', '1103');
    for (let i = 0; i < 7; i++) {
      const r = await t.gql(tok, REGISTER, {
        input: participantInput({
          settlementDate: `2026-0${(i % 5) + 1}-1${i}`,
          settledByAgreementWithImdi: true,
          permitGrantDate: '2025-12-01',
          arrivalDate: '2025-12-10',
        }),
      });
      expect(r.body.errors).toBeUndefined();
    }
    const seen: string[] = [];
    let after: string | null = null;
    let deadlines: string[] = [];
    do {
      const res: {
        body: { data: { participants: { edges: { node: { id: string; startDeadline: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
      } = await t.gql(
        tok,
        'query($after: String) { participants(first: 3, after: $after) { edges { node { id startDeadline } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      const page = res.body.data.participants;
      seen.push(...page.edges.map((e) => e.node.id));
      deadlines = deadlines.concat(page.edges.map((e) => e.node.startDeadline));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(7);
    expect([...deadlines].sort()).toEqual(deadlines);
  });
});

describe('request transaction', () => {
  test('each mutation field runs in a savepoint: a failing field leaves nothing, earlier fields keep their writes', async () => {
    const tok = await t.token('MUNICIPALITY', '5001');
    const ok = participantInput({ name: 'First Field' });
    const dup = { ...participantInput({ name: 'Second Field' }), identityNumber: ok.identityNumber };
    const res = await t.gql(
      tok,
      `mutation($a: RegisterParticipantInput!, $b: RegisterParticipantInput!) {
      a: registerParticipant(input: $a) { id } b: registerParticipant(input: $b) { id } }`,
      { a: ok, b: dup },
    );
    expect(res.body.data.a.id).toBeDefined();
    expect(res.body.data.b).toBeNull();
    expect(res.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(res.body.errors[0].path).toEqual(['b']);
    const list = await t.gql(tok, '{ participants(first: 10) { totalCount edges { node { name } } } }');
    expect(list.body.data.participants.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['First Field']);
    const owner = await t.db.owner();
    const log = await owner.query(`SELECT operation FROM app.audit_event WHERE municipality_id = $1`, [t.directory.municipalityByNumber('5001')!.id]);
    expect(log.rows).toEqual([{ operation: 'registerParticipant' }]);
  });
});

describe('idempotent creates', () => {
  const Q = `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`;
  test('a retry with the same key returns the first answer and creates nothing new; another payload is refused', async () => {
    const tok = await t.token('MUNICIPALITY', '3301');
    const input = participantInput({ idempotencyKey: 'retry-key-0001' });
    const first = await t.gql(tok, Q, { input });
    const second = await t.gql(tok, Q, { input });
    expect(second.body.data.registerParticipant.id).toBe(first.body.data.registerParticipant.id);
    const other = await t.gql(tok, Q, { input: { ...participantInput(), idempotencyKey: 'retry-key-0001' } });
    expect(other.body.errors[0].extensions.code).toBe('CONFLICT');
    const count = await t.gql(tok, '{ participants(first: 1) { totalCount } }');
    expect(count.body.data.participants.totalCount).toBe(1);
  });

  test('20 concurrent retries create exactly one row', async () => {
    const tok = await t.token('MUNICIPALITY', '3203');
    const input = participantInput({ idempotencyKey: 'concurrent-key-42' });
    const results = await Promise.all(Array.from({ length: 20 }, () => t.gql(tok, Q, { input })));
    const ids = new Set(results.map((r) => r.body.data?.registerParticipant?.id));
    expect(results.every((r) => r.body.errors === undefined)).toBe(true);
    expect(ids.size).toBe(1);
    const count = await t.gql(tok, '{ participants(first: 1) { totalCount } }');
    expect(count.body.data.participants.totalCount).toBe(1);
  });
});

describe('observability', () => {
  test('/metrics reports request duration by operation and the pool', async () => {
    await t.gql(await t.token('MUNICIPALITY', '4601'), 'query Dashboard { me { sub } }');
    const res = await (await import('supertest')).default(t.server).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/introsak_graphql_request_duration_seconds_count\{operation="Dashboard",outcome="ok"\} \d+/);
    expect(res.text).toMatch(/introsak_db_pool_in_use \d+/);
    expect(res.text).toMatch(/introsak_db_pool_waiting \d+/);
  });
});
