import { buildCertificate, type CertificateInput } from '../../../src/domain/certificate';
import { certificateElements, checkElementAttendance, type AttendanceContext, type ElementAttendance } from '../../../src/domain/element-attendance';
import type { PlanElement } from '../../../src/domain/integration-plan';
import { LAW } from '../../../src/domain/law-references';
import { RuleViolation } from '../../../src/domain/rule-violation';

const running: AttendanceContext = { programmeStartDate: '2026-01-05', programmeEndedAt: null, today: '2026-06-30', recorded: [] };
const spring: ElementAttendance = { kind: 'NORWEGIAN', fromDate: '2026-01-05', toDate: '2026-06-30', hoursAttended: 240, completed: false };

function refusal(record: ElementAttendance, context: AttendanceContext): RuleViolation | null {
  try {
    checkElementAttendance(record, context);
    return null;
  } catch (e) {
    if (e instanceof RuleViolation) return e;
    throw e;
  }
}

describe('R-13.11 / R-10.1 integreringsloven § 18 a: a recorded attendance period lies within the programme', () => {
  it('refuses as R-13.11 with the certificate section as law reference', () => {
    const e = refusal({ ...spring, fromDate: '2026-01-04' }, running);
    expect(e).toMatchObject({ ruleId: 'R-13.11', lawReference: LAW['R-10.1'] });
  });

  it('start: the day before the programme started is refused, the day of is accepted', () => {
    expect(refusal({ ...spring, fromDate: '2026-01-04' }, running)?.message).toMatch(/starts before the programme/);
    expect(refusal({ ...spring, fromDate: '2026-01-05' }, running)).toBeNull();
    expect(refusal({ ...spring, fromDate: '2026-01-06' }, running)).toBeNull();
  });

  it('before the programme started nothing is recorded', () => {
    expect(refusal(spring, { ...running, programmeStartDate: null })?.message).toMatch(/once the programme has started/);
  });

  it('today: a period ending today is accepted, tomorrow refused (R-13.7: never a future date)', () => {
    expect(refusal({ ...spring, toDate: '2026-06-29' }, running)).toBeNull();
    expect(refusal({ ...spring, toDate: '2026-06-30' }, running)).toBeNull();
    expect(refusal({ ...spring, toDate: '2026-07-01' }, running)?.message).toMatch(/never for the future/);
  });

  it('an ended programme: up to its last day, not the day after', () => {
    const ended = { ...running, programmeEndedAt: '2026-03-31', today: '2026-12-01' };
    expect(refusal({ ...spring, toDate: '2026-03-30' }, ended)).toBeNull();
    expect(refusal({ ...spring, toDate: '2026-03-31' }, ended)).toBeNull();
    expect(refusal({ ...spring, toDate: '2026-04-01' }, ended)?.message).toMatch(/after the programme ended/);
  });

  it('a period ending before it starts is refused; a one-day period is fine', () => {
    expect(refusal({ ...spring, fromDate: '2026-03-02', toDate: '2026-03-01' }, running)?.message).toMatch(/ends before it starts/);
    expect(refusal({ ...spring, fromDate: '2026-03-02', toDate: '2026-03-02', hoursAttended: 6 }, running)).toBeNull();
  });

  it('hours: 0 and 24 a day fit; more than 24 a day or negative do not', () => {
    const day = { ...spring, fromDate: '2026-03-02', toDate: '2026-03-03' };
    expect(refusal({ ...day, hoursAttended: 0 }, running)).toBeNull();
    expect(refusal({ ...day, hoursAttended: 48 }, running)).toBeNull();
    expect(refusal({ ...day, hoursAttended: 48.1 }, running)?.message).toMatch(/do not fit/);
    expect(refusal({ ...day, hoursAttended: -0.5 }, running)?.message).toMatch(/do not fit/);
    expect(refusal({ ...day, hoursAttended: Number.NaN }, running)?.message).toMatch(/do not fit/);
  });

  it('periods of the same element may not share a day (no hour counted twice); touching periods and other elements are fine', () => {
    const context = { ...running, recorded: [{ ...spring, fromDate: '2026-01-05', toDate: '2026-02-28' }] };
    expect(refusal({ ...spring, fromDate: '2026-02-28', toDate: '2026-03-31' }, context)?.message).toMatch(/shares days/);
    expect(
      refusal({ ...spring, fromDate: '2026-01-01', toDate: '2026-01-05', hoursAttended: 30 }, { ...context, programmeStartDate: '2025-12-01' })?.message,
    ).toMatch(/shares days/);
    expect(refusal({ ...spring, fromDate: '2026-03-01', toDate: '2026-03-31' }, context)).toBeNull();
    expect(refusal({ ...spring, kind: 'SOCIAL_STUDIES', fromDate: '2026-02-01', toDate: '2026-02-28' }, context)).toBeNull();
  });
});

describe('R-13.11: the certificate elements are what was recorded', () => {
  const plan: PlanElement[] = [
    { kind: 'NORWEGIAN', description: 'Norskkurs', hoursPerWeek: 15 },
    { kind: 'SOCIAL_STUDIES', description: 'Samfunnskunnskap på arabisk', hoursPerWeek: 2 },
    { kind: 'LIFE_SKILLS', description: 'Livsmestringskurs', hoursPerWeek: 1 },
    { kind: 'WORK_PRACTICE', description: 'Praksis i barnehage', hoursPerWeek: 10, isMain: true },
    { kind: 'WORK_PRACTICE', description: 'Praksis i butikk', hoursPerWeek: 10 },
  ];

  it('sums the hours of the periods and takes completion from the latest period; nothing recorded is null, not guessed from the plan', () => {
    const elements = certificateElements(plan, [
      { kind: 'NORWEGIAN', fromDate: '2026-03-01', toDate: '2026-03-31', hoursAttended: 60.5, completed: true },
      { kind: 'NORWEGIAN', fromDate: '2026-01-05', toDate: '2026-02-28', hoursAttended: 110, completed: false },
      { kind: 'SOCIAL_STUDIES', fromDate: '2026-01-05', toDate: '2026-03-31', hoursAttended: 20, completed: false },
    ]);
    expect(elements).toEqual([
      { kind: 'NORWEGIAN', description: 'Norskkurs', hours: 170.5, completed: true },
      { kind: 'SOCIAL_STUDIES', description: 'Samfunnskunnskap på arabisk', hours: 20, completed: false },
      { kind: 'LIFE_SKILLS', description: 'Livsmestringskurs', hours: null, completed: null },
      { kind: 'WORK_PRACTICE', description: 'Praksis i barnehage; Praksis i butikk', hours: null, completed: null },
    ]);
  });

  it('the latest period decides completion, also when it says not completed after an earlier one said completed', () => {
    const [e] = certificateElements(plan.slice(0, 1), [
      { kind: 'NORWEGIAN', fromDate: '2026-01-05', toDate: '2026-01-31', hoursAttended: 10, completed: true },
      { kind: 'NORWEGIAN', fromDate: '2026-02-01', toDate: '2026-02-28', hoursAttended: 10, completed: false },
    ]);
    expect(e.completed).toBe(false);
  });

  it('an element recorded but no longer in the current plan still appears, after the plan’s', () => {
    const elements = certificateElements(plan.slice(0, 1), [
      { kind: 'PARENTAL_GUIDANCE', fromDate: '2026-01-05', toDate: '2026-01-31', hoursAttended: 7.5, completed: true },
    ]);
    expect(elements.map((e) => [e.kind, e.hours])).toEqual([
      ['NORWEGIAN', null],
      ['PARENTAL_GUIDANCE', 7.5],
    ]);
  });

  it('tenths add up exactly (numeric(6,1)): 0.1 + 0.2 is 0.3', () => {
    const [e] = certificateElements(plan.slice(0, 1), [
      { kind: 'NORWEGIAN', fromDate: '2026-01-05', toDate: '2026-01-05', hoursAttended: 0.1, completed: false },
      { kind: 'NORWEGIAN', fromDate: '2026-01-06', toDate: '2026-01-06', hoursAttended: 0.2, completed: false },
    ]);
    expect(e.hours).toBe(0.3);
  });

  it('an interrupted programme prints the recorded completions and hours in bokmål and nynorsk, and says plainly where nothing was recorded', () => {
    const input: CertificateInput = {
      participantName: 'Amina Hassan',
      municipalityName: 'Bergen',
      startDate: '2026-01-05',
      endDate: '2026-03-31',
      plannedEndDate: '2027-01-04',
      endReason: 'INTERRUPTED',
      interruptionReason: 'Flyttet til Sverige',
      endGoal: 'WORK',
      endGoalReached: false,
      elements: certificateElements(plan, [
        { kind: 'NORWEGIAN', fromDate: '2026-01-05', toDate: '2026-03-31', hoursAttended: 170.5, completed: true },
        { kind: 'LIFE_SKILLS', fromDate: '2026-01-05', toDate: '2026-03-31', hoursAttended: 0, completed: false },
      ]),
      issueDate: '2026-04-01',
    };
    const nb = buildCertificate(input, 'NB');
    const nn = buildCertificate(input, 'NN');
    const value = (c: typeof nb, label: string) => c.lines.find((l) => l.label === label)?.value;
    expect(value(nb, 'Opplæring i norsk (Norskkurs)')).toBe('170,5 timer, fullført');
    expect(value(nn, 'Opplæring i norsk (Norskkurs)')).toBe('170,5 timar, fullført');
    expect(value(nb, 'Livsmestring (Livsmestringskurs)')).toBe('0 timer, ikke fullført');
    expect(value(nn, 'Livsmeistring (Livsmestringskurs)')).toBe('0 timar, ikkje fullført');
    expect(value(nb, 'Samfunnskunnskap (Samfunnskunnskap på arabisk)')).toBe('Ikke registrert av kommunen');
    expect(value(nn, 'Samfunnskunnskap (Samfunnskunnskap på arabisk)')).toBe('Ikkje registrert av kommunen');
    expect(value(nb, 'Arbeidspraksis (Praksis i barnehage; Praksis i butikk)')).toBe('Ikke registrert av kommunen');
    expect(nn.text).not.toMatch(/Ikke |ikke /);
    expect(nb.elementsNote).toBe('Timer og fullføring per element er slik kommunen har registrert oppmøtet.');
    expect(nn.elementsNote).toBe('Timar og fullføring per element er slik kommunen har registrert oppmøtet.');
    expect(nn.text.split('\n').at(-1)).toBe(nn.elementsNote);
  });
});
