/** app.appeal and app.appeal_event rows, and how they become the GraphQL types. */
import { availableAppealEvents, AppealState, outcomeNeedsMunicipalFollowUp, StatsforvalterOutcome } from '../../domain/appeal';
import { compareDates, daysBetween, todayInOslo } from '../../domain/calendar';
import type { AppealDeadlineBasis, LateAppealGround } from '../../domain/deadlines';
import { detrimentNoticeDeadline } from '../../domain/deadlines';
import { OrgDirectory } from '../../auth/org-directory';
import { Decision } from '../decision/decision.types';
import { toMunicipality } from '../reference/reference.resolver';
import { Appeal, AppealedDecision, AppealFields, AppealHistoryEntry, AppealHistoryEvent, ForwardedAppeal } from './appeal.types';

export interface AppealRow {
  municipality_id: number;
  id: string;
  decision_id: string;
  participant_id: string;
  version: number;
  state: AppealState;
  closed_from: AppealState | null;
  received_at: string;
  sent_at: string;
  grounds: string;
  change_wanted: string;
  reasons_requested_at: string | null;
  reasons_received_at: string | null;
  extended_deadline: string | null;
  deadline: string;
  deadline_basis: AppealDeadlineBasis;
  filed_in_time: boolean;
  late_ground: LateAppealGround | null;
  late_appeal_last_day: string;
  dismissal_reasons: string | null;
  reversal_decision_id: string | null;
  municipality_statement: string | null;
  statement_copied_to_participant_at: string | null;
  forwarded_at: Date | null;
  statsforvalter_id: string | null;
  reassigned_at: Date | null;
  reassignment_reason: string | null;
  outcome: StatsforvalterOutcome | null;
  outcome_partial: boolean;
  outcome_reasons: string | null;
  outcome_decided_at: string | null;
  detriment_notice_at: string | null;
  decided_by: string | null;
  decided_by_sub: string | null;
  to_detriment: boolean;
  follow_up_decision_id: string | null;
  created_by_sub: string;
  created_at: Date;
  updated_at: Date;
}

/** The columns a step may set (the UPDATE's SET list is built from these names only). */
export const UPDATABLE_COLUMNS = [
  'state', 'closed_from', 'late_ground', 'dismissal_reasons', 'reversal_decision_id', 'municipality_statement', 'statement_copied_to_participant_at',
  'forwarded_at', 'statsforvalter_id', 'reassigned_at', 'reassignment_reason', 'outcome', 'outcome_partial', 'outcome_reasons', 'outcome_decided_at',
  'detriment_notice_at', 'decided_by', 'decided_by_sub', 'to_detriment', 'follow_up_decision_id',
] as const satisfies readonly (keyof AppealRow)[];
type UpdatableColumn = (typeof UPDATABLE_COLUMNS)[number];
/** What a step sets; timestamps are written as ISO strings. */
export type AppealChanges = Partial<{ [K in UpdatableColumn]: AppealRow[K] extends Date | null ? string : AppealRow[K] }>;

export interface AppealEventRow {
  at: Date;
  actor_name: string;
  actor_role: string;
  actor_org: string;
  event: AppealHistoryEvent;
  from_state: AppealState | null;
  to_state: AppealState | null;
  note: string | null;
}

/** the appeal can be considered on its merits. */
export function mayBeConsidered(r: Pick<AppealRow, 'filed_in_time' | 'late_ground' | 'received_at' | 'late_appeal_last_day'>): boolean {
  return r.filed_in_time || (r.late_ground !== null && compareDates(r.received_at, r.late_appeal_last_day) <= 0);
}

/** CHANGED or QUASHED_AND_RETURNED, and the municipality's follow-up decision is not yet recorded. */
export function followUpNeeded(r: Pick<AppealRow, 'outcome' | 'follow_up_decision_id'>): boolean {
  return r.outcome !== null && outcomeNeedsMunicipalFollowUp(r.outcome) && r.follow_up_decision_id === null;
}

export function appealFields(r: AppealRow, directory: OrgDirectory): AppealFields {
  const area = r.statsforvalter_id ? directory.area(r.statsforvalter_id) : undefined;
  return {
    id: r.id,
    municipalityId: Number(r.municipality_id),
    decisionId: r.decision_id,
    participantId: r.participant_id,
    reversalDecisionId: r.reversal_decision_id,
    followUpDecisionId: r.follow_up_decision_id,
    closedFrom: r.closed_from,
    version: Number(r.version),
    state: r.state,
    receivedAt: r.received_at,
    sentAt: r.sent_at,
    grounds: r.grounds,
    changeWanted: r.change_wanted,
    reasonsRequestedAt: r.reasons_requested_at,
    reasonsReceivedAt: r.reasons_received_at,
    extendedDeadline: r.extended_deadline,
    deadline: r.deadline,
    deadlineBasis: r.deadline_basis,
    filedInTime: r.filed_in_time,
    lateGround: r.late_ground,
    lateAppealLastDay: r.late_appeal_last_day,
    mayBeConsidered: mayBeConsidered(r),
    dismissalReasons: r.dismissal_reasons,
    statsforvalter: area ? { id: area.id, name: area.name, countyNumbers: area.countyNumbers } : null,
    reassignedAt: r.reassigned_at,
    reassignmentReason: r.reassignment_reason,
    municipalityStatement: r.municipality_statement,
    statementCopiedToParticipantAt: r.statement_copied_to_participant_at,
    forwardedAt: r.forwarded_at,
    outcome: r.outcome,
    outcomePartial: r.outcome_partial,
    outcomeReasons: r.outcome_reasons,
    outcomeDecidedAt: r.outcome_decided_at,
    decidedBy: r.decided_by,
    toDetriment: r.to_detriment,
    detrimentNoticeAt: r.detriment_notice_at,
    detrimentNoticeDeadline: detrimentNoticeDeadline(r.received_at),
    followUpNeeded: followUpNeeded(r),
    createdAt: r.created_at,
  };
}

export function toAppeal(r: AppealRow, directory: OrgDirectory): Appeal {
  return { ...appealFields(r, directory), availableEvents: availableAppealEvents(r.state) };
}

/** A Statsforvalter list or detail row: the appeal joined with its decision, municipality and participant. */
export interface ForwardedAppealRow extends AppealRow {
  decision_row: Record<string, unknown>;
  municipality_number: string;
  municipality_name: string;
  municipality_county: string;
  participant_name: string;
  participant_birth_date: string;
  forwarded_at_key: string;
}

export function toAppealedDecision(d: Decision): AppealedDecision {
  return {
    participantId: d.participantId,
    municipalityId: d.municipalityId,
    id: d.id,
    type: d.type,
    outcome: d.outcome,
    basis: d.basis,
    reasons: d.reasons,
    legalBasis: d.legalBasis,
    decidedAt: d.decidedAt,
    decidedBy: d.decidedBy,
    advanceNoticeAt: d.advanceNoticeAt,
    notifiedAt: d.notifiedAt,
    benefit: d.benefit,
    halt: d.halt,
    extension: d.extension,
    leave: d.leave,
    exemption: d.exemption,
  };
}

export function toForwardedAppeal(r: ForwardedAppealRow, decision: Decision, directory: OrgDirectory, today: string): ForwardedAppeal {
  const municipality = toMunicipality({ id: Number(r.municipality_id), number: r.municipality_number, name: r.municipality_name, countyNumber: r.municipality_county });
  const forwardedOn = r.forwarded_at ? todayInOslo(r.forwarded_at) : today;
  return {
    ...appealFields(r, directory),
    municipality,
    decision: toAppealedDecision(decision),
    participant: { participantId: r.participant_id, municipalityId: Number(r.municipality_id), name: r.participant_name, birthDate: r.participant_birth_date, municipality },
    daysWaiting: Math.max(0, daysBetween(forwardedOn, r.outcome_decided_at ?? today)),
  };
}

export function toHistoryEntry(r: AppealEventRow, directory: OrgDirectory): AppealHistoryEntry {
  const role = r.actor_role as 'MUNICIPALITY' | 'COUNTY' | 'STATSFORVALTER';
  return {
    at: r.at,
    event: r.event,
    fromState: r.from_state,
    toState: r.to_state,
    note: r.note,
    by: { name: r.actor_name, role: r.actor_role, org: r.actor_org, orgName: directory.orgName(role, r.actor_org) ?? r.actor_org },
  };
}
