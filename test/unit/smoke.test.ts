import { printAppSchema } from '../../src/graphql/schema';

test('the schema builds', () => {
  expect(printAppSchema()).toContain('type Query');
});
