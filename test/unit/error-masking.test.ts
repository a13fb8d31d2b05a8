import { GraphQLError } from 'graphql';
import { toClientError } from '../../src/graphql/errors';
import { RuleViolation } from '../../src/domain/rule-violation';
import { DatabaseUnavailableError, isConnectionError } from '../../src/db/connection-errors';

const formatted = { message: 'x', path: ['f'] };

test('a database error never reaches the client: no SQL, constraint names or personal data', () => {
  const pg = Object.assign(
    new Error('duplicate key value violates unique constraint "participant_municipality_id_identity_number_key" Key (identity_number)=(02013299997)'),
    { code: '23505' },
  );
  const logged: unknown[] = [];
  const out = toClientError({ ...formatted, message: pg.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, pg, (e) => logged.push(e));
  expect(out.extensions?.code).toBe('CONFLICT');
  expect(JSON.stringify(out)).not.toMatch(/02013299997|participant_municipality|identity_number/);
  expect(logged).toHaveLength(1);
});

test('an unexpected error is masked as INTERNAL_SERVER_ERROR and logged', () => {
  const err = new Error('relation "app.secret" does not exist at /work/main/src/x.ts:1');
  const logged: unknown[] = [];
  const out = toClientError({ ...formatted, message: err.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, err, (e) => logged.push(e));
  expect(out).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  expect(logged).toEqual([err]);
});

test('a statement timeout is a retryable TIMEOUT', () => {
  const err = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
  expect(toClientError({ ...formatted, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, err, () => undefined).extensions).toEqual({
    code: 'TIMEOUT',
    retryable: true,
  });
});

test('a rule violation carries its law reference', () => {
  const out = toClientError(formatted, new RuleViolation('R-1.1', 'integreringsloven § 8', 'Too young.'), () => undefined);
  expect(out.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-1.1', lawReference: 'integreringsloven § 8' });
});

test('suggestions are stripped from messages', () => {
  const e = new GraphQLError('Cannot query field "participantz" on type "Query". Did you mean "participants"?', {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
  const out = toClientError({ message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, e, () => undefined);
  expect(out.message).toBe('Cannot query field "participantz" on type "Query".');
});

describe('transient database failures are one retryable code, UNAVAILABLE', () => {
  const cases: [string, Error][] = [
    [
      'the backend terminated (57P01, FATAL)',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' }),
    ],
    ['the database starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03', severity: 'FATAL' })],
    [
      'idle_in_transaction_session_timeout (25P03)',
      Object.assign(new Error('terminating connection due to idle-in-transaction timeout'), { code: '25P03', severity: 'FATAL' }),
    ],
    ['a connection exception (class 08)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['the socket closed', new Error('Connection terminated unexpectedly')],
    ['a dead client used again', new Error('Client has encountered a connection error and is not queryable')],
    ['the silent network (client-side query timeout)', new Error('Query read timeout')],
    ['the pool wait timed out', new Error('timeout exceeded when trying to connect')],
    ['the database unreachable', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['the transaction lost its connection', new DatabaseUnavailableError('the database connection was lost', new Error('x'))],
  ];
  for (const [what, err] of cases) {
    test(what, () => {
      const logged: string[] = [];
      const out = toClientError({ ...formatted, message: err.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, err, (_e, code) => logged.push(code));
      expect(out.extensions).toEqual({ code: 'UNAVAILABLE', retryable: true });
      expect(out.message).not.toMatch(/ECONNREFUSED|5432|administrator|Query read/);
      expect(logged).toEqual(['UNAVAILABLE']);
      expect(isConnectionError(err)).toBe(true);
    });
  }

  test('errors that leave the connection usable are not connection errors', () => {
    for (const code of ['57014', '55P03', '40001', '40P01', '23505', '42P01', '25P02']) {
      expect({ code, lost: isConnectionError(Object.assign(new Error('x'), { code, severity: 'ERROR' })) }).toEqual({ code, lost: false });
    }
    expect(isConnectionError(new Error('something else'))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});
