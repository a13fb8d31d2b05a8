/** Every query and mutation declares the roles that may call it; an operation without a role list fails here. */
import { getMetadataStorage } from 'type-graphql';
import { buildAppSchema } from '../../src/graphql/schema';

test('every resolver class and every operation has @Authorized with at least one role', () => {
  buildAppSchema();
  const storage = getMetadataStorage() as unknown as {
    queries: { target: Function; methodName: string; schemaName: string }[];
    mutations: { target: Function; methodName: string; schemaName: string }[];
    authorizedFields: { target: Function; fieldName: string; roles: string[] }[];
    authorizedResolver: { target: Function; roles: string[] }[];
  };
  const operations = [...storage.queries, ...storage.mutations];
  expect(operations.length).toBeGreaterThan(0);
  const missing: string[] = [];
  for (const op of operations) {
    const classRoles = storage.authorizedResolver.find((a) => a.target === op.target)?.roles;
    const methodRoles = storage.authorizedFields.find((a) => a.target === op.target && a.fieldName === op.methodName)?.roles;
    if (!classRoles?.length) missing.push(`${op.target.name} (class)`);
    if (!methodRoles?.length) missing.push(`${op.schemaName}`);
  }
  expect(missing).toEqual([]);
});
