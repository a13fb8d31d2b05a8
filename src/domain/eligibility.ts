// Who has right and duty to the introduction programme, or may be offered it (integreringsloven §§ 8–9, R-1.1– ).
import { IsoDate, addDays, ageOn, compareDates } from './calendar';
import { participationDecisionWindowEnd } from './deadlines';
import { LAW, RuleId } from './law-references';
import { Regime, regimeFor } from './regime';

export const PERMIT_CATEGORIES = [
  'REFUGEE', // utlendingsloven § 28 (asylum) — integreringsloven § 9 a
  'RESETTLEMENT_REFUGEE', // utlendingsloven § 35 (overføringsflyktning) — § 9 b
  'STRONG_HUMANITARIAN', // utlendingsloven § 38, after an asylum application — § 9 c
  'LIMITED_FAMILY_OR_IDENTITY', // utlendingsloven § 38 femte ledd a–b (family with children / identity doubt) — § 9 d
  'COLLECTIVE_PROTECTION', // utlendingsloven § 34 (kollektiv beskyttelse) — § 9 e
  'FAMILY_REUNIFICATION', // utlendingsloven kapittel 6, family of a person in § 9 a–e — § 9 f (5-year rule)
  'INDEPENDENT_AFTER_ABUSE', // utlendingsloven § 53 (selvstendig grunnlag after abuse) — § 9 g
  'FAMILY_OTHER', // utlendingsloven kapittel 6, family of someone not in § 9 a–e — discretion, § 8 tredje ledd
  'NORDIC_OR_EEA', // Nordic citizen or EEA right of residence (utlendingsloven kapittel 13) — outside § 8
  'OTHER', // any other permit (e.g. work, study) — no right
] as const;
export type PermitCategory = (typeof PERMIT_CATEGORIES)[number];

// the upper age bound is dated data; the change to 60 (LOV-2025-06-20-35, date not yet set) is a new row.
// The row is picked by the evaluation (decision) date, not the permit date: the Act in force when deciding applies.
export const MAX_AGE_TABLE: readonly { from: IsoDate; maxAge: number }[] = [{ from: '2021-01-01', maxAge: 55 }];
export const MIN_AGE = 18;
export const WORK_HOURS_LIMIT = 30;
export const WORK_RULE_FROM: IsoDate = '2026-01-01';
export const FAMILY_REFERENCE_MAX_YEARS = 5;

// only § 9 a–e need settlement by agreement with IMDi; family immigration (§ 9 f) and independent basis (§ 9 g)
// do not, and for permits outside § 9 the question does not arise.
const AGREEMENT_REQUIRED: readonly PermitCategory[] = [
  'REFUGEE',
  'RESETTLEMENT_REFUGEE',
  'STRONG_HUMANITARIAN',
  'LIMITED_FAMILY_OR_IDENTITY',
  'COLLECTIVE_PROTECTION',
];

export type EligibilityBasis = 'RIGHT_AND_DUTY' | 'DISCRETIONARY' | 'NONE';

/** Every code an unmet condition can carry: a closed, stable list (a GraphQL enum). */
export const UNMET_CONDITION_CODES = [
  'AGE_BELOW_18',
  'AGE_ABOVE_55',
  'NORDIC_OR_EEA',
  'PERMIT_NOT_COVERED',
  'FAMILY_OF_OTHERS',
  'FAMILY_REFERENCE_YEARS_MISSING',
  'FAMILY_REFERENCE_5_YEARS',
  'NOT_SETTLED',
  'NOT_SETTLED_BY_AGREEMENT',
  'DECISION_WINDOW_2_YEARS_PASSED',
  'WORKS_30_HOURS',
  'OLD_REGIME',
] as const;
export type UnmetConditionCode = (typeof UNMET_CONDITION_CODES)[number];

export interface UnmetCondition {
  code: UnmetConditionCode;
  ruleId: string;
  lawReference: string;
  message: string;
}

export interface Eligibility {
  eligible: boolean;
  basis: EligibilityBasis;
  regime: Regime;
  unmet: UnmetCondition[];
}

export interface EligibilityInput {
  birthDate: IsoDate;
  permitCategory: PermitCategory;
  permitGrantDate: IsoDate;
  arrivalDate: IsoDate;
  /** First settlement in a municipality (time in a reception centre does not count). */
  settlementDate: IsoDate | null;
  settledByAgreementWithImdi: boolean;
  /** FAMILY_REUNIFICATION: years the reference person had lived in a municipality before the application. */
  familyReferenceYearsInMunicipality?: number | null;
  /** Work or job offer, hours per week. */
  weeklyWorkHours?: number | null;
  /** The date of the decision or assessment. */
  evaluationDate: IsoDate;
  /** The participant's request (krav); it moves the start deadline but not eligibility. */
  requestDate?: IsoDate | null;
}

// conditions the municipality may set aside by discretion (integreringsloven § 8 tredje ledd).
export const DISCRETIONARY_CODES: ReadonlySet<string> = new Set([
  'AGE_ABOVE_55',
  'FAMILY_OF_OTHERS',
  'FAMILY_REFERENCE_5_YEARS',
  'FAMILY_REFERENCE_YEARS_MISSING',
  'NOT_SETTLED_BY_AGREEMENT',
]);

// integreringsloven § 8: the upper age bound in force on a date.
export function maxAgeOn(date: IsoDate): number {
  const row = [...MAX_AGE_TABLE].reverse().find((r) => compareDates(r.from, date) <= 0);
  return (row ?? MAX_AGE_TABLE[0]).maxAge;
}

function unmet(code: UnmetConditionCode, ruleId: RuleId, message: string): UnmetCondition {
  return { code, ruleId, lawReference: LAW[ruleId], message };
}

// integreringsloven § 8: age 18 to max (inclusive, [D]) on the permit grant date; later birthdays change nothing.
function ageConditions(input: EligibilityInput): UnmetCondition[] {
  const age = ageOn(input.birthDate, input.permitGrantDate);
  const maxAge = maxAgeOn(input.evaluationDate);
  if (age < MIN_AGE) {
    return [unmet('AGE_BELOW_18', 'R-1.1', `Was ${age} on the permit grant date; right and duty starts at 18 on that date.`)];
  }
  if (age > maxAge) {
    return [
      unmet('AGE_ABOVE_55', 'R-1.1', `Was ${age} on the permit grant date; right and duty ends at ${maxAge}. The municipality may still offer the programme.`),
    ];
  }
  return [];
}

// integreringsloven § 9 and § 8 femte ledd: which permits give right and duty.
function permitConditions(input: EligibilityInput): UnmetCondition[] {
  switch (input.permitCategory) {
    case 'NORDIC_OR_EEA':
      return [unmet('NORDIC_OR_EEA', 'R-1.7', 'Nordic and EEA citizens are outside the introduction programme.')];
    case 'OTHER':
      return [unmet('PERMIT_NOT_COVERED', 'R-1.2', 'This residence permit does not give right and duty to the programme.')];
    case 'FAMILY_OTHER':
      return [
        unmet(
          'FAMILY_OF_OTHERS',
          'R-1.6',
          'Family immigrant of a person outside the refugee groups: no right and duty, but the municipality may offer the programme.',
        ),
      ];
    case 'FAMILY_REUNIFICATION': {
      const years = input.familyReferenceYearsInMunicipality;
      if (years === null || years === undefined) {
        return [
          unmet(
            'FAMILY_REFERENCE_YEARS_MISSING',
            'R-1.2',
            'Record how long the family member in Norway had lived in a municipality before the application (right and duty only if under 5 years).',
          ),
        ];
      }
      if (years >= FAMILY_REFERENCE_MAX_YEARS) {
        return [
          unmet(
            'FAMILY_REFERENCE_5_YEARS',
            'R-1.2',
            'The family member in Norway had lived in a municipality for 5 years or more before the application: no right and duty, but the municipality may offer the programme.',
          ),
        ];
      }
      return [];
    }
    default:
      return [];
  }
}

// integreringsloven § 8 andre ledd and § 8 første ledd: settled, by agreement, decision within 2 years.
function settlementConditions(input: EligibilityInput): UnmetCondition[] {
  const { settlementDate, evaluationDate } = input;
  if (settlementDate === null || compareDates(settlementDate, evaluationDate) > 0) {
    return [unmet('NOT_SETTLED', 'R-1.3', 'Not settled in a municipality on the assessment date.')];
  }
  const result: UnmetCondition[] = [];
  if (!input.settledByAgreementWithImdi && AGREEMENT_REQUIRED.includes(input.permitCategory)) {
    result.push(
      unmet('NOT_SETTLED_BY_AGREEMENT', 'R-1.3', 'Settled without an agreement with IMDi: no right and duty, but the municipality may offer the programme.'),
    );
  }
  const lastDay = participationDecisionWindowEnd(settlementDate);
  if (compareDates(evaluationDate, lastDay) > 0) {
    result.push(unmet('DECISION_WINDOW_2_YEARS_PASSED', 'R-1.4', `The decision must be made less than 2 years after first settlement (last day ${lastDay}).`));
  }
  return result;
}

// integreringsloven § 8 fjerde ledd (from 2026-01-01): work or a job offer of 30 hours/week or more excludes.
function workConditions(input: EligibilityInput): UnmetCondition[] {
  const hours = input.weeklyWorkHours;
  if (hours === null || hours === undefined || compareDates(input.evaluationDate, WORK_RULE_FROM) < 0) return [];
  if (hours < WORK_HOURS_LIMIT) return [];
  return [
    unmet(
      'WORKS_30_HOURS',
      'R-1.5',
      `Works or has a job offer of ${hours} hours a week (30 or more): no right and duty. It returns if the work ends within 2 years of settlement.`,
    ),
  ];
}

// integreringsloven §§ 8–9: eligibility as data — basis and every unmet condition with its section.
export function evaluateEligibility(input: EligibilityInput): Eligibility {
  const regime = regimeFor(input);
  if (regime === 'INTRODUKSJONSLOVEN') {
    return {
      eligible: false,
      basis: 'NONE',
      regime,
      unmet: [
        unmet('OLD_REGIME', 'R-0.2', 'Permit and arrival are both before 1 January 2021: the old introduksjonsloven applies and needs a manual assessment.'),
      ],
    };
  }
  const conditions = [...permitConditions(input), ...ageConditions(input), ...settlementConditions(input), ...workConditions(input)];
  // integreringsloven § 8 tredje ledd: discretion only when every unmet condition is one the municipality may set aside.
  const basis: EligibilityBasis =
    conditions.length === 0 ? 'RIGHT_AND_DUTY' : conditions.every((c) => DISCRETIONARY_CODES.has(c.code)) ? 'DISCRETIONARY' : 'NONE';
  return { eligible: basis === 'RIGHT_AND_DUTY', basis, regime, unmet: conditions };
}

/** The facts eligibility is evaluated from: everything but the evaluation date. */
export type EligibilityFacts = Omit<EligibilityInput, 'evaluationDate'>;

/** A stretch of evaluation dates with one basis: from `from` (inclusive; null: since ever) until `until` (exclusive; null: for good). */
export interface EligibilityPeriod {
  from: IsoDate | null;
  until: IsoDate | null;
  basis: EligibilityBasis;
}

/**
 * R-1.8 (integreringsloven §§ 8–9): the evaluation dates on which evaluateEligibility's answer can change
 * for these facts, everything else being equal: first settlement (R-1.3: not settled before it), the day
 * after the two-year decision window, the work rule's start, and each row of the dated
 * age table. Between two such dates every condition answers the same.
 */
export function eligibilityChangeDates(facts: EligibilityFacts): IsoDate[] {
  const dates = new Set<IsoDate>([WORK_RULE_FROM, ...MAX_AGE_TABLE.map((r) => r.from)]);
  if (facts.settlementDate) {
    dates.add(facts.settlementDate);
    dates.add(addDays(participationDecisionWindowEnd(facts.settlementDate), 1));
  }
  return [...dates].sort(compareDates);
}

/**
 * eligibility as dated data — the basis on every evaluation date, as consecutive periods (merged
 * when neighbours agree). Computed with evaluateEligibility itself at each change date, so the law is
 * written once; stored with the participant's facts, so the case list filters by it in SQL on any day.
 */
export function eligibilityPeriods(facts: EligibilityFacts): EligibilityPeriod[] {
  const dates = eligibilityChangeDates(facts);
  const basisOn = (evaluationDate: IsoDate) => evaluateEligibility({ ...facts, evaluationDate }).basis;
  const periods: EligibilityPeriod[] = [{ from: null, until: dates[0], basis: basisOn(addDays(dates[0], -1)) }];
  dates.forEach((from, i) => {
    const basis = basisOn(from);
    const last = periods[periods.length - 1];
    const until = dates[i + 1] ?? null;
    if (last.basis === basis) last.until = until;
    else periods.push({ from, until, basis });
  });
  return periods;
}

/** The basis on a date, read from the periods (what the case list's SQL does). */
export function basisOnDate(periods: readonly EligibilityPeriod[], date: IsoDate): EligibilityBasis | null {
  const p = periods.find((x) => (x.from === null || compareDates(x.from, date) <= 0) && (x.until === null || compareDates(date, x.until) < 0));
  return p?.basis ?? null;
}
