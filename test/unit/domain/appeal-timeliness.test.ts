import { violation } from '../../support/violation';
import { appealDateProblems, assertAppealMayBeConsidered, assessAppealTimeliness, LATE_APPEAL_GROUNDS } from '../../../src/domain/appeal-timeliness';
import { LAW } from '../../../src/domain/law-references';

describe('R-9.2 the deadline of an appeal (forvaltningsloven § 29, domstolloven § 148)', () => {
  it('notice on a Friday → deadline the Friday three weeks later; sent that day is in time, the next day is late', () => {
    const base = { decidedAt: '2025-09-01', notifiedAt: '2025-09-05', receivedAt: '2025-09-29' };
    expect(assessAppealTimeliness({ ...base, sentAt: '2025-09-26' })).toMatchObject({ deadline: '2025-09-26', basis: 'NOTICE', filedInTime: true });
    expect(assessAppealTimeliness({ ...base, sentAt: '2025-09-27' })).toMatchObject({ deadline: '2025-09-26', filedInTime: false });
  });

  it('notice on Maundy Thursday (the Thursday before Easter, itself a holiday) → the Thursday three weeks later', () => {
    // Easter Sunday 2026 is 5 April; Maundy Thursday 2 April. Three weeks later, Thursday 23 April, is a working day.
    const t = assessAppealTimeliness({ decidedAt: '2026-03-31', notifiedAt: '2026-04-02', sentAt: '2026-04-23', receivedAt: '2026-04-24' });
    expect(t).toMatchObject({ deadline: '2026-04-23', filedInTime: true });
  });

  it('notice on the Thursday three weeks before Easter → the deadline falls on Maundy Thursday and runs past Easter to Tuesday', () => {
    const t = assessAppealTimeliness({ decidedAt: '2026-03-10', notifiedAt: '2026-03-12', sentAt: '2026-04-07', receivedAt: '2026-04-08' });
    expect(t).toMatchObject({ deadline: '2026-04-07', filedInTime: true });
    expect(assessAppealTimeliness({ decidedAt: '2026-03-10', notifiedAt: '2026-03-12', sentAt: '2026-04-08', receivedAt: '2026-04-09' }).filedInTime).toBe(
      false,
    );
  });

  it('a deadline falling on 17 May moves to the next working day', () => {
    // 17 May 2029 is a Thursday (Constitution Day): sent on Friday 18 May is still in time.
    const t = assessAppealTimeliness({ decidedAt: '2029-04-20', notifiedAt: '2029-04-26', sentAt: '2029-05-18', receivedAt: '2029-05-22' });
    expect(t).toMatchObject({ deadline: '2029-05-18', filedInTime: true });
    expect(assessAppealTimeliness({ decidedAt: '2029-04-20', notifiedAt: '2029-04-26', sentAt: '2029-05-19', receivedAt: '2029-05-22' }).filedInTime).toBe(
      false,
    );
  });

  it('a request for reasons before expiry restarts the deadline: 3 weeks from receipt of the reasons', () => {
    const base = { decidedAt: '2026-01-02', notifiedAt: '2026-01-05', reasonsRequestedAt: '2026-01-20', reasonsReceivedAt: '2026-02-03' };
    // Without the request the deadline would be Monday 26 January; with it, Tuesday 24 February.
    expect(assessAppealTimeliness({ ...base, sentAt: '2026-02-24', receivedAt: '2026-02-25' })).toMatchObject({
      deadline: '2026-02-24',
      basis: 'REASONS',
      filedInTime: true,
    });
    expect(assessAppealTimeliness({ ...base, sentAt: '2026-02-25', receivedAt: '2026-02-26' }).filedInTime).toBe(false);
  });

  it('a request for reasons after expiry restarts nothing', () => {
    const t = assessAppealTimeliness({
      decidedAt: '2026-01-02',
      notifiedAt: '2026-01-05',
      reasonsRequestedAt: '2026-01-27',
      reasonsReceivedAt: '2026-02-03',
      sentAt: '2026-02-10',
      receivedAt: '2026-02-11',
    });
    expect(t).toMatchObject({ deadline: '2026-01-26', basis: 'NOTICE', filedInTime: false });
  });

  it('an appeal sent while requested reasons are still awaited is in time: the new 3 weeks have not begun', () => {
    const t = assessAppealTimeliness({
      decidedAt: '2026-01-02',
      notifiedAt: '2026-01-05',
      reasonsRequestedAt: '2026-01-20',
      sentAt: '2026-02-20',
      receivedAt: '2026-02-23',
    });
    expect(t).toMatchObject({ awaitingReasons: true, filedInTime: true });
  });

  it('an extended deadline (fvl § 29 fourth para) replaces a shorter one', () => {
    const t = assessAppealTimeliness({
      decidedAt: '2025-09-01',
      notifiedAt: '2025-09-05',
      extendedDeadline: '2025-10-15',
      sentAt: '2025-10-15',
      receivedAt: '2025-10-16',
    });
    expect(t).toMatchObject({ deadline: '2025-10-15', basis: 'EXTENDED', filedInTime: true });
  });
});

describe('R-9.3 late appeals and the 1-year bar (forvaltningsloven § 31)', () => {
  const late = { decidedAt: '2025-03-10', notifiedAt: '2025-03-12', sentAt: '2026-03-09' };

  it('received on the anniversary of the decision: late, but not past the bar', () => {
    const t = assessAppealTimeliness({ ...late, receivedAt: '2026-03-10' });
    expect(t).toMatchObject({ filedInTime: false, lateAppealLastDay: '2026-03-10', pastAbsoluteBar: false });
  });

  it('received the day after: past the bar', () => {
    expect(assessAppealTimeliness({ ...late, receivedAt: '2026-03-11' }).pastAbsoluteBar).toBe(true);
  });

  it('an appeal in time is never past the bar, even when notice came more than a year after the decision', () => {
    const t = assessAppealTimeliness({ decidedAt: '2025-01-10', notifiedAt: '2026-02-02', sentAt: '2026-02-20', receivedAt: '2026-02-23' });
    expect(t).toMatchObject({ filedInTime: true, pastAbsoluteBar: false });
    expect(() => assertAppealMayBeConsidered({ filedInTime: true, decidedAt: '2025-01-10', receivedAt: '2026-02-23', lateGround: null })).not.toThrow();
  });

  it('a late appeal may be considered only with a recorded ground', () => {
    const v = violation(() => assertAppealMayBeConsidered({ filedInTime: false, decidedAt: late.decidedAt, receivedAt: '2025-05-01', lateGround: null }));
    expect(v).toMatchObject({ ruleId: 'R-9.3', lawReference: LAW['R-9.3'] });
    for (const ground of LATE_APPEAL_GROUNDS) {
      expect(() => assertAppealMayBeConsidered({ filedInTime: false, decidedAt: late.decidedAt, receivedAt: '2025-05-01', lateGround: ground })).not.toThrow();
    }
  });

  it('never once more than 1 year has passed since the decision, whatever the ground', () => {
    expect(() =>
      assertAppealMayBeConsidered({ filedInTime: false, decidedAt: late.decidedAt, receivedAt: '2026-03-10', lateGround: 'SPECIAL_REASONS' }),
    ).not.toThrow();
    const v = violation(() =>
      assertAppealMayBeConsidered({ filedInTime: false, decidedAt: late.decidedAt, receivedAt: '2026-03-11', lateGround: 'SPECIAL_REASONS' }),
    );
    expect(v).toMatchObject({ ruleId: 'R-9.3', details: expect.objectContaining({ lastDay: '2026-03-10' }) });
  });

  it('the bar from 29 February is 28 February the year after (R-0.3)', () => {
    expect(assessAppealTimeliness({ decidedAt: '2028-02-29', notifiedAt: '2028-03-01', sentAt: '2029-02-27', receivedAt: '2029-02-28' })).toMatchObject({
      lateAppealLastDay: '2029-02-28',
      pastAbsoluteBar: false,
    });
  });
});

describe('appeal dates that contradict each other', () => {
  const ok = { decidedAt: '2026-01-02', notifiedAt: '2026-01-05', sentAt: '2026-01-10', receivedAt: '2026-01-12' };
  it('consistent dates: no problems', () => {
    expect(appealDateProblems(ok, '2026-01-12')).toEqual([]);
  });
  it.each([
    [{ receivedAt: '2026-01-13' }, '2026-01-12', 'receivedAt'],
    [{ sentAt: '2026-01-13', receivedAt: '2026-01-12' }, '2026-02-01', 'sentAt'],
    [{ sentAt: '2026-01-01' }, '2026-02-01', 'sentAt'],
    [{ reasonsReceivedAt: '2026-01-08' }, '2026-02-01', 'reasonsReceivedAt'],
    [{ reasonsRequestedAt: '2026-01-01' }, '2026-02-01', 'reasonsRequestedAt'],
    [{ reasonsRequestedAt: '2026-01-08', reasonsReceivedAt: '2026-01-07' }, '2026-02-01', 'reasonsReceivedAt'],
  ] as const)('%o (today %s) → %s', (over, today, field) => {
    expect(appealDateProblems({ ...ok, ...over }, today).map((p) => p.field)).toContain(field);
  });
});
