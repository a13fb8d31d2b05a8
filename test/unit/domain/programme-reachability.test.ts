/**
 * The programme's transition table as a graph: every state can be reached from the initial
 * state, every state that is not final can move on and can still end, and a final state has no exit.
 */
import {
  availableEvents,
  FINAL_STATES,
  INITIAL_STATE,
  isFinal,
  PROGRAMME_EVENTS,
  PROGRAMME_STATES,
  ProgrammeState,
  TRANSITIONS,
} from '../../../src/domain/programme';

/** The states reachable from `from` by the table. */
function reachableFrom(from: ProgrammeState): Set<ProgrammeState> {
  const seen = new Set<ProgrammeState>([from]);
  const queue = [from];
  while (queue.length) {
    const state = queue.shift()!;
    for (const t of TRANSITIONS) {
      if (t.from === state && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

describe('Programme state machine: reachability (R-5)', () => {
  it('the initial state is PLANNED, and it is not final', () => {
    expect(INITIAL_STATE).toBe('PLANNED');
    expect(isFinal(INITIAL_STATE)).toBe(false);
  });

  it('every state is reachable from the initial state', () => {
    expect([...reachableFrom(INITIAL_STATE)].sort()).toEqual([...PROGRAMME_STATES].sort());
  });

  it.each(PROGRAMME_STATES.filter((s) => !isFinal(s)))('%s can move on, and can still reach a final state', (state) => {
    expect(availableEvents(state).length).toBeGreaterThan(0);
    expect(FINAL_STATES.some((f) => reachableFrom(state).has(f))).toBe(true);
  });

  it.each([...FINAL_STATES])('%s is final: no transition leaves it', (state) => {
    expect(availableEvents(state)).toEqual([]);
    expect(reachableFrom(state)).toEqual(new Set([state]));
  });

  it('the table names only known states and events, and uses every event', () => {
    for (const t of TRANSITIONS) {
      expect(PROGRAMME_STATES).toContain(t.from);
      expect(PROGRAMME_STATES).toContain(t.to);
    }
    expect(new Set(TRANSITIONS.map((t) => t.event))).toEqual(new Set(PROGRAMME_EVENTS));
  });

  it('each (state, event) pair has at most one row: the table is deterministic', () => {
    const keys = TRANSITIONS.map((t) => `${t.from}/${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
