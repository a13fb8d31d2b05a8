import { registerEnumType } from 'type-graphql';
import { ROLES } from '../auth/roles';
import { CEFR_LEVELS } from '../domain/integration-plan';
import { END_GOALS } from '../domain/end-goal';

/** Turns a domain `as const` list into an object type-graphql can register as a GraphQL enum. */
export function enumFrom<T extends string>(
  values: readonly T[],
  name: string,
  description?: string,
  valueDescriptions?: Partial<Record<T, string>>,
): Record<T, T> {
  const obj = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  const valuesConfig = valueDescriptions
    ? (Object.fromEntries(Object.entries(valueDescriptions).map(([v, d]) => [v, { description: d as string }])) as Partial<Record<T, { description: string }>>)
    : undefined;
  registerEnumType(obj, { name, description, valuesConfig });
  return obj;
}

/* Enums more than one module shows: registered once, here. */

/** Who a caller is: a municipality's caseworker, a county's career-guidance adviser or Statsforvalteren. */
export const RoleEnum = enumFrom(
  ROLES,
  'Role',
  'The role of a caller (from the token): MUNICIPALITY (kommune), COUNTY (fylkeskommune) or STATSFORVALTER (statsforvalteren).',
);

export const EndGoalEnum = enumFrom(END_GOALS, 'EndGoal', 'End goal (sluttmål), integreringsloven §§ 13–14 (R-5.2).');

export const CefrLevelEnum = enumFrom(
  CEFR_LEVELS,
  'CefrLevel',
  'A level of the Common European Framework of Reference for Languages (CEFR), used for the Norwegian goal (norskmål, integreringsloven § 15).',
);

export const ParticipationBasisEnum = enumFrom(
  ['RIGHT_AND_DUTY', 'DISCRETIONARY'] as const,
  'ParticipationBasis',
  'Why participation was granted (R-1.8): right and duty (rett og plikt, integreringsloven § 8) or a discretionary offer (§ 8 tredje ledd).',
);
