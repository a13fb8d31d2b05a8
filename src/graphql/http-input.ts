/**
 * Input for a route outside GraphQL given as JSON (an export's `filter`), checked exactly as GraphQL checks the
 * same input type: coerced against the schema's type (unknown fields, wrong types and enum values are refused)
 * and validated by its class-validator rules. So an export takes the very filter its GraphQL list takes.
 */
import { validate } from 'class-validator';
import { coerceInputValue, isInputType } from 'graphql';
import { InvalidInputError } from '../domain/errors';
import { buildAppSchema } from './schema';

export async function graphqlInput<T extends object>(typeName: string, cls: new () => T, json: string | null, field: string): Promise<T | null> {
  if (json === null || json.trim() === '') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new InvalidInputError(field, `${field} is not valid JSON`);
  }
  const type = buildAppSchema().getType(typeName);
  if (!type || !isInputType(type)) throw new Error(`${typeName} is not an input type of the schema`);
  const problems: string[] = [];
  const coerced = coerceInputValue(raw, type, (path, _value, error) => problems.push(`${[field, ...path].join('.')}: ${error.message}`));
  if (problems.length) throw new InvalidInputError(field, problems.join('; '));
  const instance = Object.assign(new cls(), coerced);
  const errors = await validate(instance, { forbidUnknownValues: false });
  if (errors.length) {
    throw new InvalidInputError(field, errors.map((e) => `${field}.${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`).join('; '));
  }
  return instance;
}
