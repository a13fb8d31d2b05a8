import { assertPlausibleNoticeDate, assertReportedDateNotFuture, requiredContent } from '../../../src/domain/plausibility';
import { LAW } from '../../../src/domain/law-references';
import { violation } from '../../support/violation';

describe('R-13.7 text that must carry content', () => {
  it('keeps the content, trimmed', () => {
    expect(requiredContent('  Not documented.  ', 'reasons')).toBe('Not documented.');
    expect(requiredContent('x', 'grounds')).toBe('x');
  });
  it.each(['', ' ', '   ', '\t\n ', '\u00a0', null, undefined])('refuses %p as empty after trimming, naming the field', (value) => {
    const e = violation(() => requiredContent(value, 'changeWanted'));
    expect(e.ruleId).toBe('R-13.7');
    expect(e.lawReference).toBe(LAW['R-13.7']);
    expect(e.details).toMatchObject({ field: 'changeWanted' });
  });
});

describe('R-13.7 a reported date is never after today', () => {
  const today = '2026-12-03';
  it('the day before and today are accepted', () => {
    expect(() => assertReportedDateNotFuture('2026-12-02', today, 'sentAt')).not.toThrow();
    expect(() => assertReportedDateNotFuture(today, today, 'sentAt')).not.toThrow();
  });
  it('the day after is refused', () => {
    const e = violation(() => assertReportedDateNotFuture('2026-12-04', today, 'sentAt'));
    expect(e.ruleId).toBe('R-13.7');
    expect(e.details).toMatchObject({ field: 'sentAt', date: '2026-12-04', today });
  });
});

describe('R-13.7 / R-9.2 the date the notice reached the participant', () => {
  const decidedAt = '2026-11-10';
  const today = '2026-12-03';
  it('on the decision day, between, and today: plausible', () => {
    for (const notifiedAt of [decidedAt, '2026-11-11', today]) expect(() => assertPlausibleNoticeDate({ decidedAt, notifiedAt, today })).not.toThrow();
  });
  it('the day before the decision: refused', () => {
    expect(violation(() => assertPlausibleNoticeDate({ decidedAt, notifiedAt: '2026-11-09', today })).ruleId).toBe('R-13.7');
  });
  it('the day after today (and 30 days after): refused like any other future date', () => {
    for (const notifiedAt of ['2026-12-04', '2027-01-02']) {
      const e = violation(() => assertPlausibleNoticeDate({ decidedAt, notifiedAt, today }));
      expect(e.ruleId).toBe('R-13.7');
      expect(e.details).toMatchObject({ field: 'notifiedAt' });
    }
  });
});
