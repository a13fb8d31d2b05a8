/**
 * The appeal state machine as a whole: every state reachable from a registered appeal,
 * every state that is not final can move on, final states have no exit; the steps that record something
 * without moving the appeal are allowed exactly where their table says, and leave the state as it is.
 */
import { violation } from '../../support/violation';
import {
  APPEAL_EVENTS,
  APPEAL_INITIAL_STATE,
  APPEAL_RECORDING_STEPS,
  APPEAL_RECORDINGS,
  APPEAL_STATES,
  APPEAL_TRANSITIONS,
  AppealState,
  appealMayBeConsidered,
  appealRecording,
  appealStateAfter,
  availableAppealEvents,
  followUpNeeded,
  isAppealFinal,
  relevantPlanVersions,
  statsforvalterDecisionStep,
  STATSFORVALTER_OUTCOMES,
} from '../../../src/domain/appeal';
import { LAW } from '../../../src/domain/law-references';

function reachableFrom(start: AppealState): Set<AppealState> {
  const seen = new Set<AppealState>([start]);
  const queue = [start];
  while (queue.length) {
    const s = queue.shift()!;
    for (const t of APPEAL_TRANSITIONS.filter((x) => x.from === s)) {
      if (!seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

describe('R-9.4: reachability of the appeal state machine', () => {
  it('a registered appeal is RECEIVED', () => {
    expect(APPEAL_INITIAL_STATE).toBe('RECEIVED');
  });

  it('every state is reachable from the initial state', () => {
    expect([...reachableFrom(APPEAL_INITIAL_STATE)].sort()).toEqual([...APPEAL_STATES].sort());
  });

  it.each(APPEAL_STATES.filter((s) => !isAppealFinal(s)))('%s is not final and can move on', (state) => {
    expect(availableAppealEvents(state).length).toBeGreaterThan(0);
    expect(reachableFrom(state).size).toBeGreaterThan(1);
  });

  it('the final states have no exit, and CLOSED is the only one', () => {
    const finals = APPEAL_STATES.filter(isAppealFinal);
    expect(finals).toEqual(['CLOSED']);
    for (const s of finals) {
      expect(APPEAL_TRANSITIONS.filter((t) => t.from === s)).toEqual([]);
      for (const event of APPEAL_EVENTS) expect(violation(() => appealStateAfter(s, event)).ruleId).toBe('R-9.4');
      for (const step of APPEAL_RECORDING_STEPS) expect(() => appealStateAfter(s, step, { outcome: 'CHANGED' })).toThrow();
    }
  });

  it('the table has no state without a way in (other than the initial one) and no move to itself', () => {
    for (const s of APPEAL_STATES.filter((x) => x !== APPEAL_INITIAL_STATE)) expect(APPEAL_TRANSITIONS.some((t) => t.to === s)).toBe(true);
    expect(APPEAL_TRANSITIONS.filter((t) => t.from === t.to)).toEqual([]);
  });
});

describe('R-9.3 / R-9.5 / R-9.6: steps that record without moving the appeal', () => {
  it('each is allowed only in a state that is not final, and leaves the state', () => {
    for (const r of APPEAL_RECORDINGS) {
      expect(isAppealFinal(r.in)).toBe(false);
      expect(appealRecording(r.in, r.step, { outcome: 'CHANGED' })).toBe(r.in);
      expect(appealStateAfter(r.in, r.step, { outcome: 'CHANGED' })).toBe(r.in);
    }
  });

  const allowed = new Set(APPEAL_RECORDINGS.map((r) => `${r.in}/${r.step}`));
  const refused = APPEAL_STATES.flatMap((s) => APPEAL_RECORDING_STEPS.map((step) => [s, step] as const)).filter(([s, step]) => !allowed.has(`${s}/${step}`));

  it.each(refused)("%s --%s--> is refused under the step's own rule", (state, step) => {
    const v = violation(() => appealRecording(state, step, { outcome: 'CHANGED' }));
    const ruleId = APPEAL_RECORDINGS.find((r) => r.step === step)!.ruleId;
    expect(v.ruleId).toBe(ruleId);
    expect(v.lawReference).toBe(LAW[ruleId]);
    expect(v.details).toMatchObject({ state });
  });

  it('R-9.3: a late ground is recorded while the appeal is reviewed, with the message caseworkers see', () => {
    expect(appealRecording('UNDER_REVIEW', 'ACCEPT_LATE')).toBe('UNDER_REVIEW');
    expect(violation(() => appealRecording('FORWARDED', 'ACCEPT_LATE')).message).toBe(
      'A late appeal is accepted for consideration while it is reviewed, not when it is FORWARDED.',
    );
  });

  it('R-9.5: only a forwarded appeal Statsforvalteren has not decided is reassigned', () => {
    expect(appealRecording('PARTLY_REVERSED_AND_FORWARDED', 'REASSIGN')).toBe('PARTLY_REVERSED_AND_FORWARDED');
    const v = violation(() => appealRecording('DECIDED_BY_STATSFORVALTER', 'REASSIGN'));
    expect(v.message).toBe('Only a forwarded appeal that Statsforvalteren has not decided can be reassigned; this one is DECIDED_BY_STATSFORVALTER.');
    expect(v.details).toEqual({ state: 'DECIDED_BY_STATSFORVALTER' });
  });

  it.each(STATSFORVALTER_OUTCOMES.map((o) => [o, o === 'CHANGED' || o === 'QUASHED_AND_RETURNED'] as const))(
    'R-9.6: a follow-up after %s is recorded: %s',
    (outcome, recorded) => {
      if (recorded) expect(appealRecording('DECIDED_BY_STATSFORVALTER', 'RECORD_FOLLOW_UP', { outcome })).toBe('DECIDED_BY_STATSFORVALTER');
      else
        expect(violation(() => appealRecording('DECIDED_BY_STATSFORVALTER', 'RECORD_FOLLOW_UP', { outcome })).details).toEqual({
          state: 'DECIDED_BY_STATSFORVALTER',
          outcome,
        });
    },
  );

  it('R-9.6: no follow-up without an outcome', () => {
    expect(violation(() => appealRecording('DECIDED_BY_STATSFORVALTER', 'RECORD_FOLLOW_UP')).details).toEqual({
      state: 'DECIDED_BY_STATSFORVALTER',
      outcome: null,
    });
  });
});

describe('R-9.6: Statsforvalteren decides once', () => {
  it.each(['FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED'] as const)('%s → DECIDED_BY_STATSFORVALTER', (from) => {
    expect(statsforvalterDecisionStep(from)).toBe('DECIDED_BY_STATSFORVALTER');
  });
  it.each(['DECIDED_BY_STATSFORVALTER', 'CLOSED'] as const)('deciding a %s appeal again is refused as final (R-9.6)', (from) => {
    const v = violation(() => statsforvalterDecisionStep(from));
    expect(v.ruleId).toBe('R-9.6');
    expect(v.message).toBe('Statsforvalteren has decided this appeal; its decision is final.');
  });
  it('an appeal the municipality still reviews is an illegal step (R-9.4)', () => {
    expect(violation(() => statsforvalterDecisionStep('UNDER_REVIEW')).ruleId).toBe('R-9.4');
  });
});

describe('R-9.3 / R-9.6: what an appeal shows', () => {
  const late = { filedInTime: false, lateGround: 'SPECIAL_REASONS', receivedAt: '2027-10-05', lateAppealLastDay: '2027-10-05' };
  it('a late appeal with a ground is considered up to and including the last day, not after', () => {
    expect(appealMayBeConsidered(late)).toBe(true);
    expect(appealMayBeConsidered({ ...late, receivedAt: '2027-10-06' })).toBe(false);
    expect(appealMayBeConsidered({ ...late, lateGround: null })).toBe(false);
    expect(appealMayBeConsidered({ ...late, filedInTime: true, lateGround: null, receivedAt: '2030-01-01' })).toBe(true);
  });
  it('a follow-up is needed after CHANGED or QUASHED_AND_RETURNED until it is recorded', () => {
    expect(followUpNeeded({ outcome: 'CHANGED', followUpDecisionId: null })).toBe(true);
    expect(followUpNeeded({ outcome: 'QUASHED_AND_RETURNED', followUpDecisionId: null })).toBe(true);
    expect(followUpNeeded({ outcome: 'CHANGED', followUpDecisionId: 'd2' })).toBe(false);
    expect(followUpNeeded({ outcome: 'UPHELD', followUpDecisionId: null })).toBe(false);
    expect(followUpNeeded({ outcome: null, followUpDecisionId: null })).toBe(false);
  });
});

describe('R-9.8: the plan versions an appeal concerns', () => {
  const v = (versionNo: number, contractSignedAt: string, significantChangeDecisionId: string | null = null) => ({
    versionNo,
    contractSignedAt,
    significantChangeDecisionId,
  });
  it('the version in force on the decision day (signed that day counts), and those made under the decision or its reversal; newest first', () => {
    const versions = [v(1, '2026-09-01'), v(3, '2026-11-01', 'reversal'), v(2, '2026-10-05'), v(4, '2026-12-01', 'other'), v(5, '2027-01-01', 'appealed')];
    expect(relevantPlanVersions(versions, { id: 'appealed', decidedAt: '2026-10-05' }, 'reversal').map((x) => x.versionNo)).toEqual([5, 3, 2]);
  });
  it('none in force before the first contract; no reversal links nothing', () => {
    expect(relevantPlanVersions([v(1, '2026-10-06')], { id: 'd', decidedAt: '2026-10-05' }, null)).toEqual([]);
  });
});
