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
  {
    MUNICIPALITY: "A caseworker of a municipality (kommune): the municipality's own cases, in full.",
    COUNTY:
      "A career-guidance adviser of a county (fylkeskommune): only what career guidance (karriereveiledning) needs of its municipalities' participants (R-3.4, R-12.2).",
    STATSFORVALTER: 'Statsforvalteren (the appeal body): only forwarded appeals from the counties of its area, and what they need (R-9.8, R-12.2).',
  },
);

export const EndGoalEnum = enumFrom(END_GOALS, 'EndGoal', 'End goal (sluttmål), integreringsloven §§ 13–14 (R-5.2).', {
  WORK: 'Work (arbeid), § 13: with upper-secondary education; the only goal over 55 with it. At most 12 months, no extension (R-5.7).',
  HIGHER_EDUCATION_PREPARATION: 'Preparation for higher education, § 13: with upper-secondary education. At most 12 months, no extension (R-5.7).',
  VOCATIONAL_REQUALIFICATION: 'Vocational requalification, § 13: with upper-secondary education. At most 12 months, no extension (R-5.7).',
  UPPER_SECONDARY_COMPLETE:
    'Completed upper-secondary education (fullført videregående opplæring), § 14: without it; the required goal under 25 (R-5.2). At most 4 years + up to 1 (R-5.7).',
  UPPER_SECONDARY_PARTIAL:
    'Parts of upper-secondary education (deler av videregående opplæring), § 14; under 25 only with a recorded reason (R-5.2). At most 3 years + up to 1 (R-5.7).',
  VOCATIONAL_CERTIFICATE: 'Completed vocational training (fag- og yrkesopplæring, fagbrev), § 14. At most 5 years, no extension (R-5.7).',
  WORK_QUALIFYING:
    'Work-qualifying programme (arbeidskvalifiserende program, end goal work), § 14: without upper-secondary; the only goal over 55 without it; under 25 only with a recorded reason. At most 2 years, no extension (R-5.7).',
});

export const CefrLevelEnum = enumFrom(
  CEFR_LEVELS,
  'CefrLevel',
  'A level of the Common European Framework of Reference for Languages (CEFR), used for the Norwegian goal (norskmål, integreringsloven § 15).',
  {
    A1: 'CEFR A1: breakthrough (basic user).',
    A2: 'CEFR A2: waystage (basic user).',
    B1: 'CEFR B1: threshold (independent user).',
    B2: 'CEFR B2: vantage (independent user).',
    C1: 'CEFR C1: effective operational proficiency (proficient user).',
    C2: 'CEFR C2: mastery (proficient user).',
  },
);

export const ParticipationBasisEnum = enumFrom(
  ['RIGHT_AND_DUTY', 'DISCRETIONARY'] as const,
  'ParticipationBasis',
  'Why participation was granted (R-1.8): right and duty (rett og plikt, integreringsloven § 8) or a discretionary offer (§ 8 tredje ledd).',
  {
    RIGHT_AND_DUTY: 'Right and duty (rett og plikt) to the programme, integreringsloven §§ 8–9.',
    DISCRETIONARY: 'A discretionary offer by the municipality (§ 8 tredje ledd, R-1.6).',
  },
);
