import { registerEnumType } from 'type-graphql';

/** Turns a domain `as const` list into an object type-graphql can register as a GraphQL enum. */
export function enumFrom<T extends string>(values: readonly T[], name: string, description?: string): Record<T, T> {
  const obj = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(obj, { name, description });
  return obj;
}
