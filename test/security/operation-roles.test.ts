/**
 * Who can reach what, derived from the code and compared with a checked-in file: which roles may call
 * each operation, and which types and fields each role can reach through them. A change here is a
 * security change and must show up as a reviewed diff of operation-roles.snapshot.json.
 * Regenerate deliberately with: UPDATE_SECURITY_SNAPSHOT=1 npx jest test/security/operation-roles.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { getNamedType, GraphQLObjectType, isObjectType, isInterfaceType, isUnionType, GraphQLNamedType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { ROLES } from '../../src/auth/roles';
import { buildAppSchema } from '../../src/graphql/schema';

const FILE = path.join(__dirname, 'operation-roles.snapshot.json');

function derive() {
  const schema = buildAppSchema();
  const storage = getMetadataStorage() as unknown as {
    queries: { target: Function; methodName: string; schemaName: string }[];
    mutations: { target: Function; methodName: string; schemaName: string }[];
    authorizedFields: { target: Function; fieldName: string; roles: string[] }[];
  };
  const rolesOf = (op: { target: Function; methodName: string }) =>
    [...(storage.authorizedFields.find((a) => a.target === op.target && a.fieldName === op.methodName)?.roles ?? [])].sort();
  const operations: Record<string, string[]> = {};
  for (const op of storage.queries) operations[`Query.${op.schemaName}`] = rolesOf(op);
  for (const op of storage.mutations) operations[`Mutation.${op.schemaName}`] = rolesOf(op);

  const reach: Record<string, Record<string, string[]>> = {};
  for (const role of ROLES) {
    const types: Record<string, string[]> = {};
    const visit = (type: GraphQLNamedType) => {
      if (types[type.name] || type.name.startsWith('__')) return;
      if (isUnionType(type)) return type.getTypes().forEach(visit);
      if (!isObjectType(type) && !isInterfaceType(type)) return;
      const fields = (type as GraphQLObjectType).getFields();
      types[type.name] = Object.keys(fields).sort();
      for (const f of Object.values(fields)) visit(getNamedType(f.type));
    };
    for (const [name, roles] of Object.entries(operations)) {
      if (!roles.includes(role)) continue;
      const [root, field] = name.split('.');
      const rootType = root === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
      visit(getNamedType(rootType.getFields()[field].type));
    }
    reach[role] = Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b)));
  }
  return { operations: Object.fromEntries(Object.entries(operations).sort(([a], [b]) => a.localeCompare(b))), reachableTypes: reach };
}

test('operation → roles and role → reachable fields match the reviewed snapshot', () => {
  const current = derive();
  if (process.env.UPDATE_SECURITY_SNAPSHOT === '1') fs.writeFileSync(FILE, JSON.stringify(current, null, 2) + '\n');
  // A missing snapshot is a failure, never a fresh one: who may reach what is a reviewed artefact.
  if (!fs.existsSync(FILE)) throw new Error(`${FILE} is missing: regenerate it deliberately with UPDATE_SECURITY_SNAPSHOT=1 and review the diff`);
  expect(current).toEqual(JSON.parse(fs.readFileSync(FILE, 'utf8')));
});

test('no county or Statsforvalter type carries an identity number, and counties reach no decision or appeal', () => {
  const { reachableTypes } = derive();
  for (const role of ['COUNTY', 'STATSFORVALTER']) {
    for (const [type, fields] of Object.entries(reachableTypes[role])) {
      expect({ role, type, fields: fields.filter((f) => /identityNumber/i.test(f)) }).toEqual({ role, type, fields: [] });
    }
  }
  const countyTypes = Object.keys(reachableTypes.COUNTY);
  expect(countyTypes.filter((t) => /Decision|Appeal|Absence|Benefit|PlanVersion/.test(t))).toEqual([]);
});
