/** Valid test identity numbers and participant inputs. */
import { makeFnr } from '../../scripts/lib/synthetic';

export { makeFnr };

let counter = 0;

export function participantInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  const birthDate = (overrides.birthDate as string) ?? '1990-05-17';
  return {
    name: `Test Person ${counter}`,
    identityNumber: makeFnr(birthDate, counter * 7),
    birthDate,
    permitCategory: 'REFUGEE',
    permitGrantDate: '2026-06-01',
    arrivalDate: '2026-06-10',
    settlementDate: '2026-09-01',
    settledByAgreementWithImdi: true,
    hasUpperSecondary: false,
    languages: ['ar'],
    ...overrides,
  };
}

export const REGISTER = `mutation Register($input: RegisterParticipantInput!) {
  registerParticipant(input: $input) { id name birthDate startDeadline status version }
}`;

/** A complete integration plan input for a participant without upper-secondary education, under 55. */
export function planInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    endGoal: 'UPPER_SECONDARY_COMPLETE',
    norwegianGoal: { listening: 'B1', reading: 'B1', speaking: 'B1', writing: 'A2' },
    longTermGoal: 'Work as a certified carpenter',
    norwegianHoursPerWeek: 10,
    socialStudiesHours: 75,
    durationMonths: 36,
    elements: [
      { kind: 'NORWEGIAN', description: 'Norwegian training', hoursPerWeek: 10 },
      { kind: 'SOCIAL_STUDIES', description: 'Social studies', hoursPerWeek: 2 },
      { kind: 'LIFE_SKILLS', description: 'Life-skills course', hoursPerWeek: 1 },
      { kind: 'EDUCATION', description: 'Upper-secondary, building and construction', hoursPerWeek: 20, isMain: true },
    ],
    appealInformation: 'You may appeal a significant change of this plan to Statsforvalteren within three weeks.',
    elementReasons: 'Upper-secondary building and construction builds on six years as a carpenter.',
    mainProgrammeType: 'FORMAL_UPPER_SECONDARY',
    lifeSkillsHours: { migrationHealthDiversity: 10, careerCompetence: 15 },
    contractSignedAt: '2026-11-15',
    contractObligations: 'The participant takes part full time; the municipality provides the elements of the plan.',
    ...over,
  };
}

export const MAPPING_INPUT = {
  languageSkills: 'Arabic, English B1',
  education: 'Primary school',
  countsAsUpperSecondary: false,
  workExperience: 'Carpenter',
  complete: true,
};
