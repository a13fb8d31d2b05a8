// Rule id → the section it comes from (RULES.md). Used as `lawReference` on RuleViolation and unmet conditions.
// integreringsforskriften = FOR-2020-12-15-2912; integreringsloven = LOV-2020-11-06-127; forvaltningsloven = 1967 Act.
export const LAW = {
  // 0. Dates and regimes
  'R-0.1': 'integreringsloven § 51',
  'R-0.2': 'integreringsloven § 51 / integreringsforskriften §§ 72, 75–76',
  'R-0.3': 'domstolloven §§ 148–149 / forvaltningsloven § 29',
  // 1. Who is in the programme
  'R-1.1': 'integreringsloven § 8',
  'R-1.2': 'integreringsloven § 9',
  'R-1.3': 'integreringsloven § 8 andre ledd',
  'R-1.4': 'integreringsloven § 8 første ledd',
  'R-1.5': 'integreringsloven § 8 fjerde ledd',
  'R-1.6': 'integreringsloven § 8 tredje ledd',
  'R-1.7': 'integreringsloven § 8 femte ledd',
  'R-1.8': 'integreringsloven §§ 8–9',
  // 2. Competence mapping
  'R-2.1': 'integreringsloven § 6 / integreringsforskriften § 65a',
  'R-2.2': 'integreringsloven §§ 6 og 10',
  // 3. Career guidance
  'R-3.1': 'integreringsloven § 4 tredje ledd / § 11',
  'R-3.2': 'integreringsloven § 11',
  'R-3.3': 'integreringsloven § 11',
  'R-3.4': 'integreringsloven § 4',
  // 4. Plan and contract
  'R-4.1': 'integreringsloven § 15',
  'R-4.2': 'integreringsloven § 16',
  'R-4.3': 'integreringsloven §§ 15 og 46',
  // 5. Programme
  'R-5.1': 'integreringsloven § 12',
  'R-5.2': 'integreringsloven §§ 13 og 14',
  'R-5.3': 'integreringsloven § 14 a',
  'R-5.4': 'integreringsforskriften § 4',
  'R-5.5': 'integreringsloven § 14 a',
  'R-5.6': 'integreringsloven §§ 13–14 / integreringsforskriften § 18',
  'R-5.7': 'integreringsloven §§ 13, 14 og 18 a / integreringsforskriften § 76',
  'R-5.8': 'integreringsforskriften §§ 10 og 19',
  'R-5.9': 'integreringsloven § 18',
  'R-5.10': 'integreringsloven § 18 a',
  // 6. Leave and absence
  'R-6.1': 'integreringsforskriften §§ 11–12',
  'R-6.2': 'integreringsforskriften § 16',
  'R-6.3': 'integreringsforskriften § 69',
  'R-6.4': 'integreringsloven §§ 21 og 46',
  // 7. Introduction benefit
  'R-7.1': 'integreringsloven § 20',
  'R-7.2': 'integreringsloven § 20 / FOR-2025-05-23-837',
  'R-7.3': 'integreringsloven §§ 20 og 46',
  // 8. Decisions
  'R-8.1': 'integreringsloven § 46 / integreringsforskriften § 69',
  'R-8.2': 'forvaltningsloven §§ 24–27',
  'R-8.3': 'forvaltningsloven § 27',
  // 9. Appeals
  'R-9.1': 'integreringsloven § 47 / forvaltningsloven § 32',
  'R-9.2': 'integreringsloven § 47 / forvaltningsloven § 29',
  'R-9.3': 'forvaltningsloven § 31',
  'R-9.4': 'forvaltningsloven § 33',
  'R-9.5': 'integreringsloven § 47 / integreringsforskriften § 70',
  'R-9.6': 'integreringsloven § 47 / forvaltningsloven § 34',
  'R-9.7': 'forvaltningsloven § 34 tredje ledd',
  'R-9.8': 'forvaltningsloven § 13',
  // 10. Participation certificate
  'R-10.1': 'integreringsloven § 18 a / integreringsforskriften § 50',
  // 11. Identity numbers
  'R-11.1': 'folkeregisterloven § 2-2 / folkeregisterforskriften § 2-2-1',
  'R-11.2': 'folkeregisterloven § 2-2 / folkeregisterforskriften § 2-2-1',
  'R-11.3': 'personopplysningsloven § 12',
  // 12. Organisation
  'R-12.1': 'inndelingslova',
  'R-12.2': 'integreringsloven §§ 4 og 48',
  // 13. Clarifications
  'R-13.7': 'forvaltningsloven §§ 25, 29 og 32',
  'R-13.8': 'forvaltningsloven §§ 24 og 29',
  'R-13.9': 'integreringsloven § 11',
  'R-13.10': 'forvaltningsloven §§ 2 tredje ledd, 28, 33 og 34 / integreringsforskriften § 70',
} as const;

export type RuleId = keyof typeof LAW;

export function lawReferenceFor(ruleId: RuleId): string {
  return LAW[ruleId];
}
