// Which law governs a case, by its dates.
import { IsoDate, compareDates } from './calendar';
import { LAW } from './law-references';
import { RuleViolation } from './rule-violation';

export const REGIMES = ['INTEGRERINGSLOVEN', 'INTRODUKSJONSLOVEN'] as const;
export type Regime = (typeof REGIMES)[number];

export const INTEGRERINGSLOVEN_IN_FORCE: IsoDate = '2021-01-01';
export const PROGRAMME_RULES_2026_FROM: IsoDate = '2026-01-01';
export const DURATION_RULES_FROM: IsoDate = '2025-01-01';

export interface RegimeDates {
  permitGrantDate: IsoDate;
  arrivalDate: IsoDate;
}

// integreringsloven § 51 / integreringsforskriften § 72: old Act only when permit AND arrival are before 2021-01-01.
export function regimeFor({ permitGrantDate, arrivalDate }: RegimeDates): Regime {
  const before = (d: IsoDate): boolean => compareDates(d, INTEGRERINGSLOVEN_IN_FORCE) < 0;
  return before(permitGrantDate) && before(arrivalDate) ? 'INTRODUKSJONSLOVEN' : 'INTEGRERINGSLOVEN';
}

// integreringsloven § 51: old-regime cases are registered but never evaluated automatically.
export function assertAutomatedRegime(dates: RegimeDates): 'INTEGRERINGSLOVEN' {
  const regime = regimeFor(dates);
  if (regime === 'INTRODUKSJONSLOVEN') {
    throw new RuleViolation('R-0.2', LAW['R-0.2'], 'old regime: manual assessment', {
      regime,
      permitGrantDate: dates.permitGrantDate,
      arrivalDate: dates.arrivalDate,
    });
  }
  return regime;
}

// LOV-2025-06-20-35: the 2026 programme rules (§§ 13, 14, 14 a, 18 a) apply to programmes offered from 2026-01-01.
export function programmeRules2026Apply(offerDate: IsoDate): boolean {
  return compareDates(offerDate, PROGRAMME_RULES_2026_FROM) >= 0;
}

// integreringsforskriften § 76: the § 14 duration limits apply to offers from 2025-01-01; earlier offers are
// not limited automatically. (§ 13's 12 months and work-qualifying 2 years only from 2026-01-01 offers, §§ 75–76:
// combine with programmeRules2026Apply.)
export function durationRulesApply(offerDate: IsoDate): boolean {
  return compareDates(offerDate, DURATION_RULES_FROM) >= 0;
}

/** A rule that was not applied automatically, said on the result instead of in silence. */
export interface RuleNotice {
  ruleId: string;
  lawReference: string;
  message: string;
}

export type OfferDateSource = 'RECORDED' | 'PARTICIPATION_DECISION' | 'TODAY';

export interface OfferDate {
  date: IsoDate;
  source: OfferDateSource;
}

// the one date every regime-dependent programme rule (§§ 13, 14, 14 a, 18 a, forskrift § 4) is
// evaluated on — the offer date recorded on the case, else the decided date of the first granted PARTICIPATION
// decision, else today (the offer is being made now). Never the contract's, the plan's or the start date.
export function offerDateFor(input: { recordedOfferDate?: IsoDate | null; participationGrantedAt?: IsoDate | null; today: IsoDate }): OfferDate {
  if (input.recordedOfferDate) return { date: input.recordedOfferDate, source: 'RECORDED' };
  if (input.participationGrantedAt) return { date: input.participationGrantedAt, source: 'PARTICIPATION_DECISION' };
  return { date: input.today, source: 'TODAY' };
}

// an old-regime case is refused every rule automation (benefit rates, durations, end goals) the same
// way as the participation decision: RULE_VIOLATION R-0.2 "old regime: manual assessment".
export function assertAutomatedRegimeFor(dates: RegimeDates, automation: string): 'INTEGRERINGSLOVEN' {
  if (regimeFor(dates) === 'INTRODUKSJONSLOVEN') {
    throw new RuleViolation(
      'R-0.2',
      LAW['R-0.2'],
      `Old regime (introduksjonsloven): manual assessment. ${automation} is not evaluated automatically (R-13.2).`,
      {
        regime: 'INTRODUKSJONSLOVEN',
        permitGrantDate: dates.permitGrantDate,
        arrivalDate: dates.arrivalDate,
        automation,
      },
    );
  }
  return 'INTEGRERINGSLOVEN';
}
