import {
  appealDecisionDuty,
  appealFollowUpDuty,
  appealReviewDuty,
  careLeaveFollowUpDuty,
  careLeaveFourthMonthStart,
  compareDuties,
  decisionNoticeDuty,
  detrimentNoticeDuty,
  guidanceReferralDuty,
  guidanceUseDuty,
  mappingDuty,
  programmeEndingDuty,
  startDuty,
} from '../../../src/domain/worklist';

const before = { status: 'REGISTERED', settlementDate: '2026-01-31', requestDate: null, mappingCompleted: false, participationOutcome: null } as const;

describe('R-2.2 mapping due before the programme decision (integreringsloven §§ 6 og 10)', () => {
  it('due on the start deadline (31 Jan + 3 months = 30 Apr), overdue only from the day after', () => {
    expect(mappingDuty(before, '2026-04-29')).toMatchObject({ kind: 'MAPPING_DUE', ruleId: 'R-2.2', dueDate: '2026-04-30', overdue: false });
    expect(mappingDuty(before, '2026-04-30')?.overdue).toBe(false);
    expect(mappingDuty(before, '2026-05-01')).toMatchObject({ overdue: true, lawReference: 'integreringsloven §§ 6 og 10', action: 'COMPLETE_MAPPING' });
  });
  it('a Saturday due date does not move (the municipality’s own deadline, R-0.3)', () => {
    expect(mappingDuty({ ...before, settlementDate: '2025-08-15' }, '2025-09-01')?.dueDate).toBe('2025-11-15');
  });
  it('counts from a later request', () => {
    expect(mappingDuty({ ...before, requestDate: '2026-03-02' }, '2026-03-02')?.dueDate).toBe('2026-06-02');
  });
  it('no duty once mapped, once a participation decision is made, when not settled, or after the start', () => {
    expect(mappingDuty({ ...before, mappingCompleted: true }, '2026-02-01')).toBeNull();
    expect(mappingDuty({ ...before, participationOutcome: 'GRANTED' }, '2026-02-01')).toBeNull();
    expect(mappingDuty({ ...before, settlementDate: null }, '2026-02-01')).toBeNull();
    expect(mappingDuty({ ...before, status: 'ACTIVE' }, '2026-02-01')).toBeNull();
  });
});

describe('R-5.1 participation decision and start due (integreringsloven § 12)', () => {
  it('without a decision: make it; with a granted one: start; overdue the day after the deadline', () => {
    expect(startDuty(before, '2026-04-30')).toMatchObject({
      kind: 'PROGRAMME_START_DUE',
      dueDate: '2026-04-30',
      overdue: false,
      action: 'MAKE_PARTICIPATION_DECISION',
    });
    expect(startDuty({ ...before, status: 'PLANNED', participationOutcome: 'GRANTED' }, '2026-05-01')).toMatchObject({
      overdue: true,
      action: 'START_PROGRAMME',
      lawReference: 'integreringsloven § 12',
    });
  });
  it('no duty after a refusal, after the start, or without a settlement date', () => {
    expect(startDuty({ ...before, participationOutcome: 'REFUSED' }, '2026-02-01')).toBeNull();
    expect(startDuty({ ...before, status: 'ACTIVE' }, '2026-02-01')).toBeNull();
    expect(startDuty({ ...before, status: 'INTERRUPTED' }, '2026-02-01')).toBeNull();
    expect(startDuty({ ...before, settlementDate: null }, '2026-02-01')).toBeNull();
  });
});

describe('R-8.2 decision notice not yet recorded (forvaltningsloven §§ 24–27)', () => {
  it('due the day of the decision, overdue the day after; none once the notice is recorded', () => {
    expect(decisionNoticeDuty({ decidedAt: '2026-03-10', notifiedAt: null }, '2026-03-10')).toMatchObject({ dueDate: '2026-03-10', overdue: false });
    expect(decisionNoticeDuty({ decidedAt: '2026-03-10', notifiedAt: null }, '2026-03-11')).toMatchObject({ overdue: true, action: 'RECORD_DECISION_NOTICE' });
    expect(decisionNoticeDuty({ decidedAt: '2026-03-10', notifiedAt: '2026-03-12' }, '2026-03-13')).toBeNull();
  });
});

describe('R-9.4 appeal received and not reviewed (forvaltningsloven § 33)', () => {
  it('flagged when the municipality has had it longer than 3 weeks (same weekday), or another number of weeks', () => {
    const a = { state: 'RECEIVED', receivedAt: '2026-03-02' };
    expect(appealReviewDuty(a, '2026-03-23')).toMatchObject({
      dueDate: '2026-03-23',
      overdue: false,
      action: 'START_APPEAL_REVIEW',
      lawReference: 'forvaltningsloven § 33',
    });
    expect(appealReviewDuty(a, '2026-03-24')?.overdue).toBe(true);
    expect(appealReviewDuty(a, '2026-03-17', 2)).toMatchObject({ dueDate: '2026-03-16', overdue: true });
    expect(appealReviewDuty({ ...a, state: 'UNDER_REVIEW' }, '2026-03-03')?.action).toBe('FINISH_APPEAL_REVIEW');
  });
  it('a 3-week flag ending on Easter Monday does not move', () => {
    expect(appealReviewDuty({ state: 'RECEIVED', receivedAt: '2026-03-16' }, '2026-03-17')?.dueDate).toBe('2026-04-06');
  });
  it('no duty once reviewed (forwarded, reversed, dismissed, closed)', () => {
    for (const state of ['FORWARDED', 'REVERSED', 'DISMISSED', 'CLOSED', 'PARTLY_REVERSED_AND_FORWARDED']) {
      expect(appealReviewDuty({ state, receivedAt: '2026-03-02' }, '2026-03-03')).toBeNull();
    }
  });
});

describe('R-9.7 detriment-notice deadline (forvaltningsloven § 34 tredje ledd)', () => {
  const a = { state: 'FORWARDED', receivedAt: '2025-11-30', detrimentNoticeAt: null };
  it('3 months after the appeal was received (30 Nov → 28 Feb), shown to the last day, gone the day after', () => {
    expect(detrimentNoticeDuty(a, '2026-02-27')).toMatchObject({ dueDate: '2026-02-28', overdue: false, lawReference: 'forvaltningsloven § 34 tredje ledd' });
    expect(detrimentNoticeDuty(a, '2026-02-28')?.overdue).toBe(false);
    expect(detrimentNoticeDuty(a, '2026-03-01')).toBeNull();
  });
  it('none once a notice is sent or the appeal is decided', () => {
    expect(detrimentNoticeDuty({ ...a, detrimentNoticeAt: '2026-01-10' }, '2026-01-11')).toBeNull();
    expect(detrimentNoticeDuty({ ...a, state: 'DECIDED_BY_STATSFORVALTER' }, '2026-01-11')).toBeNull();
    expect(detrimentNoticeDuty({ ...a, state: 'UNDER_REVIEW' }, '2026-01-11')).not.toBeNull();
  });
});

describe('R-9.6 Statsforvalter outcome needing follow-up (integreringsloven § 47)', () => {
  it('CHANGED or QUASHED_AND_RETURNED without a follow-up decision: due one month after the outcome (31 Jan → 28 Feb)', () => {
    const a = { outcome: 'QUASHED_AND_RETURNED', outcomeDecidedAt: '2026-01-31', followUpDecisionId: null };
    expect(appealFollowUpDuty(a, '2026-02-28')).toMatchObject({ dueDate: '2026-02-28', overdue: false, action: 'RECORD_FOLLOW_UP_DECISION' });
    expect(appealFollowUpDuty(a, '2026-03-01')?.overdue).toBe(true);
    expect(appealFollowUpDuty({ ...a, outcome: 'CHANGED' }, '2026-02-01')).not.toBeNull();
  });
  it('none for UPHELD or DISMISSED, or once the follow-up is recorded', () => {
    expect(appealFollowUpDuty({ outcome: 'UPHELD', outcomeDecidedAt: '2026-01-31', followUpDecisionId: null }, '2026-02-01')).toBeNull();
    expect(appealFollowUpDuty({ outcome: 'DISMISSED', outcomeDecidedAt: '2026-01-31', followUpDecisionId: null }, '2026-02-01')).toBeNull();
    expect(appealFollowUpDuty({ outcome: 'CHANGED', outcomeDecidedAt: '2026-01-31', followUpDecisionId: 'x' }, '2026-02-01')).toBeNull();
  });
});

describe('R-6.2 care leave in its fourth month (integreringsforskriften § 16)', () => {
  it('the fourth month begins three months after the first day (1 Jan → 1 Apr; 30 Nov → 28 Feb)', () => {
    expect(careLeaveFourthMonthStart('2026-01-01')).toBe('2026-04-01');
    expect(careLeaveFourthMonthStart('2025-11-30')).toBe('2026-02-28');
  });
  it('a leave that reaches the fourth month is a duty from before it until the leave ends', () => {
    const leave = { fromDate: '2026-01-01', toDate: '2026-06-30' };
    expect(careLeaveFollowUpDuty(leave, '2026-03-31')).toMatchObject({ dueDate: '2026-04-01', overdue: false, ruleId: 'R-6.2' });
    expect(careLeaveFollowUpDuty(leave, '2026-04-02')?.overdue).toBe(true);
    expect(careLeaveFollowUpDuty(leave, '2026-06-30')).not.toBeNull();
    expect(careLeaveFollowUpDuty(leave, '2026-07-01')).toBeNull();
  });
  it('a leave that ends the day before the fourth month is no duty; one that ends on its first day is', () => {
    expect(careLeaveFollowUpDuty({ fromDate: '2026-01-01', toDate: '2026-03-31' }, '2026-02-01')).toBeNull();
    expect(careLeaveFollowUpDuty({ fromDate: '2026-01-01', toDate: '2026-04-01' }, '2026-02-01')).not.toBeNull();
  });
});

describe('R-5.10 programme ending within 30 days (integreringsloven § 18 a)', () => {
  it('shown from 30 days before the planned end; past the end it is to be ended', () => {
    const p = { state: 'ACTIVE', plannedEndDate: '2026-05-31' };
    expect(programmeEndingDuty(p, '2026-04-30')).toBeNull();
    expect(programmeEndingDuty(p, '2026-05-01')).toMatchObject({ dueDate: '2026-05-31', action: 'PREPARE_PROGRAMME_END', overdue: false });
    expect(programmeEndingDuty(p, '2026-05-31')?.action).toBe('PREPARE_PROGRAMME_END');
    expect(programmeEndingDuty(p, '2026-06-01')).toMatchObject({ action: 'END_PROGRAMME', overdue: true });
  });
  it('only running programmes', () => {
    expect(programmeEndingDuty({ state: 'COMPLETED', plannedEndDate: '2026-05-31' }, '2026-05-20')).toBeNull();
    expect(programmeEndingDuty({ state: 'PLANNED', plannedEndDate: '2026-05-31' }, '2026-05-20')).toBeNull();
    expect(programmeEndingDuty({ state: 'HALTED', plannedEndDate: '2026-05-31' }, '2026-05-20')).not.toBeNull();
  });
});

describe('R-3.3 guidance recommendation not yet used in a plan (integreringsloven § 11)', () => {
  it('due one month after it was submitted; none once a plan version builds on it', () => {
    const r = { state: 'COMPLETED', submittedOn: '2026-03-31', usedInPlan: false };
    expect(guidanceUseDuty(r, '2026-04-30')).toMatchObject({ dueDate: '2026-04-30', overdue: false, action: 'USE_GUIDANCE_IN_PLAN' });
    expect(guidanceUseDuty(r, '2026-05-01')?.overdue).toBe(true);
    expect(guidanceUseDuty({ ...r, usedInPlan: true }, '2026-05-01')).toBeNull();
    expect(guidanceUseDuty({ ...r, state: 'IN_PROGRESS' }, '2026-05-01')).toBeNull();
  });
});

describe('R-3.2 the county: open referrals, due by the start deadline (integreringsloven § 11)', () => {
  it('by the start deadline, or a month after a referral made after it', () => {
    expect(guidanceReferralDuty({ state: 'OPEN', referredOn: '2026-02-01', startDeadline: '2026-04-30' }, '2026-02-02')).toMatchObject({
      dueDate: '2026-04-30',
      action: 'START_GUIDANCE',
      ruleId: 'R-3.2',
    });
    expect(guidanceReferralDuty({ state: 'IN_PROGRESS', referredOn: '2026-04-30', startDeadline: '2026-04-30' }, '2026-05-01')).toMatchObject({
      dueDate: '2026-04-30',
      overdue: true,
      action: 'SUBMIT_GUIDANCE',
    });
    expect(guidanceReferralDuty({ state: 'OPEN', referredOn: '2026-05-01', startDeadline: '2026-04-30' }, '2026-05-01')?.dueDate).toBe('2026-06-01');
    expect(guidanceReferralDuty({ state: 'OPEN', referredOn: '2026-05-01', startDeadline: null }, '2026-05-01')?.dueDate).toBe('2026-06-01');
    expect(guidanceReferralDuty({ state: 'COMPLETED', referredOn: '2026-05-01', startDeadline: null }, '2026-05-01')).toBeNull();
  });
});

describe('R-9.6 Statsforvalteren: forwarded appeals awaiting a decision', () => {
  it('due one month after forwarding; none once decided', () => {
    expect(appealDecisionDuty({ state: 'FORWARDED', forwardedOn: '2026-01-31' }, '2026-02-28')).toMatchObject({ dueDate: '2026-02-28', overdue: false });
    expect(appealDecisionDuty({ state: 'PARTLY_REVERSED_AND_FORWARDED', forwardedOn: '2026-01-31' }, '2026-03-01')?.overdue).toBe(true);
    expect(appealDecisionDuty({ state: 'DECIDED_BY_STATSFORVALTER', forwardedOn: '2026-01-31' }, '2026-03-01')).toBeNull();
  });
});

test('the order: due date, then kind, then id', () => {
  const items = [
    { dueDate: '2026-02-02', kind: 'MAPPING_DUE' as const, id: 'a' },
    { dueDate: '2026-02-01', kind: 'PROGRAMME_START_DUE' as const, id: 'b' },
    { dueDate: '2026-02-01', kind: 'MAPPING_DUE' as const, id: 'c' },
    { dueDate: '2026-02-01', kind: 'MAPPING_DUE' as const, id: 'b' },
  ];
  expect([...items].sort(compareDuties).map((i) => `${i.dueDate} ${i.kind} ${i.id}`)).toEqual([
    '2026-02-01 MAPPING_DUE b',
    '2026-02-01 MAPPING_DUE c',
    '2026-02-01 PROGRAMME_START_DUE b',
    '2026-02-02 MAPPING_DUE a',
  ]);
});
