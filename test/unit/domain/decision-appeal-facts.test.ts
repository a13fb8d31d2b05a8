import { appealRecording, appealRecordingAllowed, APPEAL_STATES } from '../../../src/domain/appeal';
import { appealDatesOf, assessAppealTimeliness } from '../../../src/domain/appeal-timeliness';
import { appealDeadline, validateAppealDeadlineExtension } from '../../../src/domain/deadlines';
import { assertPlausibleReasonsRequest } from '../../../src/domain/plausibility';
import { violation } from '../../support/violation';

// Notice Tuesday 6 October 2026 → deadline Tuesday 27 October.
const decidedAt = '2026-10-05';
const notifiedAt = '2026-10-06';
const today = '2026-12-03';

describe('R-9.2 / R-13.8 an extension of the appeal deadline is granted before it expires', () => {
  const current = appealDeadline({ notifiedAt });
  const ok = (grantedOn: string, extendedTo = '2026-11-10') => validateAppealDeadlineExtension({ decidedAt, current, grantedOn, extendedTo, today });

  it('granted the day before and on the day the deadline expires: accepted', () => {
    expect(current.deadline).toBe('2026-10-27');
    expect(() => ok('2026-10-26')).not.toThrow();
    expect(() => ok('2026-10-27')).not.toThrow();
  });
  it('granted the day after it expired: refused under R-9.2', () => {
    expect(violation(() => ok('2026-10-28')).ruleId).toBe('R-9.2');
  });
  it('to the deadline itself or earlier: refused; to the day after: accepted', () => {
    expect(violation(() => ok('2026-10-20', '2026-10-27')).ruleId).toBe('R-9.2');
    expect(violation(() => ok('2026-10-20', '2026-10-26')).ruleId).toBe('R-9.2');
    expect(() => ok('2026-10-20', '2026-10-28')).not.toThrow();
  });
  it('before the decision, or granted on a day still to come: refused', () => {
    expect(violation(() => ok('2026-10-04')).ruleId).toBe('R-9.2');
    expect(
      violation(() => validateAppealDeadlineExtension({ decidedAt, current, grantedOn: '2026-10-20', extendedTo: '2026-11-10', today: '2026-10-19' })).ruleId,
    ).toBe('R-13.7');
  });
  it('without a notice there is no running deadline to extend', () => {
    expect(
      violation(() => validateAppealDeadlineExtension({ decidedAt, current: null, grantedOn: '2026-10-20', extendedTo: '2026-11-10', today })).ruleId,
    ).toBe('R-9.2');
  });
  it('while reasons requested in time are awaited the deadline has not begun: an extension is not late', () => {
    const awaiting = appealDeadline({ notifiedAt, reasonsRequestedAt: '2026-10-20' });
    expect(awaiting.awaitingReasons).toBe(true);
    expect(() => validateAppealDeadlineExtension({ decidedAt, current: awaiting, grantedOn: '2026-11-02', extendedTo: '2026-11-20', today })).not.toThrow();
  });
});

describe('R-13.8 the decision’s facts decide every appeal against it', () => {
  const appeal = { sentAt: '2026-10-29', receivedAt: '2026-10-30' };
  it('a later notice date moves the deadline: an appeal late on the old one is in time on the corrected one', () => {
    expect(assessAppealTimeliness(appealDatesOf({ decidedAt, notifiedAt }, appeal)).filedInTime).toBe(false);
    const corrected = assessAppealTimeliness(appealDatesOf({ decidedAt, notifiedAt: '2026-10-08' }, appeal));
    expect(corrected).toMatchObject({ deadline: '2026-10-29', basis: 'NOTICE', filedInTime: true });
    // Sent the day after the corrected deadline: late.
    expect(assessAppealTimeliness(appealDatesOf({ decidedAt, notifiedAt: '2026-10-08' }, { ...appeal, sentAt: '2026-10-30' })).filedInTime).toBe(false);
  });
  it("the decision's extension holds over the appeal's own; the appeal's counts where the decision has none", () => {
    expect(
      appealDatesOf({ decidedAt, notifiedAt, appealDeadlineExtendedTo: '2026-11-10' }, { ...appeal, extendedDeadline: '2026-11-01' }).extendedDeadline,
    ).toBe('2026-11-10');
    expect(appealDatesOf({ decidedAt, notifiedAt }, { ...appeal, extendedDeadline: '2026-11-01' }).extendedDeadline).toBe('2026-11-01');
  });
  it("a request for reasons on the decision brings its receipt with it, never the appeal's", () => {
    const d = appealDatesOf(
      { decidedAt, notifiedAt, reasonsRequestedAt: '2026-10-20', reasonsReceivedAt: null },
      { ...appeal, reasonsReceivedAt: '2026-10-25' },
    );
    expect(d).toMatchObject({ reasonsRequestedAt: '2026-10-20', reasonsReceivedAt: null });
    expect(assessAppealTimeliness(d)).toMatchObject({ awaitingReasons: true, filedInTime: true });
  });
  it('re-judging is a recording step allowed until Statsforvalteren decides or the appeal is closed', () => {
    const allowed = APPEAL_STATES.filter((s) => appealRecordingAllowed(s, 'REJUDGE_TIMELINESS'));
    expect(allowed.sort()).toEqual(['DISMISSED', 'FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED', 'RECEIVED', 'REVERSED', 'UNDER_REVIEW']);
    expect(appealRecording('FORWARDED', 'REJUDGE_TIMELINESS')).toBe('FORWARDED');
    expect(violation(() => appealRecording('DECIDED_BY_STATSFORVALTER', 'REJUDGE_TIMELINESS')).ruleId).toBe('R-13.8');
    expect(violation(() => appealRecording('CLOSED', 'REJUDGE_TIMELINESS')).ruleId).toBe('R-13.8');
  });
});

describe('R-13.7 a request for reasons and its receipt are plausible dates', () => {
  const check = (requestedAt: string, receivedAt: string | null = null) => assertPlausibleReasonsRequest({ decidedAt, requestedAt, receivedAt, today });
  it('requested on the decision day, received the same day: accepted', () => expect(() => check(decidedAt, decidedAt)).not.toThrow());
  it('requested the day before the decision: refused', () => expect(violation(() => check('2026-10-04')).ruleId).toBe('R-13.7'));
  it('received the day before it was requested: refused', () => expect(violation(() => check('2026-10-10', '2026-10-09')).ruleId).toBe('R-13.7'));
  it('requested or received tomorrow: refused', () => {
    expect(violation(() => check('2026-12-04')).ruleId).toBe('R-13.7');
    expect(violation(() => check('2026-12-01', '2026-12-04')).ruleId).toBe('R-13.7');
    expect(() => check('2026-12-01', today)).not.toThrow();
  });
});
