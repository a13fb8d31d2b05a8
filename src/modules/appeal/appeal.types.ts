import { IdempotencyKeyField } from '../../graphql/idempotency-key';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, GraphQLISODateTime, InputType, Int, ObjectType } from 'type-graphql';
import {
  APPEAL_EVENTS,
  APPEAL_STATES,
  AppealEvent,
  AppealHistoryEvent,
  AppealState,
  DECISION_VALIDITIES,
  STATSFORVALTER_OUTCOMES,
  StatsforvalterOutcome,
} from '../../domain/appeal';
import { LATE_APPEAL_GROUNDS } from '../../domain/appeal-timeliness';
import { DECISION_TYPES, DecisionType } from '../../domain/decision-types';
import type { AppealDeadlineBasis, LateAppealGround } from '../../domain/deadlines';
import type { Role } from '../../auth/roles';
import { enumFrom, ParticipationBasisEnum, RoleEnum } from '../../graphql/enums';
import { Connection, PageArgs, SORT_DIRECTIONS, SortDirectionEnum, SortDirectionValue } from '../../graphql/pagination';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { BenefitDetails, DecisionOutcomeEnum, DecisionTypeEnum, ExemptionDetails, ExtensionDetails, HaltDetails, LeaveDetails } from '../decision';
import { PLAIN_TEXT } from '../shared';
import { Municipality, StatsforvalterArea } from '../reference';

export const AppealStateEnum = enumFrom(
  APPEAL_STATES,
  'AppealState',
  'Where an appeal (klage) stands: RECEIVED → UNDER_REVIEW → REVERSED | PARTLY_REVERSED_AND_FORWARDED | DISMISSED | FORWARDED → DECIDED_BY_STATSFORVALTER → CLOSED (R-9.4).',
  {
    RECEIVED: 'Registered as received by the municipality (mottatt, R-9.1); review not begun.',
    UNDER_REVIEW: 'The municipality prepares and reviews the case (forvaltningsloven § 33, R-9.4).',
    REVERSED: 'The municipality allowed the appeal in full (omgjort): a new, appealable decision was made (R-9.4).',
    PARTLY_REVERSED_AND_FORWARDED: 'Partly allowed by a new decision; the rest forwarded (oversendt) to Statsforvalteren (R-9.4).',
    DISMISSED: 'The municipality dismissed the appeal (avvist): the conditions are not met; the dismissal is itself an appealable decision (R-13.10).',
    FORWARDED:
      'Upheld by the municipality and forwarded (oversendt) to Statsforvalteren with its statement (R-9.4); Statsforvalteren sees it from now (R-9.8).',
    DECIDED_BY_STATSFORVALTER: 'Statsforvalteren has decided (R-9.6): final.',
    CLOSED: "Closed: after a reversal, dismissal or Statsforvalteren's decision, or withdrawn by the appellant (see closedFrom, R-13.10). Final.",
  },
);
export const AppealEventEnum = enumFrom(APPEAL_EVENTS, 'AppealEvent', 'A step of the appeal state machine (R-9.4).', {
  START_REVIEW: 'RECEIVED → UNDER_REVIEW (startAppealReview).',
  REVERSE: 'UNDER_REVIEW → REVERSED (reverseAppeal).',
  PARTLY_REVERSE_AND_FORWARD: 'UNDER_REVIEW → PARTLY_REVERSED_AND_FORWARDED (partlyReverseAndForward).',
  DISMISS: 'UNDER_REVIEW → DISMISSED (dismissAppeal).',
  FORWARD: 'UNDER_REVIEW → FORWARDED (forwardAppeal).',
  STATSFORVALTER_DECIDE: "FORWARDED or PARTLY_REVERSED_AND_FORWARDED → DECIDED_BY_STATSFORVALTER (decideAppeal, Statsforvalteren's step).",
  CLOSE: 'To CLOSED (closeAppeal): after a reversal, dismissal or decision, or a withdrawal before Statsforvalteren decides (R-13.10).',
});
export const AppealOutcomeEnum = enumFrom(
  STATSFORVALTER_OUTCOMES,
  'AppealOutcome',
  "Statsforvalteren's outcome (R-9.6): DISMISSED (avvist), UPHELD (stadfestet), CHANGED (endret, fully or partly), QUASHED_AND_RETURNED (opphevet og sendt tilbake).",
  {
    DISMISSED: 'Dismissed (avvist): the conditions for an appeal are not met; the decision stands.',
    UPHELD: 'Upheld (stadfestet): the decision stands.',
    CHANGED:
      "Changed (endret), fully or partly in the appellant's favour, or to their detriment with notice (R-9.7); the municipality records its follow-up decision.",
    QUASHED_AND_RETURNED: 'Quashed (opphevet) and sent back to the municipality for new handling; the municipality records its follow-up decision.',
  },
);
export const DecisionValidityEnum = enumFrom(
  DECISION_VALIDITIES,
  'DecisionValidity',
  'Whether a decision stands as made: IN_FORCE, or CHANGED or QUASHED (opphevet) by Statsforvalteren on appeal (R-13.10).',
  {
    IN_FORCE: 'Stands as made (no appeal, or an appeal that was upheld, dismissed, reversed by a new decision or withdrawn).',
    CHANGED: 'Statsforvalteren changed it (fully or partly, see the appeal) (R-9.6).',
    QUASHED: 'Statsforvalteren quashed it (opphevet) and returned it for new handling (R-9.6).',
  },
);
export const LateAppealGroundEnum = enumFrom(
  LATE_APPEAL_GROUNDS,
  'LateAppealGround',
  'Why a late appeal is considered (R-9.3, forvaltningsloven § 31): the party cannot be blamed for the delay, or special reasons.',
  {
    PARTY_NOT_TO_BLAME: 'The party, or their representative, cannot be blamed for the delay (fvl § 31 første ledd a).',
    SPECIAL_REASONS: 'Special reasons (særlige grunner) make it right to consider the appeal (fvl § 31 første ledd b).',
  },
);
export const APPEAL_DEADLINE_BASES = ['NOTICE', 'REASONS', 'EXTENDED'] as const satisfies readonly AppealDeadlineBasis[];
export const AppealDeadlineBasisEnum = enumFrom(
  APPEAL_DEADLINE_BASES,
  'AppealDeadlineBasis',
  'What the deadline counts from: the notice, the receipt of reasons requested in time, or an extension (R-9.2).',
  {
    NOTICE: '3 weeks from the day the notice reached the participant.',
    REASONS: 'A new 3 weeks from receipt of reasons requested before the deadline expired (forvaltningsloven § 29).',
    EXTENDED: 'An extension granted before the deadline expired (forvaltningsloven § 29 fourth para).',
  },
);
/** What the history records: the state machine's steps and the steps that change no state. */
export const APPEAL_HISTORY_EVENTS = [
  'REGISTER',
  'ACCEPT_LATE',
  ...APPEAL_EVENTS,
  'REASSIGN',
  'RECORD_FOLLOW_UP',
  'REJUDGE_TIMELINESS',
] as const satisfies readonly AppealHistoryEvent[];
export type { AppealHistoryEvent };
export const AppealHistoryEventEnum = enumFrom(
  APPEAL_HISTORY_EVENTS,
  'AppealHistoryEvent',
  "A step in an appeal's history: a step of the state machine (AppealEvent) or one that records something without moving the state.",
  {
    REGISTER: 'The appeal was registered (registerAppeal), RECEIVED.',
    ACCEPT_LATE: 'A late appeal was accepted for consideration on a ground (acceptLateAppeal, R-9.3).',
    START_REVIEW: 'RECEIVED → UNDER_REVIEW.',
    REVERSE: 'UNDER_REVIEW → REVERSED by a new decision.',
    PARTLY_REVERSE_AND_FORWARD: 'UNDER_REVIEW → PARTLY_REVERSED_AND_FORWARDED.',
    DISMISS: 'UNDER_REVIEW → DISMISSED (avvist).',
    FORWARD: 'UNDER_REVIEW → FORWARDED to Statsforvalteren.',
    STATSFORVALTER_DECIDE: 'Statsforvalteren decided (R-9.6).',
    CLOSE: 'Closed (or withdrawn by the appellant).',
    REASSIGN: 'Reassigned or handed on to another Statsforvalter office (R-9.5); the note says why.',
    RECORD_FOLLOW_UP: "The municipality's follow-up decision after CHANGED or QUASHED_AND_RETURNED was recorded (R-9.6).",
    REJUDGE_TIMELINESS: "Deadline and timeliness judged again after the decision's notice date, reasons or extension changed (R-13.8).",
  },
);
export const APPEAL_ORDERS = ['WAITING_LONGEST', 'RECEIVED_AT', 'DEADLINE'] as const;
export type AppealOrder = (typeof APPEAL_ORDERS)[number];
export const AppealOrderEnum = enumFrom(APPEAL_ORDERS, 'AppealOrder', 'The order of an appeal list, ascending unless direction is DESC; ties by id.', {
  WAITING_LONGEST: 'Forwarded to Statsforvalteren (oversendt) longest ago first.',
  RECEIVED_AT: 'Received by the municipality (mottatt) earliest first.',
  DEADLINE: 'The appeal deadline (klagefrist, R-9.2) earliest first.',
});

@ObjectType({ simpleResolvers: true, description: 'Who took a step of an appeal, and for which organisation.' })
export class AppealActor {
  @Field({ description: 'The name of the person who took the step (from their token).' }) name: string;
  @Field(() => RoleEnum, { description: 'MUNICIPALITY or STATSFORVALTER.' }) role: Role;
  @Field({ description: 'Municipality number or Statsforvalter area id.' }) org: string;
  @Field({ description: 'The organisation by name.' }) orgName: string;
}

@ObjectType({ simpleResolvers: true, description: 'One step of an appeal (R-9.4–R-9.6), kept for good.' })
export class AppealHistoryEntry {
  @Field(() => GraphQLISODateTime, { description: 'When the step was taken (UTC).' }) at: Date;
  @Field(() => AppealHistoryEventEnum, { description: 'Which step.' }) event: AppealHistoryEvent;
  @Field(() => AppealStateEnum, { nullable: true, description: 'The state before the step; null for REGISTER.' }) fromState: AppealState | null;
  @Field(() => AppealStateEnum, { nullable: true, description: 'The state after the step (the same as fromState for a recording step).' })
  toState: AppealState | null;
  @Field(() => String, { nullable: true, description: 'What the step recorded in words (a note, a reason, the re-judged deadline); null when none.' })
  note: string | null;
  @Field(() => AppealActor, { description: 'Who took the step.' }) by: AppealActor;
}

/** The fields both sides see. Not a GraphQL type of its own: Appeal and ForwardedAppeal extend it. */
@ObjectType('AppealFields', { simpleResolvers: true })
export class AppealFields {
  @Field(() => UUIDScalar, { description: "The appeal's id." }) id: string;
  municipalityId: number;
  decisionId: string;
  participantId: string;
  reversalDecisionId: string | null;
  followUpDecisionId: string | null;
  dismissalDecisionId: string | null;
  @Field(() => AppealStateEnum, {
    nullable: true,
    description:
      'The state a CLOSED appeal was closed from; RECEIVED, UNDER_REVIEW, FORWARDED or PARTLY_REVERSED_AND_FORWARDED: the appellant withdrew it (R-13.10).',
  })
  closedFrom: AppealState | null;

  @Field(() => Int, { description: 'Optimistic-concurrency version: send it back as expectedVersion.' }) version: number;
  @Field(() => AppealStateEnum, { description: 'Where the appeal stands (R-9.4).' }) state: AppealState;
  @Field(() => LocalDateScalar, { description: 'The municipality received the appeal (R-9.1).' }) receivedAt: string;
  @Field(() => LocalDateScalar, { description: 'The appeal was sent or posted: this decides whether it is in time (forvaltningsloven § 30).' }) sentAt: string;
  @Field({ description: 'Why the participant appeals.' }) grounds: string;
  @Field({ description: 'The change the participant wants (R-9.1).' }) changeWanted: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The participant asked for reasons (forvaltningsloven § 24): the decision's fact, else the appeal's (R-13.8); null when not asked.",
  })
  reasonsRequestedAt: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The requested reasons were received; a new 3 weeks run from here (R-9.2); null when not (yet).',
  })
  reasonsReceivedAt: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The deadline as extended before it expired (fvl § 29 fourth para); null without an extension.',
  })
  extendedDeadline: string | null;
  @Field(() => LocalDateScalar, {
    description:
      "The appeal deadline (R-9.2), computed when the appeal was registered and again whenever the decision's notice date, request for reasons or extension changes (R-13.8).",
  })
  deadline: string;
  @Field(() => AppealDeadlineBasisEnum, { description: 'What the deadline counts from.' }) deadlineBasis: AppealDeadlineBasis;
  @Field({ description: 'Sent on or before the deadline (or while requested reasons were awaited).' }) filedInTime: boolean;
  @Field(() => LateAppealGroundEnum, { nullable: true, description: 'The recorded ground on which a late appeal is considered (R-9.3).' })
  lateGround: LateAppealGround | null;
  @Field(() => LocalDateScalar, { description: 'The last day a late appeal can be considered: 1 year after the decision (R-9.3).' }) lateAppealLastDay: string;
  @Field({ description: 'In time, or late with a recorded ground and within the 1-year bar: the appeal can be considered on its merits.' })
  mayBeConsidered: boolean;
  @Field(() => String, { nullable: true, description: "The municipality's reasons for dismissing the appeal (avvisning)." }) dismissalReasons: string | null;
  @Field(() => StatsforvalterArea, { nullable: true, description: 'The Statsforvalter office the appeal is forwarded to (R-9.5).' })
  statsforvalter: StatsforvalterArea | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the appeal was last reassigned to another office (UTC); null if never.' })
  reassignedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the appeal was reassigned to another office (disqualification).' }) reassignmentReason:
    string | null;
  @Field(() => String, { nullable: true, description: "The municipality's statement (oversendelsesbrev) to Statsforvalteren." }) municipalityStatement:
    string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the statement was copied to the participant (forvaltningsloven § 33).' })
  statementCopiedToParticipantAt: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the appeal was forwarded to Statsforvalteren (UTC); null while not forwarded.' })
  forwardedAt: Date | null;
  @Field(() => AppealOutcomeEnum, { nullable: true, description: "Statsforvalteren's outcome (R-9.6); null until decided." })
  outcome: StatsforvalterOutcome | null;
  @Field({ description: 'CHANGED or QUASHED_AND_RETURNED in part only.' }) outcomePartial: boolean;
  @Field(() => String, { nullable: true, description: "Statsforvalteren's reasons; null until decided." }) outcomeReasons: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The date Statsforvalteren decided; null until decided.' }) outcomeDecidedAt: string | null;
  @Field(() => String, { nullable: true, description: 'Who decided for Statsforvalteren.' }) decidedBy: string | null;
  @Field({ description: "Statsforvalteren changed the decision to the appellant's detriment (R-9.7)." }) toDetriment: boolean;
  @Field(() => LocalDateScalar, { nullable: true, description: "When notice of a possible change to the appellant's detriment was sent (R-9.7)." })
  detrimentNoticeAt: string | null;
  @Field(() => LocalDateScalar, {
    description: "A change to the appellant's detriment needs notice by this day: 3 months after the municipality received the appeal (R-9.7).",
  })
  detrimentNoticeDeadline: string;
  @Field({ description: 'CHANGED or QUASHED_AND_RETURNED and the municipality has not yet recorded its follow-up decision.' }) followUpNeeded: boolean;
  @Field(() => GraphQLISODateTime, { description: 'When the appeal was registered in introsak (UTC).' }) createdAt: Date;
}

@ObjectType({ simpleResolvers: true, description: "An appeal (klage) of one of the municipality's decisions, as the municipality sees it." })
export class Appeal extends AppealFields {
  @Field(() => [AppealEventEnum], { description: 'The steps the state machine allows from here.' }) availableEvents: AppealEvent[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'The appealed decision as Statsforvalteren sees it: this decision only, none of the case around it (R-9.8).',
})
export class AppealedDecision {
  /** Not fields: where the access log finds whose data was read. */
  participantId?: string;
  municipalityId?: number;
  @Field(() => UUIDScalar, { description: "The decision's id." }) id: string;
  @Field(() => DecisionTypeEnum, { description: 'What the decision is about.' }) type: DecisionType;
  @Field(() => DecisionOutcomeEnum, { description: 'Granted or refused.' }) outcome: 'GRANTED' | 'REFUSED';
  @Field(() => ParticipationBasisEnum, { nullable: true, description: 'Participation: RIGHT_AND_DUTY or DISCRETIONARY.' }) basis: string | null;
  @Field({ description: 'The reasons (begrunnelse) as the participant read them.' }) reasons: string;
  @Field(() => [String], { description: 'The sections the decision rests on (hjemmel).' }) legalBasis: string[];
  @Field(() => LocalDateScalar, { description: 'The date the decision was made.' }) decidedAt: string;
  @Field({ description: "The name of the municipality's caseworker who made it." }) decidedBy: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Advance notice (forhåndsvarsel) given; null when none.' }) advanceNoticeAt: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the notice reached the participant (the appeal deadline runs from it).' })
  notifiedAt: string | null;
  @Field(() => BenefitDetails, { nullable: true, description: 'A granted BENEFIT decision: the calculation; null otherwise.' }) benefit: BenefitDetails | null;
  @Field(() => HaltDetails, { nullable: true, description: 'A HALT decision: the halt; null for other types.' }) halt: HaltDetails | null;
  @Field(() => ExtensionDetails, { nullable: true, description: 'An EXTENSION decision: the months; null for other types.' })
  extension: ExtensionDetails | null;
  @Field(() => LeaveDetails, { nullable: true, description: 'A LEAVE decision: the leave; null for other types.' }) leave: LeaveDetails | null;
  @Field(() => ExemptionDetails, { nullable: true, description: 'An EXEMPTION decision: subject and ground; null for other types.' })
  exemption: ExemptionDetails | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The appellant as Statsforvalteren sees them: identity without the national identity number (R-9.8, R-11.3).',
})
export class AppealParticipant {
  /** Not fields: where the access log finds whose data was read (PERSONAL_DATA_TYPES). */
  participantId: string;
  municipalityId: number;
  @Field({ description: "The appellant's full name." }) name: string;
  @Field(() => LocalDateScalar, { description: "The appellant's date of birth." }) birthDate: string;
  @Field(() => Municipality, { description: 'The municipality that holds the case.' }) municipality: Municipality;
}

@ObjectType({ simpleResolvers: true, description: 'A forwarded appeal as Statsforvalteren sees it: only what the appeal needs (R-9.8).' })
export class ForwardedAppeal extends AppealFields {
  @Field(() => Municipality, { description: 'The municipality that made the appealed decision.' }) municipality: Municipality;
  @Field(() => AppealedDecision, { description: 'The decision under appeal.' }) decision: AppealedDecision;
  @Field(() => AppealParticipant, { description: 'The appellant (no identity number).' }) participant: AppealParticipant;
  @Field(() => Int, { description: 'Days from forwarding to the decision, or to today while undecided.' }) daysWaiting: number;
}

@ObjectType({ simpleResolvers: true, description: "A page of Statsforvalteren's forwarded appeals (Relay cursor connection)." })
export class ForwardedAppealConnection extends Connection(ForwardedAppeal, 'ForwardedAppeal') {}

@InputType({ description: 'An appeal as received from the participant (R-9.1). The deadline and whether it is in time are computed (R-9.2).' })
export class RegisterAppealInput {
  @Field(() => UUIDScalar, { description: 'The appealed decision; its notice must be recorded (notifiedAt).' }) decisionId: string;
  @Field(() => LocalDateScalar, { description: 'The day the municipality received the appeal; never after today (R-13.7).' }) receivedAt: string;
  @Field(() => LocalDateScalar, { description: 'Sent or posted; an appeal delivered in person was sent the day it was received.' }) sentAt: string;
  @Field({ description: 'Why the participant appeals, 1–8000 characters, not blank (R-13.7).' }) @Length(1, 8000) @Matches(PLAIN_TEXT) grounds: string;
  @Field({ description: 'The change the participant wants (R-9.1), 1–4000 characters, not blank (R-13.7).' })
  @Length(1, 4000)
  @Matches(PLAIN_TEXT)
  changeWanted: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The participant asked for reasons (forvaltningsloven § 24).' })
  @IsOptional()
  reasonsRequestedAt?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The requested reasons were received (a new 3 weeks run from here, R-9.2).' })
  @IsOptional()
  reasonsReceivedAt?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'A deadline extended before it expired (forvaltningsloven § 29 fourth para).' })
  @IsOptional()
  extendedDeadline?: string | null;
  @Field(() => LateAppealGroundEnum, {
    nullable: true,
    description: 'A late appeal accepted for consideration on this ground (R-9.3). Only for a late appeal.',
  })
  @IsOptional()
  @IsIn(LATE_APPEAL_GROUNDS as unknown as string[])
  lateGround?: LateAppealGround | null;
  @IdempotencyKeyField() idempotencyKey?: string | null;
}

@InputType({ description: "Statsforvalteren's decision on a forwarded appeal (R-9.6). Final." })
export class DecideAppealInput {
  @Field(() => AppealOutcomeEnum, { description: 'The outcome (R-9.6).' }) @IsIn(STATSFORVALTER_OUTCOMES as unknown as string[]) outcome: StatsforvalterOutcome;
  @Field({ defaultValue: false, description: 'CHANGED or QUASHED_AND_RETURNED in part only.' }) @IsBoolean() partial: boolean;
  @Field({ description: 'The reasons, as the participant and the municipality will read them.' }) @Length(1, 8000) @Matches(PLAIN_TEXT) reasons: string;
  @Field(() => LocalDateScalar, { description: 'The date Statsforvalteren decides.' }) decidedAt: string;
  @Field({ description: "The change is to the appellant's detriment (R-9.7): only with CHANGED." }) @IsBoolean() toDetriment: boolean;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "When notice of a possible change to the appellant's detriment was sent; without it the decision itself is the notice (R-9.7).",
  })
  @IsOptional()
  detrimentNoticeSentAt?: string | null;
}

@InputType({ description: "Narrows Statsforvalteren's appeal list. Every condition given must hold." })
export class AppealFilter {
  @Field(() => String, { nullable: true, description: 'The deciding municipality, by its 4-digit number.' })
  @IsOptional()
  @Matches(/^\d{4}$/)
  municipalityNumber?: string | null;
  @Field(() => DecisionTypeEnum, { nullable: true, description: 'The type of the appealed decision.' })
  @IsOptional()
  @IsIn(DECISION_TYPES as unknown as string[])
  decisionType?: DecisionType | null;
  @Field(() => AppealStateEnum, { nullable: true, description: 'The state of the appeal.' })
  @IsOptional()
  @IsIn(APPEAL_STATES as unknown as string[])
  state?: AppealState | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Received by the municipality on or after this day.' }) @IsOptional() receivedFrom?:
    string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Received by the municipality on or before this day.' }) @IsOptional() receivedTo?:
    string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Forwarded on or after this day (Europe/Oslo).' }) @IsOptional() forwardedFrom?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Forwarded on or before this day (Europe/Oslo).' }) @IsOptional() forwardedTo?: string | null;
}

@ArgsType()
export class AppealsArgs extends PageArgs {
  @Field(() => AppealFilter, { nullable: true, description: 'Narrows the list; none: every appeal forwarded to the office.' })
  @IsOptional()
  @ValidateNested()
  filter?: AppealFilter | null;
  @Field(() => AppealOrderEnum, { defaultValue: 'WAITING_LONGEST', description: 'The order of the list.' })
  @IsIn(APPEAL_ORDERS as unknown as string[])
  orderBy: AppealOrder;
  @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'The direction of orderBy; a cursor belongs to one order and direction.' })
  @IsIn(SORT_DIRECTIONS as unknown as string[])
  direction: SortDirectionValue = 'ASC';
}

export const MUNICIPALITY_APPEAL_ORDERS = ['DEADLINE', 'RECEIVED_AT'] as const;
export type MunicipalityAppealOrder = (typeof MUNICIPALITY_APPEAL_ORDERS)[number];
export const MunicipalityAppealOrderEnum = enumFrom(
  MUNICIPALITY_APPEAL_ORDERS,
  'MunicipalityAppealOrder',
  "The order of the municipality's own appeal list, ascending unless direction is DESC; ties by id.",
  {
    DEADLINE: 'The appeal deadline (klagefrist, R-9.2) earliest first.',
    RECEIVED_AT: 'Received by the municipality (mottatt) earliest first.',
  },
);

@InputType({ description: "Narrows the municipality's own appeal list. Every condition given must hold." })
export class MunicipalityAppealFilter {
  @Field(() => [AppealStateEnum], { nullable: true, description: 'Any of these states (an empty list matches nothing). countsByState ignores it.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(APPEAL_STATES as unknown as string[], { each: true })
  state?: AppealState[] | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The appeal deadline (klagefrist, R-9.2) is on or after this day.' })
  @IsOptional()
  deadlineFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The appeal deadline (klagefrist, R-9.2) is on or before this day.' })
  @IsOptional()
  deadlineTo?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The appellant's case is assigned to this caseworker (saksbehandler), by subject (user id, as in Participant.assignedTo.sub).",
  })
  @IsOptional()
  @Length(1, 200)
  @Matches(PLAIN_TEXT, { message: 'assignedTo contains control characters' })
  assignedTo?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'How many appeals are in a state.' })
export class AppealStateCount {
  @Field(() => AppealStateEnum, { description: 'The state (R-9).' }) state: AppealState;
  @Field(() => Int, { description: "The appeals in this state that match the filter's other conditions." }) count: number;
}

@ObjectType({ simpleResolvers: true, description: "A page of the municipality's own appeals (Relay cursor connection), with counts per state." })
export class MunicipalityAppealConnection extends Connection(Appeal, 'MunicipalityAppeal') {
  @Field(() => [AppealStateCount], {
    description:
      "Every state with the count of the appeals in it that match the filter's deadline and caseworker conditions, whatever its state condition; zeros included.",
  })
  countsByState: AppealStateCount[];
}

@ArgsType()
export class MunicipalityAppealsArgs extends PageArgs {
  @Field(() => MunicipalityAppealFilter, { nullable: true, description: 'Narrows the list; every condition given must hold.' })
  @IsOptional()
  @ValidateNested()
  filter?: MunicipalityAppealFilter | null;

  @Field(() => MunicipalityAppealOrderEnum, { defaultValue: 'DEADLINE', description: 'The order of the list.' })
  @IsIn(MUNICIPALITY_APPEAL_ORDERS as unknown as string[])
  orderBy: MunicipalityAppealOrder;

  @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'The direction of orderBy; a cursor belongs to one order and direction.' })
  @IsIn(SORT_DIRECTIONS as unknown as string[])
  direction: SortDirectionValue = 'ASC';
}

/** The arguments every step on an existing appeal takes. */
@ArgsType()
export class AppealStepArgs {
  @Field(() => UUIDScalar, { description: 'The appeal.' }) appealId: string;
  @Field(() => Int, { description: 'The version the caller last saw: a changed appeal answers CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
}

@ArgsType()
export class AppealNoteArgs extends AppealStepArgs {
  @Field(() => String, { nullable: true, description: "A note for the appeal's history, at most 4000 characters (e.g. that the appellant withdrew)." })
  @IsOptional()
  @MaxLength(4000)
  @Matches(PLAIN_TEXT)
  note?: string | null;
}

@ArgsType()
export class AcceptLateAppealArgs extends AppealStepArgs {
  @Field(() => LateAppealGroundEnum, { description: 'The ground on which the late appeal is considered (R-9.3).' })
  @IsIn(LATE_APPEAL_GROUNDS as unknown as string[])
  ground: LateAppealGround;
}

@ArgsType()
export class ForwardAppealArgs extends AppealStepArgs {
  @Field({ description: "The municipality's statement (oversendelse) to Statsforvalteren." }) @Length(1, 16000) @Matches(PLAIN_TEXT) statement: string;
  @Field(() => LocalDateScalar, { description: 'When the statement was copied to the participant (forvaltningsloven § 33).' }) copiedToParticipantAt: string;
}

@ArgsType()
export class DismissAppealArgs extends AppealStepArgs {
  @Field({ description: 'Why the conditions for an appeal are not met (e.g. late without a ground, R-9.3).' })
  @Length(1, 8000)
  @Matches(PLAIN_TEXT)
  reasons: string;
}

@ArgsType()
export class ReassignAppealArgs extends AppealStepArgs {
  @Field({ description: 'The Statsforvalter area id of the office that takes over.' }) @Length(1, 100) @Matches(/^[a-z0-9-]+$/) statsforvalterId: string;
  @Field({ description: 'Why: e.g. the competent office is disqualified (inhabil).' }) @Length(1, 4000) @Matches(PLAIN_TEXT) reason: string;
}

@ArgsType()
export class AppealFollowUpArgs extends AppealStepArgs {
  @Field(() => UUIDScalar, { description: "The municipality's new decision after CHANGED or QUASHED_AND_RETURNED." }) decisionId: string;
}
