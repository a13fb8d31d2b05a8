// Programme content: integreringsloven § 14 a, integreringsforskriften § 4.
import { addMonths, ageOn, compareDates, type IsoDate } from './calendar';
import type { ElementKind } from './integration-plan';
import { LAW } from './law-references';
import { programmeRules2026Apply, type RuleNotice } from './regime';
import { RuleViolation } from './rule-violation';

/** Any of these satisfies § 14 a letter a (work- or education-oriented elements). */
export const WORK_OR_EDUCATION_ORIENTED_KINDS: readonly ElementKind[] = ['WORK_PRACTICE', 'EDUCATION', 'JOB_TRAINING'];

/** What § 14 a requires; WORK_OR_EDUCATION_ORIENTED is met by any of WORK_OR_EDUCATION_ORIENTED_KINDS. */
export const REQUIRED_ELEMENTS = ['NORWEGIAN', 'SOCIAL_STUDIES', 'LIFE_SKILLS', 'PARENTAL_GUIDANCE', 'WORK_OR_EDUCATION_ORIENTED'] as const;
export type RequiredElement = (typeof REQUIRED_ELEMENTS)[number];

export type ContentNeeds = { hasChildUnder18: boolean; collectiveProtection: boolean };

// integreringsloven § 14 a (and § 37 c): the minimum content of a programme.
export function requiredElements(needs: ContentNeeds): RequiredElement[] {
  const required: RequiredElement[] = ['NORWEGIAN'];
  if (!needs.collectiveProtection) required.push('SOCIAL_STUDIES'); // § 37 c: not for collective protection
  required.push('LIFE_SKILLS');
  if (needs.hasChildUnder18) required.push('PARENTAL_GUIDANCE');
  required.push('WORK_OR_EDUCATION_ORIENTED');
  return required;
}

// integreringsloven § 14 a: a child under 18 on onDate, or (with `until`) at any time from onDate to until,
// which covers a child born during the programme. Children not yet born on the last day do not count.
export function hasChildUnder18(childBirthDates: readonly IsoDate[], onDate: IsoDate, until?: IsoDate): boolean {
  const last = until ?? onDate;
  return childBirthDates.some((birth) => compareDates(birth, last) <= 0 && (compareDates(birth, onDate) > 0 || ageOn(birth, onDate) < 18));
}

function satisfies(requirement: RequiredElement, kinds: readonly ElementKind[]): boolean {
  if (requirement === 'WORK_OR_EDUCATION_ORIENTED') return kinds.some((k) => WORK_OR_EDUCATION_ORIENTED_KINDS.includes(k));
  return kinds.includes(requirement);
}

// integreringsloven § 14 a: required content the planned elements do not cover.
export function missingRequiredElements(needs: ContentNeeds, elements: readonly { kind: ElementKind }[]): RequiredElement[] {
  const kinds = elements.map((e) => e.kind);
  return requiredElements(needs).filter((r) => !satisfies(r, kinds));
}

export type LifeSkillsMinimum = { migrationHealthDiversity: number; careerCompetence: number; lawReference: string };

export const LIFE_SKILLS_RULES_FROM: IsoDate = '2026-01-01';

// integreringsforskriften § 4: minimum life-skills hours, for programme decisions from 2026-01-01 (else null).
export function lifeSkillsMinimumHours(input: { hasUpperSecondary: boolean; decisionDate: IsoDate }): LifeSkillsMinimum | null {
  if (compareDates(input.decisionDate, LIFE_SKILLS_RULES_FROM) < 0) return null;
  return input.hasUpperSecondary
    ? { migrationHealthDiversity: 5, careerCompetence: 10, lawReference: LAW['R-5.4'] }
    : { migrationHealthDiversity: 10, careerCompetence: 15, lawReference: LAW['R-5.4'] };
}

export type WorkOrientedRequirement = { fromMonth: 3 | 6; minHoursPerWeekAverage: 15; lawReference: string };

// integreringsloven § 14 a: work-qualifying programmes average ≥ 15 h/week of work-oriented activity
// from 3 months into the programme (with upper-secondary) or 6 months (without).
export function workOrientedHoursFrom(hasUpperSecondary: boolean): WorkOrientedRequirement {
  return { fromMonth: hasUpperSecondary ? 3 : 6, minHoursPerWeekAverage: 15, lawReference: LAW['R-5.5'] };
}

// integreringsloven § 14 a: the first date the 15 h/week average applies (R-0.3 month arithmetic).
export function workOrientedRequirementStarts(programmeStart: IsoDate, hasUpperSecondary: boolean): IsoDate {
  return addMonths(programmeStart, workOrientedHoursFrom(hasUpperSecondary).fromMonth);
}

// integreringsforskriften § 4: the plan must give at least the minimum life-skills hours
// (programmes offered from 2026-01-01, `decisionDate` = the offer date, R-13.1; earlier ones are not checked
// automatically, R-0.2, and the answer says so: the returned notice).
export function assertLifeSkillsHours(input: {
  hasUpperSecondary: boolean;
  decisionDate: IsoDate;
  planned: { migrationHealthDiversity: number; careerCompetence: number } | null | undefined;
}): RuleNotice | null {
  const min = lifeSkillsMinimumHours(input);
  if (!min) {
    return {
      ruleId: 'R-5.4',
      lawReference: LAW['R-5.4'],
      message: `The programme was offered on ${input.decisionDate}, before ${LIFE_SKILLS_RULES_FROM}: the minimum life-skills hours (integreringsforskriften § 4) are not enforced automatically; assess them under the earlier rules.`,
    };
  }
  const planned = input.planned ?? { migrationHealthDiversity: 0, careerCompetence: 0 };
  if (planned.migrationHealthDiversity < min.migrationHealthDiversity || planned.careerCompetence < min.careerCompetence) {
    throw new RuleViolation(
      'R-5.4',
      LAW['R-5.4'],
      `The life-skills course needs at least ${min.migrationHealthDiversity} hours on migration, health and diversity and ${min.careerCompetence} hours of career competence; the plan has ${planned.migrationHealthDiversity} and ${planned.careerCompetence}.`,
      { minimum: { migrationHealthDiversity: min.migrationHealthDiversity, careerCompetence: min.careerCompetence }, planned },
    );
  }
  return null;
}

const WORK_ORIENTED_KINDS: readonly ElementKind[] = ['WORK_PRACTICE', 'JOB_TRAINING'];

// integreringsloven § 14 a: a work-qualifying programme plans on average at least 15 hours a week
// of work-oriented activity (from month 3 or 6; the plan states the steady week). § 14 a is a 2026 rule:
// for a programme offered before 2026-01-01 (`offerDate`, R-13.1) it is not enforced and the notice says so.
export function assertWorkOrientedHours(input: {
  workQualifying: boolean;
  elements: readonly { kind: ElementKind; hoursPerWeek?: number }[];
  hasUpperSecondary: boolean;
  /** The offer date (regime.offerDateFor); absent: evaluated under the 2026 rules. */
  offerDate?: IsoDate;
}): RuleNotice | null {
  if (!input.workQualifying) return null;
  if (input.offerDate !== undefined && !programmeRules2026Apply(input.offerDate)) {
    return {
      ruleId: 'R-5.5',
      lawReference: LAW['R-5.5'],
      message: `The programme was offered on ${input.offerDate}, before 2026-01-01: the 15 hours a week of work-oriented activity (integreringsloven § 14 a) are not enforced automatically; assess them under the earlier rules.`,
    };
  }
  const req = workOrientedHoursFrom(input.hasUpperSecondary);
  const hours = input.elements.filter((e) => WORK_ORIENTED_KINDS.includes(e.kind)).reduce((s, e) => s + (e.hoursPerWeek ?? 0), 0);
  if (hours < req.minHoursPerWeekAverage) {
    throw new RuleViolation(
      'R-5.5',
      LAW['R-5.5'],
      `A work-qualifying programme needs on average at least ${req.minHoursPerWeekAverage} hours a week of work practice or job training from month ${req.fromMonth}; the plan has ${hours}.`,
      { hoursPerWeek: hours, minimum: req.minHoursPerWeekAverage, fromMonth: req.fromMonth },
    );
  }
  return null;
}
