import { violation } from '../../support/violation';
import {
  END_GOALS_BY_RECOMMENDATION,
  FINAL_REFERRAL_STATES,
  INITIAL_REFERRAL_STATE,
  REFERRAL_EVENTS,
  REFERRAL_STATES,
  REFERRAL_TRANSITIONS,
  assertGuidanceSubmittedForPlan,
  assertMappingCompleteAtSubmission,
  assertMappingCompleteForGuidance,
  availableReferralEvents,
  guidanceAfterParticipationDecision,
  guidanceCountyOf,
  guidanceGivenByMunicipalityItself,
  openMoreThan14Days,
  referralDaysOpen,
  referralTransition,
  validateRecommendation,
} from '../../../src/domain/career-guidance';
import { addDays } from '../../../src/domain/calendar';
import { END_GOALS } from '../../../src/domain/end-goal';
import { LAW } from '../../../src/domain/law-references';
import { RuleViolation } from '../../../src/domain/rule-violation';

describe('R-3.1 integreringsloven § 4 / § 11: the county that gives the guidance', () => {
  it.each([
    ['4601', '46'], // Bergen → Vestland
    ['1103', '11'], // Stavanger → Rogaland
    ['5001', '50'], // Trondheim → Trøndelag
    ['5636', '56'], // Nesseby → Finnmark
  ])('a referral from %s goes to county %s', (municipality, county) => {
    expect(guidanceCountyOf(municipality)).toBe(county);
    expect(guidanceGivenByMunicipalityItself(municipality)).toBe(false);
  });

  it("Oslo's referrals go to county 03, whose tasks Oslo municipality does itself", () => {
    expect(guidanceCountyOf('0301')).toBe('03');
    expect(guidanceGivenByMunicipalityItself('0301')).toBe(true);
  });

  it.each(['460', '46011', 'abcd', ''])('refuses a malformed municipality number %p', (n) => {
    expect(() => guidanceCountyOf(n)).toThrow(RangeError);
  });
});

describe('R-3.2 integreringsloven § 11: guidance builds on the completed mapping', () => {
  it('allows a referral when the mapping is COMPLETED', () => {
    expect(() => assertMappingCompleteForGuidance('COMPLETED')).not.toThrow();
  });

  it.each([null, undefined, 'IN_PROGRESS'])('refuses a referral when the mapping is %p, naming the section', (status) => {
    const v = violation(() => assertMappingCompleteForGuidance(status));
    expect(v.ruleId).toBe('R-3.2');
    expect(v.lawReference).toBe(LAW['R-3.2']);
    expect(v.message).toContain('§ 11');
  });
});

describe('the referral lifecycle', () => {
  it('has exactly the documented transitions', () => {
    const legal: string[] = [];
    for (const from of REFERRAL_STATES) {
      for (const event of REFERRAL_EVENTS) {
        try {
          legal.push(`${from} -${event}-> ${referralTransition(from, event)}`);
        } catch (e) {
          expect(e).toBeInstanceOf(RuleViolation);
        }
      }
    }
    expect(legal.sort()).toEqual(['IN_PROGRESS -SUBMIT-> COMPLETED', 'OPEN -START-> IN_PROGRESS', 'OPEN -WITHDRAW-> WITHDRAWN']);
  });

  it('refuses to withdraw a referral the county has started, and to submit one not started', () => {
    const w = violation(() => referralTransition('IN_PROGRESS', 'WITHDRAW'));
    expect(w.message).toMatch(/IN_PROGRESS/);
    expect(w.lawReference).toBe(LAW['R-3.1']);
    const s = violation(() => referralTransition('OPEN', 'SUBMIT'));
    expect(s.ruleId).toBe('R-3.3');
  });

  it('has no events from the final states', () => {
    expect(availableReferralEvents('COMPLETED')).toEqual([]);
    expect(availableReferralEvents('WITHDRAWN')).toEqual([]);
    expect(availableReferralEvents('OPEN').sort()).toEqual(['START', 'WITHDRAW']);
  });

  it('reachability: every state is reachable from OPEN, every other state can move on, the final states cannot', () => {
    const reached = new Set<string>([INITIAL_REFERRAL_STATE]);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of REFERRAL_TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...REFERRAL_STATES].sort());
    for (const state of REFERRAL_STATES) {
      const exits = availableReferralEvents(state);
      if (FINAL_REFERRAL_STATES.includes(state)) expect({ state, exits }).toEqual({ state, exits: [] });
      else expect(exits.length).toBeGreaterThan(0);
    }
    expect([...FINAL_REFERRAL_STATES].sort()).toEqual(['COMPLETED', 'WITHDRAWN']);
    // Every transition names a rule of the law.
    for (const t of REFERRAL_TRANSITIONS) expect(LAW[t.ruleId]).toBeDefined();
  });
});

describe('R-4.1 integreringsloven § 15: a plan records only guidance that was given', () => {
  it('COMPLETED guidance can be recorded', () => {
    expect(() => assertGuidanceSubmittedForPlan('COMPLETED')).not.toThrow();
  });
  it.each(['OPEN', 'IN_PROGRESS', 'WITHDRAWN'] as const)('a %s referral cannot', (state) => {
    const v = violation(() => assertGuidanceSubmittedForPlan(state));
    expect(v).toMatchObject({ ruleId: 'R-4.1', lawReference: LAW['R-4.1'], details: { state } });
    expect(v.message).toBe(`A plan builds on submitted career guidance; this referral is ${state}.`);
  });
});

describe('warning: a referral open for more than 14 days', () => {
  const referredOn = '2026-03-10';
  it.each([
    [13, false],
    [14, false],
    [15, true],
  ])('%i days after the referral: %p', (days, warned) => {
    expect(openMoreThan14Days('OPEN', referredOn, addDays(referredOn, days))).toBe(warned);
  });

  it('counts calendar days across a month end and a leap day', () => {
    expect(openMoreThan14Days('OPEN', '2028-02-20', '2028-03-05')).toBe(false); // 14 days (29 Feb counted)
    expect(openMoreThan14Days('OPEN', '2028-02-20', '2028-03-06')).toBe(true); // 15 days
  });

  it.each(['IN_PROGRESS', 'COMPLETED', 'WITHDRAWN'] as const)('is no warning once the referral is %s', (state) => {
    expect(openMoreThan14Days(state, referredOn, addDays(referredOn, 40))).toBe(false);
  });

  it('counts the days open up to the end, or to today while it runs', () => {
    expect(referralDaysOpen(referredOn, null, addDays(referredOn, 15))).toBe(15);
    expect(referralDaysOpen(referredOn, addDays(referredOn, 3), addDays(referredOn, 15))).toBe(3);
    expect(referralDaysOpen(referredOn, null, referredOn)).toBe(0);
  });
});

describe('R-3.2: guidance after the participation decision is flagged, not refused', () => {
  it.each([
    ['2026-05-02', '2026-05-01', true],
    ['2026-05-01', '2026-05-01', false], // same day: the order cannot be told from dates
    ['2026-04-30', '2026-05-01', false],
    [null, '2026-05-01', false], // not submitted yet
    ['2026-05-02', null, false], // no participation decision yet
  ])('submitted %p, decided %p: %p', (submitted, decided, flagged) => {
    expect(guidanceAfterParticipationDecision(submitted, decided)).toBe(flagged);
  });
});

describe('R-3.3 integreringsloven § 11: a recommendation of work or education within §§ 13–14', () => {
  it('sorts every end goal into exactly one kind', () => {
    expect([...END_GOALS_BY_RECOMMENDATION.WORK, ...END_GOALS_BY_RECOMMENDATION.EDUCATION].sort()).toEqual([...END_GOALS].sort());
  });

  it('accepts education to completed upper-secondary for a 30-year-old without it', () => {
    expect(() => validateRecommendation({ kind: 'EDUCATION', endGoal: 'UPPER_SECONDARY_COMPLETE', hasUpperSecondary: false, ageOnDate: 30 })).not.toThrow();
  });

  it('refuses an end goal of the other kind (R-3.3)', () => {
    const v = violation(() => validateRecommendation({ kind: 'WORK', endGoal: 'UPPER_SECONDARY_COMPLETE', hasUpperSecondary: false, ageOnDate: 30 }));
    expect(v.ruleId).toBe('R-3.3');
    expect(v.lawReference).toBe(LAW['R-3.3']);
  });

  it('refuses a § 13 goal for a participant without upper-secondary (R-5.2)', () => {
    const v = violation(() => validateRecommendation({ kind: 'WORK', endGoal: 'WORK', hasUpperSecondary: false, ageOnDate: 30 }));
    expect(v.ruleId).toBe('R-5.2');
  });

  it('over 55 only work can be recommended', () => {
    expect(() => validateRecommendation({ kind: 'WORK', endGoal: 'WORK', hasUpperSecondary: true, ageOnDate: 56 })).not.toThrow();
    expect(
      violation(() => validateRecommendation({ kind: 'EDUCATION', endGoal: 'HIGHER_EDUCATION_PREPARATION', hasUpperSecondary: true, ageOnDate: 56 })).ruleId,
    ).toBe('R-5.2');
  });

  it('under 25 without upper-secondary, a reduced goal needs its reason', () => {
    const base = { kind: 'WORK' as const, endGoal: 'WORK_QUALIFYING' as const, hasUpperSecondary: false, ageOnDate: 22 };
    expect(violation(() => validateRecommendation(base)).ruleId).toBe('R-5.2');
    expect(() => validateRecommendation({ ...base, reducedGoalReason: 'Wants to work now; has a job offer as a welder.' })).not.toThrow();
  });
});

describe('R-13.9 integreringsloven § 11: the mapping is complete when the guidance is submitted', () => {
  it('a completed mapping (its completion date) lets the guidance be submitted', () => {
    expect(() => assertMappingCompleteAtSubmission('2026-11-02')).not.toThrow();
  });
  it.each([null, undefined])('a reopened mapping (no completion date: %p) refuses the submission', (completedAt) => {
    const e = violation(() => assertMappingCompleteAtSubmission(completedAt));
    expect(e.ruleId).toBe('R-13.9');
    expect(e.lawReference).toBe(LAW['R-13.9']);
  });
});
