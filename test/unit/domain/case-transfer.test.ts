import { violation } from '../../support/violation';
import {
  assertTransferable,
  CASE_STATUS_AFTER_TRANSFER,
  FINAL_TRANSFER_STATES,
  INITIAL_TRANSFER_STATE,
  programmeStateAfterTransfer,
  TRANSFER_EVENTS,
  TRANSFER_STATES,
  TRANSFER_TRANSITIONS,
  transferEvent,
  transferTransition,
} from '../../../src/domain/case-transfer';
import { ConflictError } from '../../../src/domain/errors';
import { LAW } from '../../../src/domain/law-references';
import { PROGRAMME_STATES, isFinal } from '../../../src/domain/programme';

describe("a transfer in the receiver's inbox", () => {
  it('has exactly the documented transitions; anything else is a conflict', () => {
    const legal: string[] = [];
    for (const from of TRANSFER_STATES) {
      for (const event of TRANSFER_EVENTS) {
        try {
          legal.push(`${from} -${event}-> ${transferTransition(from, event)}`);
        } catch (e) {
          expect(e).toBeInstanceOf(ConflictError);
          expect((e as ConflictError).message).toBe('This transfer has already been accepted or rejected');
        }
      }
    }
    expect(legal.sort()).toEqual(['PENDING -ACCEPT-> ACCEPTED', 'PENDING -REJECT-> REJECTED']);
  });

  it('reachability: every state is reachable from PENDING, every other state can move on, the final states cannot', () => {
    const reached = new Set<string>([INITIAL_TRANSFER_STATE]);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of TRANSFER_TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...TRANSFER_STATES].sort());
    for (const state of TRANSFER_STATES) {
      const exits = TRANSFER_TRANSITIONS.filter((t) => t.from === state);
      if (FINAL_TRANSFER_STATES.includes(state)) expect({ state, exits }).toEqual({ state, exits: [] });
      else expect(exits.length).toBeGreaterThan(0);
    }
  });

  it('a guarded change takes its WHERE and SET from the table', () => {
    expect(transferEvent('ACCEPT')).toEqual({ from: ['PENDING'], to: 'ACCEPTED' });
    expect(transferEvent('REJECT')).toEqual({ from: ['PENDING'], to: 'REJECTED' });
  });
});

describe('R-5.10 integreringsloven § 18 a: what is sent on', () => {
  it('a case is sent once', () => {
    const v = violation(() => assertTransferable('TRANSFERRED', 'TRANSFERRED'));
    expect(v).toMatchObject({ ruleId: 'R-5.10', lawReference: LAW['R-5.10'], message: 'This case has already been transferred.' });
  });

  it.each(PROGRAMME_STATES.filter((s) => isFinal(s) && s !== 'TRANSFERRED'))('an ended programme (%s) is not sent', (state) => {
    const v = violation(() => assertTransferable(state, state));
    expect(v).toMatchObject({ ruleId: 'R-5.10', message: 'The programme has ended; an ended case is not transferred.', details: { state } });
  });

  it.each([
    ['REGISTERED', null],
    ['PLANNED', 'PLANNED'],
    ['ACTIVE', 'ACTIVE'],
    ['ON_LEAVE', 'ON_LEAVE'],
    ['HALTED', 'HALTED'],
  ] as const)("a %s case is sent; its programme ends there as TRANSFERRED by the programme's table", (status, programme) => {
    expect(() => assertTransferable(status, programme)).not.toThrow();
    expect(programmeStateAfterTransfer(programme)).toBe(programme ? 'TRANSFERRED' : null);
    expect(CASE_STATUS_AFTER_TRANSFER).toBe('TRANSFERRED');
  });
});
