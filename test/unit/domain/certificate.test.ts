import { buildCertificate, norwegianDate, shareCompletedPercent, type CertificateInput } from '../../../src/domain/certificate';
import { LAW } from '../../../src/domain/law-references';
import { RuleViolation } from '../../../src/domain/rule-violation';

const input: CertificateInput = {
  participantName: 'Amina Hassan',
  municipalityName: 'Bergen',
  startDate: '2026-01-05',
  endDate: '2027-01-04',
  plannedEndDate: '2027-01-04',
  endReason: 'COMPLETED',
  endGoal: 'HIGHER_EDUCATION_PREPARATION',
  endGoalReached: true,
  elements: [
    { kind: 'NORWEGIAN', hours: 600, completed: true },
    { kind: 'SOCIAL_STUDIES', hours: 75, completed: true },
    { kind: 'LIFE_SKILLS', hours: 15, completed: true },
    { kind: 'PARENTAL_GUIDANCE', hours: 7.5, completed: false },
    { kind: 'EDUCATION', description: 'Forkurs', hours: 300, completed: true },
  ],
  issueDate: '2027-01-10',
};

function value(c: ReturnType<typeof buildCertificate>, label: string): string | undefined {
  return c.lines.find((l) => l.label === label)?.value;
}

describe('R-10.1 integreringsloven § 18 a: participation certificate', () => {
  it('bokmål: Deltakerbevis with every required line', () => {
    const c = buildCertificate(input, 'NB');
    expect(c.title).toBe('Deltakerbevis for introduksjonsprogrammet');
    expect(c.language).toBe('NB');
    expect(c.lines.map((l) => l.label)).toEqual([
      'Deltaker',
      'Kommune',
      'Periode',
      'Årsak til avslutning',
      'Sluttmål',
      'Sluttmål nådd',
      'Opplæring i norsk',
      'Samfunnskunnskap',
      'Livsmestring',
      'Foreldreveiledning',
      'Utdanning (Forkurs)',
      'Andel av programmet som er gjennomført',
      'Utstedt dato',
    ]);
    expect(value(c, 'Deltaker')).toBe('Amina Hassan');
    expect(value(c, 'Periode')).toBe('05.01.2026–04.01.2027');
    expect(value(c, 'Årsak til avslutning')).toBe('Fullført');
    expect(value(c, 'Sluttmål')).toBe('Forberedelse til høyere utdanning');
    expect(value(c, 'Sluttmål nådd')).toBe('Ja');
    expect(value(c, 'Opplæring i norsk')).toBe('600 timer, fullført');
    expect(value(c, 'Foreldreveiledning')).toBe('7,5 timer, ikke fullført');
    expect(value(c, 'Andel av programmet som er gjennomført')).toBe('100 %');
    expect(value(c, 'Utstedt dato')).toBe('10.01.2027');
    expect(c.text.split('\n')[0]).toBe(c.title);
    expect(c.text).toContain('Kommune: Bergen');
  });

  it('nynorsk: Deltakarbevis with nynorsk wording', () => {
    const c = buildCertificate({ ...input, endReason: 'INTERRUPTED', interruptionReason: 'Flytta til Sverige', endGoalReached: false }, 'NN');
    expect(c.title).toBe('Deltakarbevis for introduksjonsprogrammet');
    expect(value(c, 'Deltakar')).toBe('Amina Hassan');
    expect(value(c, 'Årsak til avslutning')).toBe('Avbrote');
    expect(value(c, 'Årsak til avbrot')).toBe('Flytta til Sverige');
    expect(value(c, 'Sluttmål')).toBe('Førebuing til høgare utdanning');
    expect(value(c, 'Sluttmål nådd')).toBe('Nei');
    expect(value(c, 'Livsmeistring')).toBe('15 timar, fullført');
    expect(value(c, 'Foreldrerettleiing')).toBe('7,5 timar, ikkje fullført');
    expect(value(c, 'Del av programmet som er gjennomført')).toBe('100 %');
    expect(value(c, 'Utferda dato')).toBe('10.01.2027');
    expect(c.text).not.toMatch(/Deltaker|timer|ikke /);
  });

  it('bokmål interrupted: Avbrutt and the reason', () => {
    const c = buildCertificate({ ...input, endReason: 'INTERRUPTED', interruptionReason: 'Flyttet' }, 'NB');
    expect(value(c, 'Årsak til avslutning')).toBe('Avbrutt');
    expect(value(c, 'Årsak til avbrudd')).toBe('Flyttet');
  });

  it('a reason is shown only for an interrupted programme', () => {
    const c = buildCertificate({ ...input, interruptionReason: 'ignored' }, 'NB');
    expect(value(c, 'Årsak til avbrudd')).toBeUndefined();
  });

  it('share completed: half of the planned time', () => {
    const c = buildCertificate({ ...input, endReason: 'INTERRUPTED', endDate: '2026-07-05' }, 'NB');
    expect(value(c, 'Andel av programmet som er gjennomført')).toBe('50 %');
  });

  it('shareCompletedPercent caps at 100 and counts both ends', () => {
    expect(shareCompletedPercent('2026-01-01', '2026-01-10', '2026-01-10')).toBe(100);
    expect(shareCompletedPercent('2026-01-01', '2026-01-20', '2026-01-10')).toBe(100);
    expect(shareCompletedPercent('2026-01-01', '2026-01-01', '2026-01-10')).toBe(10);
  });

  it('all § 14 end goals have a label in both languages', () => {
    for (const endGoal of ['UPPER_SECONDARY_COMPLETE', 'UPPER_SECONDARY_PARTIAL', 'VOCATIONAL_CERTIFICATE', 'WORK_QUALIFYING'] as const) {
      expect(value(buildCertificate({ ...input, endGoal }, 'NB'), 'Sluttmål')).toBeTruthy();
      expect(value(buildCertificate({ ...input, endGoal }, 'NN'), 'Sluttmål')).toBeTruthy();
    }
    expect(value(buildCertificate({ ...input, endGoal: 'UPPER_SECONDARY_PARTIAL' }, 'NN'), 'Sluttmål')).toBe('Delar av vidaregåande opplæring');
  });

  it('refuses a period that ends before it starts', () => {
    let caught: unknown;
    try {
      buildCertificate({ ...input, endDate: '2026-01-04' }, 'NB');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RuleViolation);
    expect((caught as RuleViolation).ruleId).toBe('R-10.1');
    expect((caught as RuleViolation).lawReference).toBe(LAW['R-10.1']);
  });

  it('norwegianDate', () => {
    expect(norwegianDate('2026-05-17')).toBe('17.05.2026');
  });
});
