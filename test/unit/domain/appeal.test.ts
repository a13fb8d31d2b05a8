import { violation } from '../../support/violation';
import {
  APPEAL_EVENTS,
  APPEAL_STATES,
  APPEAL_TRANSITIONS,
  FORWARDED_STATES,
  STATSFORVALTER_OUTCOMES,
  appealTransition,
  assertNoLateDetriment,
  availableAppealEvents,
  countyOfMunicipality,
  isAppealFinal,
  outcomeNeedsMunicipalFollowUp,
  statsforvalterFor,
} from '../../../src/domain/appeal';
import { LAW } from '../../../src/domain/law-references';
import { RuleViolation } from '../../../src/domain/rule-violation';

describe('R-9.4 forvaltningsloven § 33: appeal state machine', () => {
  it.each(APPEAL_TRANSITIONS.map((t) => [t.from, t.event, t.to] as const))('%s --%s--> %s is legal', (from, event, to) => {
    expect(appealTransition(from, event)).toBe(to);
  });

  const legal = new Set(APPEAL_TRANSITIONS.map((t) => `${t.from}/${t.event}`));
  const illegal = APPEAL_STATES.flatMap((from) => APPEAL_EVENTS.map((event) => [from, event] as const)).filter(
    ([from, event]) => !legal.has(`${from}/${event}`),
  );

  it('every state/event pair is either legal or tested as illegal', () => {
    expect(illegal.length + APPEAL_TRANSITIONS.length).toBe(APPEAL_STATES.length * APPEAL_EVENTS.length);
  });

  it.each(illegal)('%s --%s--> is refused (R-9.4)', (from, event) => {
    const v = violation(() => appealTransition(from, event));
    expect(v.ruleId).toBe('R-9.4');
    expect(v.lawReference).toBe(LAW['R-9.4']);
    expect(v.details).toEqual({ from, event });
  });

  it('only CLOSED is final; every state reaches CLOSED', () => {
    expect(APPEAL_STATES.filter(isAppealFinal)).toEqual(['CLOSED']);
    for (const start of APPEAL_STATES) {
      const seen = new Set([start]);
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
      expect(seen.has('CLOSED')).toBe(true);
    }
  });

  it('what is not fully reversed or dismissed goes to Statsforvalteren', () => {
    expect(availableAppealEvents('UNDER_REVIEW').sort()).toEqual(['CLOSE', 'DISMISS', 'FORWARD', 'PARTLY_REVERSE_AND_FORWARD', 'REVERSE']);
    expect(appealTransition('PARTLY_REVERSED_AND_FORWARDED', 'STATSFORVALTER_DECIDE')).toBe('DECIDED_BY_STATSFORVALTER');
  });

  it('a full walk: received, reviewed, forwarded, decided, closed', () => {
    let s = appealTransition('RECEIVED', 'START_REVIEW');
    s = appealTransition(s, 'FORWARD');
    s = appealTransition(s, 'STATSFORVALTER_DECIDE');
    expect(appealTransition(s, 'CLOSE')).toBe('CLOSED');
  });

  it('R-9.8: Statsforvalteren sees forwarded appeals only', () => {
    expect(FORWARDED_STATES).not.toContain('RECEIVED');
    expect(FORWARDED_STATES).not.toContain('UNDER_REVIEW');
    expect(FORWARDED_STATES).toContain('FORWARDED');
  });
});

describe('R-9.6 forvaltningsloven § 34: Statsforvalteren outcomes', () => {
  it('four outcomes', () => {
    expect(STATSFORVALTER_OUTCOMES).toEqual(['DISMISSED', 'UPHELD', 'CHANGED', 'QUASHED_AND_RETURNED']);
  });
  it.each([
    ['DISMISSED', false],
    ['UPHELD', false],
    ['CHANGED', true],
    ['QUASHED_AND_RETURNED', true],
  ] as const)('%s needs municipal follow-up: %s', (outcome, expected) => {
    expect(outcomeNeedsMunicipalFollowUp(outcome)).toBe(expected);
  });
});

describe('R-9.7 forvaltningsloven § 34 third para: change to the detriment within 3 months', () => {
  it('month-end clamping: received 2025-11-30, the last day is 2026-02-28', () => {
    expect(() => assertNoLateDetriment({ appealReceivedAt: '2025-11-30', decidedAt: '2026-02-28', toDetriment: true })).not.toThrow();
    expect(() => assertNoLateDetriment({ appealReceivedAt: '2025-11-30', decidedAt: '2026-03-01', toDetriment: true })).toThrow(RuleViolation);
  });
  it('decided on the last day: allowed', () => {
    expect(() => assertNoLateDetriment({ appealReceivedAt: '2026-01-15', decidedAt: '2026-04-15', toDetriment: true })).not.toThrow();
  });
  it('decided the day after: refused', () => {
    const v = violation(() => assertNoLateDetriment({ appealReceivedAt: '2026-01-15', decidedAt: '2026-04-16', toDetriment: true }));
    expect(v.ruleId).toBe('R-9.7');
    expect(v.lawReference).toBe(LAW['R-9.7']);
  });
  it('the deadline is not moved off a weekend: received 2026-03-14, Sunday 2026-06-14 is the last day', () => {
    expect(() => assertNoLateDetriment({ appealReceivedAt: '2026-03-14', decidedAt: '2026-06-15', toDetriment: true })).toThrow(RuleViolation);
  });
  it("a change in the appellant's favour is never late", () => {
    expect(() => assertNoLateDetriment({ appealReceivedAt: '2026-01-15', decidedAt: '2027-01-15', toDetriment: false })).not.toThrow();
  });
});

describe('R-9.5 integreringsloven § 47: competent Statsforvalter', () => {
  const areas = [
    { id: 'ostfold-buskerud-oslo-og-akershus', countyNumbers: ['03', '31', '32', '33'] },
    { id: 'vestland', countyNumbers: ['46'] },
    { id: 'troms-finnmark', countyNumbers: ['55', '56'] },
  ];
  it('finds the area holding the county', () => {
    expect(statsforvalterFor('03', areas).id).toBe('ostfold-buskerud-oslo-og-akershus');
    expect(statsforvalterFor('56', areas).id).toBe('troms-finnmark');
    expect(statsforvalterFor(countyOfMunicipality('4601'), areas).id).toBe('vestland');
  });
  it('refuses an unknown county', () => {
    expect(violation(() => statsforvalterFor('99', areas)).ruleId).toBe('R-9.5');
  });
  it('countyOfMunicipality needs 4 digits', () => {
    expect(countyOfMunicipality('0301')).toBe('03');
    expect(() => countyOfMunicipality('301')).toThrow(RuleViolation);
  });
});
