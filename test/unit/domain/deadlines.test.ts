import {
  appealDeadline,
  canConsiderLateAppeal,
  detrimentNoticeDeadline,
  isAppealInTime,
  lateAppealAbsoluteBar,
  mappingDeadline,
  participationDecisionWindowEnd,
  startDeadline,
} from '../../../src/domain/deadlines';
import { RuleViolation } from '../../../src/domain/rule-violation';

describe('R-5.1 start deadline: 3 months after settlement or request (integreringsloven § 12)', () => {
  it('3 months after settlement, same day number', () => {
    expect(startDeadline({ settlementDate: '2025-06-10' })).toBe('2025-09-10');
  });
  it('a start deadline on a Saturday does NOT move (the municipality’s own deadline, R-0.3)', () => {
    expect(startDeadline({ settlementDate: '2025-08-15' })).toBe('2025-11-15'); // Saturday
  });
  it('settled 30 November → 28 February (and 29 February in a leap year)', () => {
    expect(startDeadline({ settlementDate: '2025-11-30' })).toBe('2026-02-28');
    expect(startDeadline({ settlementDate: '2027-11-30' })).toBe('2028-02-29');
  });
  it('settled 31 August → 30 November', () => {
    expect(startDeadline({ settlementDate: '2025-08-31' })).toBe('2025-11-30');
  });
  it('counts from a later request', () => {
    expect(startDeadline({ settlementDate: '2025-01-10', requestDate: '2025-04-02' })).toBe('2025-07-02');
    expect(startDeadline({ settlementDate: '2025-01-10', requestDate: '2025-01-09' })).toBe('2025-04-10'); // earlier request ignored
    expect(startDeadline({ settlementDate: '2025-01-10', requestDate: null })).toBe('2025-04-10');
  });
  it('settled the day before / of / after a month-end boundary', () => {
    expect(startDeadline({ settlementDate: '2025-11-29' })).toBe('2026-02-28');
    expect(startDeadline({ settlementDate: '2025-12-01' })).toBe('2026-03-01');
  });
});

describe('R-2.2 mapping deadline: before the programme decision (integreringsloven §§ 6 og 10)', () => {
  it('is the same date as the start deadline', () => {
    expect(mappingDeadline({ settlementDate: '2025-11-30' })).toBe('2026-02-28');
    expect(mappingDeadline({ settlementDate: '2025-01-10', requestDate: '2025-04-02' })).toBe('2025-07-02');
  });
});

describe('R-1.4 participation decision window (integreringsloven § 8 første ledd)', () => {
  it('the last day is the day before the 2-year anniversary', () => {
    expect(participationDecisionWindowEnd('2024-03-10')).toBe('2026-03-09');
    expect(participationDecisionWindowEnd('2024-02-29')).toBe('2026-02-27'); // anniversary clamps to 28 Feb
  });
});

describe('R-9.2 appeal deadline (forvaltningsloven § 29)', () => {
  it('notice on a Friday → deadline Friday three weeks later', () => {
    expect(appealDeadline({ notifiedAt: '2025-09-05' })).toEqual({ deadline: '2025-09-26', basis: 'NOTICE', awaitingReasons: false });
  });
  it('ending on a Saturday moves to Monday', () => {
    expect(appealDeadline({ notifiedAt: '2025-09-06' }).deadline).toBe('2025-09-29');
  });
  it('ending on Easter Monday moves to Tuesday', () => {
    expect(appealDeadline({ notifiedAt: '2026-03-16' }).deadline).toBe('2026-04-07');
  });
  it('ending on Maundy Thursday runs past all of Easter to Tuesday', () => {
    expect(appealDeadline({ notifiedAt: '2026-03-12' }).deadline).toBe('2026-04-07');
  });
  it('notice on the Thursday before Easter → the Thursday three weeks later', () => {
    expect(appealDeadline({ notifiedAt: '2026-04-02' }).deadline).toBe('2026-04-23');
  });
  it('ending on 17 May moves to the next working day', () => {
    expect(appealDeadline({ notifiedAt: '2029-04-26' }).deadline).toBe('2029-05-18'); // 17 May 2029 is a Thursday
    expect(appealDeadline({ notifiedAt: '2027-04-26' }).deadline).toBe('2027-05-18'); // Monday 17 May (also Whit Monday)
  });
  it('ending on Christmas Day runs past Boxing Day and the weekend', () => {
    expect(appealDeadline({ notifiedAt: '2025-12-04' }).deadline).toBe('2025-12-29');
  });

  describe('request for reasons', () => {
    const notifiedAt = '2026-01-05'; // deadline Monday 2026-01-26
    it('made before expiry starts a new 3 weeks from receipt of the reasons', () => {
      expect(appealDeadline({ notifiedAt, reasonsRequestedAt: '2026-01-20', reasonsReceivedAt: '2026-02-03' })).toEqual({
        deadline: '2026-02-24',
        basis: 'REASONS',
        awaitingReasons: false,
      });
    });
    it('made on the last day still counts', () => {
      expect(appealDeadline({ notifiedAt, reasonsRequestedAt: '2026-01-26', reasonsReceivedAt: '2026-02-03' }).basis).toBe('REASONS');
    });
    it('made the day after expiry does not', () => {
      expect(appealDeadline({ notifiedAt, reasonsRequestedAt: '2026-01-27', reasonsReceivedAt: '2026-02-03' })).toEqual({
        deadline: '2026-01-26',
        basis: 'NOTICE',
        awaitingReasons: false,
      });
    });
    it('made on the Monday a Saturday deadline moved to still counts', () => {
      expect(appealDeadline({ notifiedAt: '2025-09-06', reasonsRequestedAt: '2025-09-29', reasonsReceivedAt: '2025-10-06' })).toMatchObject({
        deadline: '2025-10-27',
        basis: 'REASONS',
      });
    });
    it('reasons not yet received: the original deadline is only a floor', () => {
      expect(appealDeadline({ notifiedAt, reasonsRequestedAt: '2026-01-20' })).toEqual({
        deadline: '2026-01-26',
        basis: 'NOTICE',
        awaitingReasons: true,
      });
    });
    it('the new deadline is itself moved off a holiday', () => {
      // reasons received Monday 2026-03-16 → Easter Monday 2026-04-06 → Tuesday
      expect(appealDeadline({ notifiedAt: '2026-03-02', reasonsRequestedAt: '2026-03-05', reasonsReceivedAt: '2026-03-16' }).deadline).toBe('2026-04-07');
    });
  });

  describe('extension (forvaltningsloven § 29 fjerde ledd)', () => {
    it('a later extended deadline replaces the computed one', () => {
      expect(appealDeadline({ notifiedAt: '2025-09-05', extendedDeadline: '2025-10-15' })).toEqual({
        deadline: '2025-10-15',
        basis: 'EXTENDED',
        awaitingReasons: false,
      });
    });
    it('an earlier or equal extended deadline is ignored', () => {
      expect(appealDeadline({ notifiedAt: '2025-09-05', extendedDeadline: '2025-09-20' }).basis).toBe('NOTICE');
      expect(appealDeadline({ notifiedAt: '2025-09-05', extendedDeadline: '2025-09-26' }).basis).toBe('NOTICE');
    });
    it('an extended deadline on a Saturday moves to Monday', () => {
      expect(appealDeadline({ notifiedAt: '2025-09-05', extendedDeadline: '2025-10-11' }).deadline).toBe('2025-10-13');
    });
  });

  describe('on time when sent on or before the deadline (forvaltningsloven § 30)', () => {
    const { deadline } = appealDeadline({ notifiedAt: '2025-09-06' }); // Monday 2025-09-29
    it.each([
      ['2025-09-28', true],
      ['2025-09-29', true],
      ['2025-09-30', false],
    ])('sent %s → in time: %s', (sentAt, expected) => {
      expect(isAppealInTime({ deadline, sentAt })).toBe(expected);
    });
  });
});

describe('R-9.3 late appeal and the 1-year bar (forvaltningsloven § 31)', () => {
  const decidedAt = '2025-03-10';
  it('the bar is one year after the decision', () => {
    expect(lateAppealAbsoluteBar(decidedAt)).toBe('2026-03-10');
    expect(lateAppealAbsoluteBar('2024-02-29')).toBe('2025-02-28');
  });
  it('the day before the bar: may be considered on a ground', () => {
    expect(canConsiderLateAppeal({ decidedAt, receivedAt: '2026-03-09', ground: 'SPECIAL_REASONS' })).toBe(true);
  });
  it('the day of the bar: exactly 1 year, not more, so still possible', () => {
    expect(canConsiderLateAppeal({ decidedAt, receivedAt: '2026-03-10', ground: 'PARTY_NOT_TO_BLAME' })).toBe(true);
  });
  it('the day after the bar: never', () => {
    expect(() => canConsiderLateAppeal({ decidedAt, receivedAt: '2026-03-11', ground: 'PARTY_NOT_TO_BLAME' })).toThrow(RuleViolation);
    try {
      canConsiderLateAppeal({ decidedAt, receivedAt: '2026-03-11', ground: 'PARTY_NOT_TO_BLAME' });
    } catch (e) {
      expect(e).toMatchObject({ ruleId: 'R-9.3', lawReference: 'forvaltningsloven § 31' });
    }
  });
  it('without a recorded ground: refused', () => {
    expect(() => canConsiderLateAppeal({ decidedAt, receivedAt: '2025-05-01', ground: null })).toThrow(/special reasons/);
  });
});

describe('R-9.7 detriment notice within 3 months of receiving the appeal (forvaltningsloven § 34)', () => {
  it('3 months, not moved off weekends', () => {
    expect(detrimentNoticeDeadline('2025-11-30')).toBe('2026-02-28'); // Saturday, not moved
    expect(detrimentNoticeDeadline('2026-01-15')).toBe('2026-04-15');
  });
});

describe('R-9.2 an extended deadline does not end the wait for requested reasons (forvaltningsloven §§ 29, 24)', () => {
  test('reasons requested in time and not yet received: still awaiting them after an extension', () => {
    const { appealDeadline: deadlineOf } = jest.requireActual('../../../src/domain/deadlines') as typeof import('../../../src/domain/deadlines');
    const d = deadlineOf({ notifiedAt: '2026-03-02', reasonsRequestedAt: '2026-03-10', extendedDeadline: '2026-04-30' });
    expect(d).toEqual({ deadline: '2026-04-30', basis: 'EXTENDED', awaitingReasons: true });
  });
});
