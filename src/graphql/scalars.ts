import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../domain/calendar';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError('LocalDate must be a calendar date YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** A calendar date (YYYY-MM-DD, Europe/Oslo) where the law counts days, weeks and months. */
export const LocalDateScalar = new GraphQLScalarType({
  name: 'LocalDate',
  description: 'A calendar date, YYYY-MM-DD (Europe/Oslo). The law counts days, weeks and months in calendar dates.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('LocalDate must be a string YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDate(ast.value);
  },
});

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseUuid(value: unknown): string {
  if (typeof value !== 'string' || !UUID_RE.test(value)) {
    throw new GraphQLError('Expected an id (UUID)', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value.toLowerCase();
}

/** Server-generated ids. A malformed id is bad input, a well-formed unknown one is NOT_FOUND. */
export const UUIDScalar = new GraphQLScalarType({
  name: 'UUID',
  description: 'A server-generated identifier (UUID).',
  serialize: (value) => String(value),
  parseValue: parseUuid,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Expected an id (UUID)', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseUuid(ast.value);
  },
});
