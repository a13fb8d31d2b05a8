// Moving between municipalities: the sending municipality closes its case (the programme ends there as
// TRANSFERRED, R-5.10) and puts a copy into the receiving municipality's inbox; the receiver takes it into
// its own register or refuses it. The inbox itself is a design decision [D], not a section of the law.
//
// A sent case in the receiver's inbox (the table below is the only source; anything else is refused):
//   PENDING -ACCEPT-> ACCEPTED   (taken into the receiver's register as a new case, linked to the old one)
//   PENDING -REJECT-> REJECTED   (refused, with the reason)
//   ACCEPTED, REJECTED: final.
import { ConflictError } from './errors';
import { LAW } from './law-references';
import { isFinal, type ProgrammeState, transition } from './programme';
import { RuleViolation } from './rule-violation';

export const TRANSFER_STATES = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

export const TRANSFER_EVENTS = ['ACCEPT', 'REJECT'] as const;
export type TransferEvent = (typeof TRANSFER_EVENTS)[number];

export type TransferTransition = { from: TransferState; event: TransferEvent; to: TransferState };

export const INITIAL_TRANSFER_STATE: TransferState = 'PENDING';
export const FINAL_TRANSFER_STATES: readonly TransferState[] = ['ACCEPTED', 'REJECTED'];

export const TRANSFER_TRANSITIONS: readonly TransferTransition[] = [
  { from: 'PENDING', event: 'ACCEPT', to: 'ACCEPTED' },
  { from: 'PENDING', event: 'REJECT', to: 'REJECTED' },
];

/** The inbox state after an event. Any other event is a conflict: someone has already answered this transfer. */
export function transferTransition(from: TransferState, event: TransferEvent): TransferState {
  const row = TRANSFER_TRANSITIONS.find((t) => t.from === from && t.event === event);
  if (!row) throw new ConflictError('This transfer has already been accepted or rejected');
  return row.to;
}

/**
 * What an event does, for a change guarded in the UPDATE itself: the states it is legal from (the WHERE)
 * and the state it leads to (the SET). Every event of this table leads to one state.
 */
export function transferEvent(event: TransferEvent): { from: TransferState[]; to: TransferState } {
  const rows = TRANSFER_TRANSITIONS.filter((t) => t.event === event);
  return { from: rows.map((t) => t.from), to: rows[0].to };
}

// integreringsloven § 18 a: a case is sent on once, and only while its programme is planned or running;
// a programme that has ended (COMPLETED, INTERRUPTED) has had its certificate and is not moved.
export function assertTransferable(caseStatus: string, programmeState: ProgrammeState | null): void {
  if (caseStatus === 'TRANSFERRED') throw new RuleViolation('R-5.10', LAW['R-5.10'], 'This case has already been transferred.', {});
  if (programmeState && isFinal(programmeState)) {
    throw new RuleViolation('R-5.10', LAW['R-5.10'], 'The programme has ended; an ended case is not transferred.', { state: programmeState });
  }
}

/**
 * The sending municipality's programme after the transfer (the programme's own table, TRANSFER), or null
 * when the case has no programme yet; the case's list status follows it, and is TRANSFERRED either way.
 */
export function programmeStateAfterTransfer(programmeState: ProgrammeState | null): ProgrammeState | null {
  return programmeState ? transition(programmeState, 'TRANSFER') : null;
}

export const CASE_STATUS_AFTER_TRANSFER = 'TRANSFERRED' as const satisfies ProgrammeState;
