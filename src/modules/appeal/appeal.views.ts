/** How appeal records become the GraphQL types each side sees. */
import { OrgDirectory } from '../../auth/org-directory';
import { appealMayBeConsidered, availableAppealEvents, followUpNeeded } from '../../domain/appeal';
import { daysBetween, todayInOslo } from '../../domain/calendar';
import { detrimentNoticeDeadline } from '../../domain/deadlines';
import { Decision } from '../decision';
import { toMunicipality } from '../reference';
import { ForwardedAppealRecord } from './appeal.repository';
import { AppealEventRecord, AppealRecord } from './appeal.table';
import { Appeal, AppealedDecision, AppealFields, AppealHistoryEntry, ForwardedAppeal } from './appeal.types';

export function appealFields(r: AppealRecord, directory: OrgDirectory): AppealFields {
  const area = r.statsforvalterId ? directory.area(r.statsforvalterId) : undefined;
  return {
    id: r.id,
    municipalityId: r.municipalityId,
    decisionId: r.decisionId,
    participantId: r.participantId,
    reversalDecisionId: r.reversalDecisionId,
    followUpDecisionId: r.followUpDecisionId,
    dismissalDecisionId: r.dismissalDecisionId ?? null,
    closedFrom: r.closedFrom,
    version: r.version,
    state: r.state,
    receivedAt: r.receivedAt,
    sentAt: r.sentAt,
    grounds: r.grounds,
    changeWanted: r.changeWanted,
    reasonsRequestedAt: r.reasonsRequestedAt,
    reasonsReceivedAt: r.reasonsReceivedAt,
    extendedDeadline: r.extendedDeadline,
    deadline: r.deadline,
    deadlineBasis: r.deadlineBasis,
    filedInTime: r.filedInTime,
    lateGround: r.lateGround,
    lateAppealLastDay: r.lateAppealLastDay,
    mayBeConsidered: appealMayBeConsidered(r),
    dismissalReasons: r.dismissalReasons,
    statsforvalter: area ? { id: area.id, name: area.name, countyNumbers: area.countyNumbers } : null,
    reassignedAt: r.reassignedAt,
    reassignmentReason: r.reassignmentReason,
    municipalityStatement: r.municipalityStatement,
    statementCopiedToParticipantAt: r.statementCopiedToParticipantAt,
    forwardedAt: r.forwardedAt,
    outcome: r.outcome,
    outcomePartial: r.outcomePartial,
    outcomeReasons: r.outcomeReasons,
    outcomeDecidedAt: r.outcomeDecidedAt,
    decidedBy: r.decidedBy,
    toDetriment: r.toDetriment,
    detrimentNoticeAt: r.detrimentNoticeAt,
    detrimentNoticeDeadline: detrimentNoticeDeadline(r.receivedAt),
    followUpNeeded: followUpNeeded(r),
    createdAt: r.createdAt,
  };
}

/** The municipality's view of an appeal. */
export function toAppeal(r: AppealRecord, directory: OrgDirectory): Appeal {
  return { ...appealFields(r, directory), availableEvents: availableAppealEvents(r.state) };
}

/** A decision as Statsforvalteren sees it: this decision only, none of the case around it. */
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

/** Statsforvalteren's view of a forwarded appeal, with its decision, municipality and appellant. */
export function toForwardedAppeal(f: ForwardedAppealRecord, directory: OrgDirectory, today: string): ForwardedAppeal {
  const r = f.appeal;
  const municipality = toMunicipality(directory.municipalityById(r.municipalityId)!);
  const forwardedOn = r.forwardedAt ? todayInOslo(r.forwardedAt) : today;
  return {
    ...appealFields(r, directory),
    municipality,
    decision: toAppealedDecision(f.decision),
    participant: {
      participantId: r.participantId,
      municipalityId: r.municipalityId,
      name: f.participant.name,
      birthDate: f.participant.birthDate,
      municipality,
    },
    daysWaiting: Math.max(0, daysBetween(forwardedOn, r.outcomeDecidedAt ?? today)),
  };
}

export function toHistoryEntry(r: AppealEventRecord, directory: OrgDirectory): AppealHistoryEntry {
  return {
    at: r.at,
    event: r.event,
    fromState: r.fromState,
    toState: r.toState,
    note: r.note,
    by: { name: r.actorName, role: r.actorRole, org: r.actorOrg, orgName: directory.orgName(r.actorRole, r.actorOrg) ?? r.actorOrg },
  };
}
