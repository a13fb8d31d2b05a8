import { violation } from '../../support/violation';
import { startDeadline } from '../../../src/domain/deadlines';
import { LAW } from '../../../src/domain/law-references';
import {
  PROGRAMME_EVENTS,
  PROGRAMME_STATES,
  TRANSITIONS,
  availableEvents,
  isFinal,
  plannedEndDate,
  transition,
  type StartGuards,
} from '../../../src/domain/programme';

const okStart: StartGuards = {
  participationGranted: true,
  planValid: true,
  contractSigned: true,
  startDate: '2026-04-15',
  startDeadline: '2026-04-15',
};

describe('Programme state machine (integreringsloven §§ 12, 17, 18, 18 a; STYLE pattern 6)', () => {
  it('has 16 legal transitions, none from a final state, each with a known rule', () => {
    expect(TRANSITIONS).toHaveLength(16);
    for (const t of TRANSITIONS) {
      expect(isFinal(t.from)).toBe(false);
      expect(LAW[t.ruleId]).toBeDefined();
    }
  });

  it('final states: COMPLETED, INTERRUPTED, TRANSFERRED', () => {
    expect(PROGRAMME_STATES.filter(isFinal)).toEqual(['COMPLETED', 'INTERRUPTED', 'TRANSFERRED']);
  });

  it.each(TRANSITIONS.map((t) => [t.from, t.event, t.to] as const))('%s --%s--> %s is legal', (from, event, to) => {
    expect(transition(from, event, okStart)).toBe(to);
  });

  const legal = new Set(TRANSITIONS.map((t) => `${t.from}/${t.event}`));
  const illegal = PROGRAMME_STATES.flatMap((from) => PROGRAMME_EVENTS.map((event) => [from, event] as const)).filter(
    ([from, event]) => !legal.has(`${from}/${event}`),
  );

  it('there are illegal combinations to test', () => {
    expect(illegal.length).toBe(PROGRAMME_STATES.length * PROGRAMME_EVENTS.length - TRANSITIONS.length);
  });

  it.each(illegal)('%s --%s--> is refused with a RuleViolation', (from, event) => {
    const v = violation(() => transition(from, event, okStart));
    expect(v.lawReference).toBe(LAW[v.ruleId as keyof typeof LAW]);
    expect(v.details).toEqual({ from, event });
  });

  it('an illegal START cites R-5.1, an illegal HALT R-5.9, an illegal COMPLETE R-5.10', () => {
    expect(violation(() => transition('ACTIVE', 'START', okStart)).ruleId).toBe('R-5.1');
    expect(violation(() => transition('HALTED', 'HALT')).ruleId).toBe('R-5.9');
    expect(violation(() => transition('PLANNED', 'COMPLETE')).ruleId).toBe('R-5.10');
  });

  it('availableEvents', () => {
    expect(availableEvents('PLANNED')).toEqual(['START', 'INTERRUPT', 'TRANSFER']);
    expect(availableEvents('COMPLETED')).toEqual([]);
  });
});

describe('R-5.1 / R-4.2 integreringsloven §§ 12 and 16: starting the programme', () => {
  it('start exactly on the deadline: allowed without a reason', () => {
    expect(transition('PLANNED', 'START', okStart)).toBe('ACTIVE');
  });

  it('start the day after the deadline without a reason: refused (R-5.1)', () => {
    const v = violation(() => transition('PLANNED', 'START', { ...okStart, startDate: '2026-04-16' }));
    expect(v.ruleId).toBe('R-5.1');
    expect(v.message).toMatch(/reason/);
  });

  it('start the day after the deadline with a blank reason: refused', () => {
    expect(violation(() => transition('PLANNED', 'START', { ...okStart, startDate: '2026-04-16', lateStartReason: ' ' })).ruleId).toBe('R-5.1');
  });

  it('start the day after the deadline with a reason: allowed', () => {
    expect(transition('PLANNED', 'START', { ...okStart, startDate: '2026-04-16', lateStartReason: 'Participant was in hospital' })).toBe('ACTIVE');
  });

  it('no participation decision: refused (R-5.1, § 12 requires the decision before the start)', () => {
    const v = violation(() => transition('PLANNED', 'START', { ...okStart, participationGranted: false }));
    expect(v.ruleId).toBe('R-5.1');
    expect(v.message).toMatch(/decision/);
  });

  it('no valid plan: refused (R-4.2)', () => {
    expect(violation(() => transition('PLANNED', 'START', { ...okStart, planValid: false })).ruleId).toBe('R-4.2');
  });

  it('contract not signed: refused (R-4.2)', () => {
    expect(violation(() => transition('PLANNED', 'START', { ...okStart, contractSigned: false })).ruleId).toBe('R-4.2');
  });

  it('START without guards is a programming error', () => {
    expect(() => transition('PLANNED', 'START' as 'START' | 'HALT')).toThrow(TypeError);
  });

  it('the deadline from deadlines.startDeadline is met on a Sunday (not moved, R-0.3); Monday is late', () => {
    const deadline = startDeadline({ settlementDate: '2026-03-14' }); // + 3 months = Sunday 2026-06-14
    expect(deadline).toBe('2026-06-14');
    expect(transition('PLANNED', 'START', { ...okStart, startDate: '2026-06-14', startDeadline: deadline })).toBe('ACTIVE');
    expect(violation(() => transition('PLANNED', 'START', { ...okStart, startDate: '2026-06-15', startDeadline: deadline })).ruleId).toBe('R-5.1');
  });
});

describe('R-5.8 integreringsforskriften §§ 10 and 19: planned end date', () => {
  const base = { startDate: '2026-01-05', durationMonths: 12, extensionMonths: 0, countableAbsenceAndLeaveWorkingDays: 0 };

  it('12 months from 2026-01-05 ends on 2027-01-04 (the day before the same date)', () => {
    expect(plannedEndDate(base)).toEqual({ endDate: '2027-01-04', baseEndDate: '2027-01-04', addedWorkingDays: 0 });
  });

  it('extension months are added to the duration', () => {
    expect(plannedEndDate({ ...base, durationMonths: 48, extensionMonths: 12 }).endDate).toBe('2031-01-04');
  });

  it('month-end start: 2026-01-31 + 1 month ends 2026-02-27', () => {
    expect(plannedEndDate({ ...base, startDate: '2026-01-31', durationMonths: 1 }).endDate).toBe('2026-02-27');
  });

  it('10 working days of countable absence: not added', () => {
    expect(plannedEndDate({ ...base, countableAbsenceAndLeaveWorkingDays: 10 })).toMatchObject({ endDate: '2027-01-04', addedWorkingDays: 0 });
  });

  it('11 working days: all 11 are added as working days (2027-01-04 → 2027-01-19)', () => {
    expect(plannedEndDate({ ...base, countableAbsenceAndLeaveWorkingDays: 11 })).toEqual({
      endDate: '2027-01-19',
      baseEndDate: '2027-01-04',
      addedWorkingDays: 11,
    });
  });

  it('added working days skip public holidays (Easter 2027)', () => {
    // base end 2027-03-19 (Fri); 12 working days: Mar 22-24 (3), Mar 25-29 are Maundy Thu, Good Fri, weekend, Easter Mon,
    // then Mar 30-31, Apr 1-2 (7), Apr 5-9 (12) → 2027-04-09.
    expect(plannedEndDate({ ...base, startDate: '2026-03-20', countableAbsenceAndLeaveWorkingDays: 12 }).endDate).toBe('2027-04-09');
  });

  it('time already used in another municipality shortens the remaining time', () => {
    expect(plannedEndDate({ ...base, timeAlreadyUsedDays: 100 }).endDate).toBe('2026-09-26');
  });

  it('refuses when the time already used exceeds the programme time', () => {
    expect(violation(() => plannedEndDate({ ...base, durationMonths: 1, timeAlreadyUsedDays: 31 })).ruleId).toBe('R-5.7');
    expect(plannedEndDate({ ...base, durationMonths: 1, timeAlreadyUsedDays: 30 }).endDate).toBe('2026-01-05');
  });

  it('refuses negative or fractional inputs', () => {
    expect(violation(() => plannedEndDate({ ...base, countableAbsenceAndLeaveWorkingDays: -1 })).ruleId).toBe('R-5.8');
    expect(violation(() => plannedEndDate({ ...base, durationMonths: 0 })).ruleId).toBe('R-5.8');
    expect(violation(() => plannedEndDate({ ...base, extensionMonths: 0.5 })).ruleId).toBe('R-5.8');
  });
});
