/**
 * Every element of the API contract is described (issue 17, item 7): each type, field, argument, input
 * field and enum value of the schema a dashboard developer reads, in English with the Norwegian legal term
 * where there is one. The test reads the checked-in schema/schema.graphql (what codegen and GraphiQL show;
 * `npm run schema:check` keeps it equal to the code) and, so that a forgotten `schema:emit` cannot hide a
 * gap, the schema built from the code. It fails listing every undescribed element.
 * Built-in scalars, built-in directives and introspection types are GraphQL's own and are skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
} from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema', 'schema.graphql');

/** Whether a description says something: absent, empty and blank descriptions count as missing. */
const described = (element: { description?: string | null }): boolean => Boolean(element.description?.trim());

/** Every undescribed element, named as a reader finds it: `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`, `@directive(arg)`. */
function undescribedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (element: { description?: string | null }, name: string) => {
    if (!described(element)) missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field, `${type.name}.${field.name}`);
        for (const arg of field.args) check(arg, `${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(field, `${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(value, `${type.name}.${value.name}`);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    check(directive, `@${directive.name}`);
    for (const arg of directive.args) check(arg, `@${directive.name}(${arg.name})`);
  }
  return missing.sort();
}

describe.each([
  ['the checked-in schema/schema.graphql', () => buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'))],
  ['the schema built from the code', () => buildAppSchema()],
])('%s', (_name, load) => {
  const schema = load();

  test('describes every type, field, argument, input field and enum value', () => {
    expect(undescribedElements(schema)).toEqual([]);
  });

  test('has the elements the check walks (a schema that lost its types would pass trivially)', () => {
    const typeMap = schema.getTypeMap();
    expect(Object.keys(typeMap).length).toBeGreaterThan(100);
    expect(schema.getQueryType()?.description).toBeTruthy();
    expect(schema.getMutationType()?.description).toBeTruthy();
  });
});

test('the check finds each kind of undescribed element, and blank counts as undescribed', () => {
  const schema = buildSchema(`
    "Described."
    type Query {
      "Described."
      ok(
        "Described."
        a: Int
        b: Int
      ): Int
      bare: Kind
      blank(input: In): Int
    }
    enum Kind {
      "Described."
      ONE
      TWO
    }
    input In {
      """
      ${'  '}
      """
      x: Int
    }
    scalar Opaque
    directive @flag(level: Int) on FIELD_DEFINITION
  `);
  expect(undescribedElements(schema)).toEqual(
    ['@flag', '@flag(level)', 'In', 'In.x', 'Kind', 'Kind.TWO', 'Opaque', 'Query.bare', 'Query.blank', 'Query.blank(input)', 'Query.ok(b)'].sort(),
  );
});
