/**
 * The fast field resolvers (src/graphql/field-resolvers.ts) do what type-graphql's would: the same
 * role check with the same errors, and the same answers.
 */
import 'reflect-metadata';
import { GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { AuthorizationError, buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { installFastFieldResolvers } from '../../src/graphql/field-resolvers';
import { authChecker, buildAppSchema, fastFieldReport, RESOLVERS } from '../../src/graphql/schema';

let fast: GraphQLSchema;
let original: GraphQLSchema;

beforeAll(() => {
  fast = buildAppSchema();
  // The same resolvers as type-graphql builds them, untouched.
  original = buildSchemaSync({ resolvers: RESOLVERS, authChecker, authMode: 'error', validate: { forbidUnknownValues: false, whitelist: false } });
});

function field(schema: GraphQLSchema, key: string) {
  const [type, name] = key.split('.');
  return (schema.getType(type) as GraphQLObjectType).getFields()[name];
}

/** Enough of GraphQLResolveInfo for the resolvers that read it (the single-participant view check, the access log). */
function info(schema: GraphQLSchema, key: string, root = 'participant'): GraphQLResolveInfo {
  const [type, name] = key.split('.');
  return {
    fieldName: name,
    parentType: schema.getType(type),
    path: { prev: { prev: undefined, key: root, typename: 'Query' }, key: name, typename: type },
    operation: {
      kind: 'OperationDefinition',
      operation: 'query',
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: root } }] },
    },
  } as unknown as GraphQLResolveInfo;
}

test('every field resolver of an object type runs on the fast path, but those with arguments to validate', () => {
  const report = fastFieldReport();
  expect(report.fieldResolvers.size).toBeGreaterThan(30);
  expect(report.properties.size).toBeGreaterThan(300);
  expect([...report.kept]).toEqual(['Participant.certificate']);
});

test("plain properties are type-graphql's own simple resolvers: no resolver function, graphql-js reads the property", () => {
  // (The app schema then wraps the fields of personal-data types for the access log: src/graphql/schema.ts.)
  for (const key of fastFieldReport().properties) expect({ key, resolve: field(original, key).resolve }).toEqual({ key, resolve: undefined });
});

test('the fast path refuses to start when global middlewares are configured (they would not run on it)', () => {
  const schema = buildSchemaSync({ resolvers: RESOLVERS, authChecker, authMode: 'error', validate: { forbidUnknownValues: false, whitelist: false } });
  expect(() => installFastFieldResolvers(schema, RESOLVERS, authChecker, { globalMiddlewares: [() => undefined] })).toThrow(/global middlewares/);
});

test("each fast field resolver checks the roles type-graphql would, synchronously, with type-graphql's errors", () => {
  const storage = getMetadataStorage() as unknown as { fieldResolvers: { schemaName: string; roles?: string[]; getObjectType(): { name: string } }[] };
  for (const [key, roles] of fastFieldReport().fieldResolvers) {
    const [typeName, name] = key.split('.');
    const meta = storage.fieldResolvers.find((r) => r.schemaName === name && r.getObjectType().name === typeName);
    expect({ key, roles }).toEqual({ key, roles: meta?.roles ?? null });
    expect(roles?.length).toBeGreaterThan(0);
    const resolve = field(fast, key).resolve!;
    const other = ['MUNICIPALITY', 'COUNTY', 'STATSFORVALTER'].find((r) => !roles!.includes(r))!;
    const root = { id: '00000000-0000-4000-8000-000000000000', municipalityId: 1, participantId: '00000000-0000-4000-8000-000000000000' };
    expect(() => resolve(root, {}, { actor: { role: other }, state: {} }, info(fast, key))).toThrow(AuthorizationError);
    expect(() => resolve(root, {}, { actor: null, state: {} }, info(fast, key))).toThrow(AuthorizationError);
  }
});

test("fast and original resolvers answer alike for the case list's fields", async () => {
  const ctx = {
    actor: { role: 'MUNICIPALITY' },
    today: '2026-11-30',
    state: {},
    directory: {
      municipalityById: () => ({ id: 1, number: '0301', name: 'Oslo', countyNumber: '03' }),
      areaOfMunicipality: () => ({ name: 'Statsforvalteren i Oslo og Viken' }),
    },
  };
  const participant = {
    id: '11111111-1111-4111-8111-111111111111',
    municipalityId: 1,
    identityNumber: '01019012345',
    birthDate: '1990-01-01',
    startDeadline: '2026-12-24',
    // What the case list reads with its page, by the module that owns each part (Participant.prefetched).
    prefetched: {
      hasOpenAppeal: true,
      currentEndGoal: 'EMPLOYMENT',
      latestDecision: {
        id: 'd',
        participant_id: 'p',
        municipality_id: 1,
        version: 1,
        type: 'PARTICIPATION',
        outcome: 'GRANTED',
        basis: null,
        reasons: 'r',
        legal_basis: [],
        decided_at: '2026-01-01',
        decided_by_name: 'x',
        advance_notice_at: null,
        notified_at: '2026-01-02',
        details: {},
      },
    },
  };
  for (const key of [
    'Participant.hasOpenAppeal',
    'Participant.currentEndGoal',
    'Participant.latestDecision',
    'Participant.maskedIdentityNumber',
    'Participant.age',
    'Participant.daysToStartDeadline',
    'Participant.identityNumber',
    'Participant.municipality',
  ]) {
    for (const root of ['participant', 'participants']) {
      const a = await field(fast, key).resolve!(participant, {}, { ...ctx, state: {} }, info(fast, key, root));
      const b = await field(original, key).resolve!(participant, {}, { ...ctx, state: {} }, info(original, key, root));
      expect({ key, root, value: a }).toEqual({ key, root, value: b });
    }
  }
  const decision = { notifiedAt: '2026-11-06', municipalityId: 1 };
  for (const key of ['Decision.appealDeadline', 'Decision.appealInformation']) {
    expect(await field(fast, key).resolve!(decision, {}, ctx, info(fast, key))).toEqual(
      await field(original, key).resolve!(decision, {}, ctx, info(original, key)),
    );
  }
});
