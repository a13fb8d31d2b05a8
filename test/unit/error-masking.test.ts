import { GraphQLError } from 'graphql';
import { toClientError } from '../../src/graphql/errors';
import { RuleViolation } from '../../src/domain/rule-violation';

const formatted = { message: 'x', path: ['f'] };

test('a database error never reaches the client: no SQL, constraint names or personal data', () => {
  const pg = Object.assign(new Error('duplicate key value violates unique constraint "participant_municipality_id_identity_number_key" Key (identity_number)=(02013299997)'), { code: '23505' });
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
  expect(toClientError({ ...formatted, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, err, () => undefined).extensions).toEqual({ code: 'TIMEOUT', retryable: true });
});

test('a rule violation carries its law reference', () => {
  const out = toClientError(formatted, new RuleViolation('R-1.1', 'integreringsloven § 8', 'Too young.'), () => undefined);
  expect(out.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-1.1', lawReference: 'integreringsloven § 8' });
});

test('suggestions are stripped from messages', () => {
  const e = new GraphQLError('Cannot query field "participantz" on type "Query". Did you mean "participants"?', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  const out = toClientError({ message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, e, () => undefined);
  expect(out.message).toBe('Cannot query field "participantz" on type "Query".');
});
