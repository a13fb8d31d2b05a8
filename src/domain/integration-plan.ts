// Integration plan (integreringsplan): integreringsloven § 15.
import { END_GOALS, type EndGoal } from './end-goal';
import { LAW } from './law-references';
import { RuleViolation } from './rule-violation';

export const ELEMENT_KINDS = [
  'NORWEGIAN',
  'SOCIAL_STUDIES',
  'LIFE_SKILLS',
  'PARENTAL_GUIDANCE',
  'WORK_PRACTICE',
  'EDUCATION',
  'JOB_TRAINING',
  'OTHER',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

export const NORWEGIAN_SKILLS = ['listening', 'reading', 'speaking', 'writing'] as const;
export type NorwegianSkill = (typeof NORWEGIAN_SKILLS)[number];

export const MAIN_PROGRAMME_TYPES = ['WORK_QUALIFYING', 'FORMAL_UPPER_SECONDARY', 'HIGHER_EDUCATION_OR_WORK'] as const;
export type MainProgrammeType = (typeof MAIN_PROGRAMME_TYPES)[number];

export type PlanElement = { kind: ElementKind; description: string; hoursPerWeek?: number; isMain?: boolean };

export type PlanContent = {
  endGoal: EndGoal;
  /** Norwegian goal (norskmål, § 31): a CEFR level per skill. */
  norwegianGoal: Partial<Record<NorwegianSkill, string>>;
  longTermGoal: string;
  norwegianHoursPerWeek: number;
  socialStudiesHours: number;
  durationMonths: number;
  elements: PlanElement[];
  appealInformation: string;
  /** § 15 fourth para: why the chosen work/education elements help reach work and the norskmål. */
  elementReasons: string;
  mainProgrammeType: MainProgrammeType;
};

export type MissingPlanField = { field: string; message: string };

function blank(s: unknown): boolean {
  return typeof s !== 'string' || s.trim().length === 0;
}

function nonNegativeNumber(n: unknown): boolean {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

function normaliseLevel(s: string | undefined): string {
  return (s ?? '').trim().toUpperCase();
}

function isCefrLevel(s: string | undefined): boolean {
  return (CEFR_LEVELS as readonly string[]).includes(normaliseLevel(s));
}

// integreringsloven § 15 third and fourth para: required content (a)–(g) plus the reasons for the elements.
// Values are checked at runtime too, since plans arrive from outside the type system.
export function missingPlanContent(plan: PlanContent): MissingPlanField[] {
  const missing: MissingPlanField[] = [];
  const add = (field: string, message: string): void => {
    missing.push({ field, message });
  };
  if (!(END_GOALS as readonly unknown[]).includes(plan.endGoal)) add('endGoal', '(a) The end goal (sluttmål) is missing.');
  // (b) "CEFR level per skill": all four skills of the norskmål are required [D].
  for (const skill of NORWEGIAN_SKILLS) {
    if (!isCefrLevel(plan.norwegianGoal?.[skill])) {
      add(`norwegianGoal.${skill}`, `(b) The Norwegian goal for ${skill} must be a CEFR level (A1–C2).`);
    }
  }
  if (blank(plan.longTermGoal)) add('longTermGoal', "(c) The participant's long-term goal is missing.");
  // (d) 0 is a valid amount (exemption under § 29, or no social studies under § 37 c); a missing or negative one is not.
  if (!nonNegativeNumber(plan.norwegianHoursPerWeek)) {
    add('norwegianHoursPerWeek', '(d) The amount of Norwegian training (hours per week) is missing.');
  }
  if (!nonNegativeNumber(plan.socialStudiesHours)) {
    add('socialStudiesHours', '(d) The amount of social-studies training (hours) is missing.');
  }
  if (!(Number.isInteger(plan.durationMonths) && plan.durationMonths >= 1)) {
    add('durationMonths', '(e) The programme duration (whole months, at least 1) is missing.');
  }
  if (!Array.isArray(plan.elements) || plan.elements.length === 0) {
    add('elements', '(f) The plan has no programme elements.');
  } else {
    plan.elements.forEach((e, i) => {
      if (!(ELEMENT_KINDS as readonly unknown[]).includes(e.kind)) add(`elements[${i}].kind`, `(f) Element ${i + 1} has no valid kind.`);
      if (blank(e.description)) add(`elements[${i}].description`, `(f) Element ${i + 1} has no description.`);
      if (e.hoursPerWeek !== undefined && !nonNegativeNumber(e.hoursPerWeek)) {
        add(`elements[${i}].hoursPerWeek`, `(f) Element ${i + 1} has invalid hours per week.`);
      }
    });
  }
  if (blank(plan.appealInformation)) add('appealInformation', '(g) Information on how to appeal is missing.');
  if (blank(plan.elementReasons)) {
    add('elementReasons', 'The reasons why the chosen work- or education-oriented elements help the participant are missing.');
  }
  return missing;
}

// integreringsloven § 15: a plan missing required content is not valid.
export function assertValidPlan(plan: PlanContent): void {
  const missing = missingPlanContent(plan);
  if (missing.length > 0) {
    throw new RuleViolation('R-4.1', LAW['R-4.1'], `The integration plan is missing required content: ${missing.map((m) => m.field).join(', ')}.`, { missing });
  }
}

export const SIGNIFICANT_CHANGE_CODES = ['END_GOAL', 'NORWEGIAN_GOAL', 'DURATION', 'MAIN_PROGRAMME_TYPE', 'MAIN_ELEMENT_REMOVED'] as const;
export type SignificantChangeCode = (typeof SIGNIFICANT_CHANGE_CODES)[number];

export type SignificantChange = { significant: boolean; reasons: string[]; codes: SignificantChangeCode[] };

function mainKindCounts(elements: readonly PlanElement[]): Map<ElementKind, number> {
  const counts = new Map<ElementKind, number>();
  for (const e of elements) if (e.isMain) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return counts;
}

// integreringsloven § 15 / LAW-NOTES §4.9 [D]: what makes a plan change a significant change (vesentlig endring).
// A main element is identified by its kind: changing its description (e.g. another practice placement within the
// same element) is a plain revision; a main element that disappears, is demoted or is replaced by another kind is not.
export function isSignificantChange(before: PlanContent, after: PlanContent): SignificantChange {
  const reasons: string[] = [];
  const codes: SignificantChangeCode[] = [];
  const add = (code: SignificantChangeCode, reason: string): void => {
    if (!codes.includes(code)) codes.push(code);
    reasons.push(reason);
  };
  if (before.endGoal !== after.endGoal) add('END_GOAL', `End goal changed from ${before.endGoal} to ${after.endGoal}.`);
  for (const skill of NORWEGIAN_SKILLS) {
    const b = normaliseLevel(before.norwegianGoal?.[skill]);
    const a = normaliseLevel(after.norwegianGoal?.[skill]);
    if (a !== b) add('NORWEGIAN_GOAL', `Norwegian goal for ${skill} changed from ${b || 'none'} to ${a || 'none'}.`);
  }
  if (before.durationMonths !== after.durationMonths) {
    const how = after.durationMonths > before.durationMonths ? 'extended' : 'shortened';
    add('DURATION', `Duration ${how} from ${before.durationMonths} to ${after.durationMonths} months.`);
  }
  if (before.mainProgrammeType !== after.mainProgrammeType) {
    add('MAIN_PROGRAMME_TYPE', `Main programme type changed from ${before.mainProgrammeType} to ${after.mainProgrammeType}.`);
  }
  const afterMain = mainKindCounts(after.elements);
  for (const [kind, count] of mainKindCounts(before.elements)) {
    const left = afterMain.get(kind) ?? 0;
    if (left < count) add('MAIN_ELEMENT_REMOVED', `Main element ${kind} was removed or replaced.`);
  }
  return { significant: reasons.length > 0, reasons, codes };
}
