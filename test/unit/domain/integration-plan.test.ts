import { violation } from '../../support/violation';
import { assertValidPlan, isSignificantChange, missingPlanContent, type PlanContent } from '../../../src/domain/integration-plan';
import { LAW } from '../../../src/domain/law-references';

function plan(overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    endGoal: 'WORK_QUALIFYING',
    norwegianGoal: { listening: 'B1', reading: 'B1', speaking: 'B1', writing: 'A2' },
    longTermGoal: 'Work as a skilled electrician',
    norwegianHoursPerWeek: 10,
    socialStudiesHours: 75,
    durationMonths: 24,
    elements: [
      { kind: 'NORWEGIAN', description: 'Norwegian course', hoursPerWeek: 10 },
      { kind: 'WORK_PRACTICE', description: 'Practice at Elektro AS', hoursPerWeek: 15, isMain: true },
      { kind: 'LIFE_SKILLS', description: 'Life-skills course' },
    ],
    appealInformation: 'Appeal in writing to the municipality within 3 weeks.',
    elementReasons: 'Practice in the trade builds both language and work experience.',
    mainProgrammeType: 'WORK_QUALIFYING',
    ...overrides,
  };
}

function fields(p: PlanContent): string[] {
  return missingPlanContent(p).map((m) => m.field);
}

describe('R-4.1 integreringsloven § 15: required plan content', () => {
  it('a complete plan has nothing missing and is valid', () => {
    expect(missingPlanContent(plan())).toEqual([]);
    expect(() => assertValidPlan(plan())).not.toThrow();
  });

  it('(a) end goal missing', () => {
    expect(fields(plan({ endGoal: '' as unknown as PlanContent['endGoal'] }))).toEqual(['endGoal']);
  });

  it('(b) Norwegian goal: every skill needs a CEFR level', () => {
    expect(fields(plan({ norwegianGoal: { listening: 'B1', reading: 'B1', speaking: 'B1' } }))).toEqual(['norwegianGoal.writing']);
    expect(fields(plan({ norwegianGoal: {} }))).toEqual([
      'norwegianGoal.listening',
      'norwegianGoal.reading',
      'norwegianGoal.speaking',
      'norwegianGoal.writing',
    ]);
  });

  it('(b) a value that is not a CEFR level is missing; lower case is accepted', () => {
    expect(fields(plan({ norwegianGoal: { listening: 'B3', reading: 'b1', speaking: 'C2', writing: 'a1' } }))).toEqual(['norwegianGoal.listening']);
  });

  it('(c) long-term goal blank', () => {
    expect(fields(plan({ longTermGoal: '  ' }))).toEqual(['longTermGoal']);
  });

  it('(d) amounts of Norwegian and social studies: 0 is a stated amount, negative or missing is not', () => {
    expect(fields(plan({ socialStudiesHours: 0, norwegianHoursPerWeek: 0 }))).toEqual([]);
    expect(fields(plan({ norwegianHoursPerWeek: -1 }))).toEqual(['norwegianHoursPerWeek']);
    expect(fields(plan({ socialStudiesHours: Number.NaN }))).toEqual(['socialStudiesHours']);
  });

  it('(e) duration must be a whole number of months, at least 1', () => {
    expect(fields(plan({ durationMonths: 0 }))).toEqual(['durationMonths']);
    expect(fields(plan({ durationMonths: 1 }))).toEqual([]);
  });

  it('(f) elements: none, or one without a description', () => {
    expect(fields(plan({ elements: [] }))).toEqual(['elements']);
    expect(fields(plan({ elements: [{ kind: 'NORWEGIAN', description: '' }] }))).toEqual(['elements[0].description']);
    expect(fields(plan({ elements: [{ kind: 'NORWEGIAN', description: 'x', hoursPerWeek: -2 }] }))).toEqual(['elements[0].hoursPerWeek']);
  });

  it('(g) appeal information blank', () => {
    expect(fields(plan({ appealInformation: '' }))).toEqual(['appealInformation']);
  });

  it('§ 15 fourth para: reasons for the elements blank', () => {
    expect(fields(plan({ elementReasons: '' }))).toEqual(['elementReasons']);
  });

  it('assertValidPlan throws R-4.1 listing every missing field', () => {
    const v = violation(() => assertValidPlan(plan({ longTermGoal: '', appealInformation: '' })));
    expect(v.ruleId).toBe('R-4.1');
    expect(v.lawReference).toBe(LAW['R-4.1']);
    expect(v.message).toContain('longTermGoal, appealInformation');
    expect((v.details?.missing as unknown[]).length).toBe(2);
  });
});

describe('R-4.3 integreringsloven § 15: significant change (vesentlig endring)', () => {
  const before = plan();

  it('identical plans: not significant', () => {
    expect(isSignificantChange(before, plan())).toEqual({ significant: false, reasons: [], codes: [] });
  });

  it.each<[string, Partial<PlanContent>, string]>([
    ['end goal', { endGoal: 'UPPER_SECONDARY_PARTIAL' }, 'END_GOAL'],
    ['Norwegian goal (one skill)', { norwegianGoal: { ...before.norwegianGoal, writing: 'B1' } }, 'NORWEGIAN_GOAL'],
    ['duration extended', { durationMonths: 25 }, 'DURATION'],
    ['duration shortened', { durationMonths: 18 }, 'DURATION'],
    ['main programme type', { mainProgrammeType: 'FORMAL_UPPER_SECONDARY' }, 'MAIN_PROGRAMME_TYPE'],
    ['main element removed', { elements: before.elements.filter((e) => !e.isMain) }, 'MAIN_ELEMENT_REMOVED'],
    [
      'main element replaced by another kind',
      { elements: before.elements.map((e) => (e.isMain ? { ...e, kind: 'EDUCATION' as const, description: 'Vocational school' } : e)) },
      'MAIN_ELEMENT_REMOVED',
    ],
    ['main element demoted', { elements: before.elements.map((e) => ({ ...e, isMain: false })) }, 'MAIN_ELEMENT_REMOVED'],
  ])('%s: significant', (_name, change, code) => {
    const r = isSignificantChange(before, plan(change));
    expect(r.significant).toBe(true);
    expect(r.codes).toEqual([code]);
    expect(r.reasons).toHaveLength(1);
  });

  it.each<[string, Partial<PlanContent>]>([
    ['long-term goal', { longTermGoal: 'Work as an electrician in Bergen' }],
    ['Norwegian hours per week', { norwegianHoursPerWeek: 12 }],
    ['social-studies hours', { socialStudiesHours: 50 }],
    ['appeal information', { appealInformation: 'Appeal to the municipality.' }],
    ['element reasons', { elementReasons: 'Updated reasons.' }],
    ['new practice placement within the main element', { elements: before.elements.map((e) => (e.isMain ? { ...e, description: 'Practice at Lys AS' } : e)) }],
    ['hours of an element', { elements: before.elements.map((e) => (e.isMain ? { ...e, hoursPerWeek: 20 } : e)) }],
    ['a non-main element removed', { elements: before.elements.filter((e) => e.kind !== 'LIFE_SKILLS') }],
    ['a main element added', { elements: [...before.elements, { kind: 'EDUCATION', description: 'Course', isMain: true }] }],
    ['Norwegian goal in lower case', { norwegianGoal: { listening: 'b1', reading: 'b1', speaking: 'b1', writing: 'a2' } }],
  ])('%s: plain revision', (_name, change) => {
    expect(isSignificantChange(before, plan(change)).significant).toBe(false);
  });

  it('several changes give several reasons', () => {
    const r = isSignificantChange(before, plan({ endGoal: 'UPPER_SECONDARY_COMPLETE', durationMonths: 48, mainProgrammeType: 'FORMAL_UPPER_SECONDARY' }));
    expect(r.codes).toEqual(['END_GOAL', 'DURATION', 'MAIN_PROGRAMME_TYPE']);
    expect(r.reasons[1]).toMatch(/extended from 24 to 48/);
  });
});
