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
);
export const AppealEventEnum = enumFrom(APPEAL_EVENTS, 'AppealEvent', 'A step of the appeal state machine (R-9.4).');
export const AppealOutcomeEnum = enumFrom(
  STATSFORVALTER_OUTCOMES,
  'AppealOutcome',
  "Statsforvalteren's outcome (R-9.6): DISMISSED (avvist), UPHELD (stadfestet), CHANGED (endret, fully or partly), QUASHED_AND_RETURNED (opphevet og sendt tilbake).",
);
export const DecisionValidityEnum = enumFrom(
  DECISION_VALIDITIES,
  'DecisionValidity',
  'Whether a decision stands as made: IN_FORCE, or CHANGED or QUASHED (opphevet) by Statsforvalteren on appeal (R-13.10).',
);
export const LateAppealGroundEnum = enumFrom(
  LATE_APPEAL_GROUNDS,
  'LateAppealGround',
  'Why a late appeal is considered (R-9.3, forvaltningsloven § 31): the party cannot be blamed for the delay, or special reasons.',
);
export const APPEAL_DEADLINE_BASES = ['NOTICE', 'REASONS', 'EXTENDED'] as const satisfies readonly AppealDeadlineBasis[];
export const AppealDeadlineBasisEnum = enumFrom(
  APPEAL_DEADLINE_BASES,
  'AppealDeadlineBasis',
  'What the deadline counts from: the notice, the receipt of reasons requested in time, or an extension (R-9.2).',
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
export const AppealHistoryEventEnum = enumFrom(APPEAL_HISTORY_EVENTS, 'AppealHistoryEvent');
export const APPEAL_ORDERS = ['WAITING_LONGEST', 'RECEIVED_AT', 'DEADLINE'] as const;
export type AppealOrder = (typeof APPEAL_ORDERS)[number];
export const AppealOrderEnum = enumFrom(APPEAL_ORDERS, 'AppealOrder', 'The order of an appeal list, ascending unless direction is DESC; ties by id.', {
  WAITING_LONGEST: 'Forwarded to Statsforvalteren (oversendt) longest ago first.',
  RECEIVED_AT: 'Received by the municipality (mottatt) earliest first.',
  DEADLINE: 'The appeal deadline (klagefrist, R-9.2) earliest first.',
});

@ObjectType({ simpleResolvers: true, description: 'Who took a step of an appeal, and for which organisation.' })
export class AppealActor {
  @Field() name: string;
  @Field(() => RoleEnum, { description: 'MUNICIPALITY or STATSFORVALTER.' }) role: Role;
  @Field({ description: 'Municipality number or Statsforvalter area id.' }) org: string;
  @Field() orgName: string;
}

@ObjectType({ simpleResolvers: true, description: 'One step of an appeal (R-9.4–R-9.6), kept for good.' })
export class AppealHistoryEntry {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => AppealHistoryEventEnum) event: AppealHistoryEvent;
  @Field(() => AppealStateEnum, { nullable: true }) fromState: AppealState | null;
  @Field(() => AppealStateEnum, { nullable: true }) toState: AppealState | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => AppealActor) by: AppealActor;
}

/** The fields both sides see. Not a GraphQL type of its own: Appeal and ForwardedAppeal extend it. */
@ObjectType('AppealFields', { simpleResolvers: true })
export class AppealFields {
  @Field(() => UUIDScalar) id: string;
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
  @Field(() => AppealStateEnum) state: AppealState;
  @Field(() => LocalDateScalar, { description: 'The municipality received the appeal (R-9.1).' }) receivedAt: string;
  @Field(() => LocalDateScalar, { description: 'The appeal was sent or posted: this decides whether it is in time (forvaltningsloven § 30).' }) sentAt: string;
  @Field({ description: 'Why the participant appeals.' }) grounds: string;
  @Field({ description: 'The change the participant wants (R-9.1).' }) changeWanted: string;
  @Field(() => LocalDateScalar, { nullable: true }) reasonsRequestedAt: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) reasonsReceivedAt: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) extendedDeadline: string | null;
  @Field(() => LocalDateScalar, {
    description:
      "The appeal deadline (R-9.2), computed when the appeal was registered and again whenever the decision's notice date, request for reasons or extension changes (R-13.8).",
  })
  deadline: string;
  @Field(() => AppealDeadlineBasisEnum) deadlineBasis: AppealDeadlineBasis;
  @Field({ description: 'Sent on or before the deadline (or while requested reasons were awaited).' }) filedInTime: boolean;
  @Field(() => LateAppealGroundEnum, { nullable: true, description: 'The recorded ground on which a late appeal is considered (R-9.3).' })
  lateGround: LateAppealGround | null;
  @Field(() => LocalDateScalar, { description: 'The last day a late appeal can be considered: 1 year after the decision (R-9.3).' }) lateAppealLastDay: string;
  @Field({ description: 'In time, or late with a recorded ground and within the 1-year bar: the appeal can be considered on its merits.' })
  mayBeConsidered: boolean;
  @Field(() => String, { nullable: true, description: "The municipality's reasons for dismissing the appeal (avvisning)." }) dismissalReasons: string | null;
  @Field(() => StatsforvalterArea, { nullable: true, description: 'The Statsforvalter office the appeal is forwarded to (R-9.5).' })
  statsforvalter: StatsforvalterArea | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) reassignedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the appeal was reassigned to another office (disqualification).' }) reassignmentReason:
    string | null;
  @Field(() => String, { nullable: true, description: "The municipality's statement (oversendelsesbrev) to Statsforvalteren." }) municipalityStatement:
    string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the statement was copied to the participant (forvaltningsloven § 33).' })
  statementCopiedToParticipantAt: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) forwardedAt: Date | null;
  @Field(() => AppealOutcomeEnum, { nullable: true }) outcome: StatsforvalterOutcome | null;
  @Field({ description: 'CHANGED or QUASHED_AND_RETURNED in part only.' }) outcomePartial: boolean;
  @Field(() => String, { nullable: true }) outcomeReasons: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) outcomeDecidedAt: string | null;
  @Field(() => String, { nullable: true, description: 'Who decided for Statsforvalteren.' }) decidedBy: string | null;
  @Field({ description: "Statsforvalteren changed the decision to the appellant's detriment (R-9.7)." }) toDetriment: boolean;
  @Field(() => LocalDateScalar, { nullable: true, description: "When notice of a possible change to the appellant's detriment was sent (R-9.7)." })
  detrimentNoticeAt: string | null;
  @Field(() => LocalDateScalar, {
    description: "A change to the appellant's detriment needs notice by this day: 3 months after the municipality received the appeal (R-9.7).",
  })
  detrimentNoticeDeadline: string;
  @Field({ description: 'CHANGED or QUASHED_AND_RETURNED and the municipality has not yet recorded its follow-up decision.' }) followUpNeeded: boolean;
  @Field(() => GraphQLISODateTime) createdAt: Date;
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
  @Field(() => UUIDScalar) id: string;
  @Field(() => DecisionTypeEnum) type: DecisionType;
  @Field(() => DecisionOutcomeEnum) outcome: 'GRANTED' | 'REFUSED';
  @Field(() => ParticipationBasisEnum, { nullable: true, description: 'Participation: RIGHT_AND_DUTY or DISCRETIONARY.' }) basis: string | null;
  @Field() reasons: string;
  @Field(() => [String]) legalBasis: string[];
  @Field(() => LocalDateScalar) decidedAt: string;
  @Field() decidedBy: string;
  @Field(() => LocalDateScalar, { nullable: true }) advanceNoticeAt: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) notifiedAt: string | null;
  @Field(() => BenefitDetails, { nullable: true }) benefit: BenefitDetails | null;
  @Field(() => HaltDetails, { nullable: true }) halt: HaltDetails | null;
  @Field(() => ExtensionDetails, { nullable: true }) extension: ExtensionDetails | null;
  @Field(() => LeaveDetails, { nullable: true }) leave: LeaveDetails | null;
  @Field(() => ExemptionDetails, { nullable: true }) exemption: ExemptionDetails | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The appellant as Statsforvalteren sees them: identity without the national identity number (R-9.8, R-11.3).',
})
export class AppealParticipant {
  /** Not fields: where the access log finds whose data was read (PERSONAL_DATA_TYPES). */
  participantId: string;
  municipalityId: number;
  @Field() name: string;
  @Field(() => LocalDateScalar) birthDate: string;
  @Field(() => Municipality) municipality: Municipality;
}

@ObjectType({ simpleResolvers: true, description: 'A forwarded appeal as Statsforvalteren sees it: only what the appeal needs (R-9.8).' })
export class ForwardedAppeal extends AppealFields {
  @Field(() => Municipality, { description: 'The municipality that made the appealed decision.' }) municipality: Municipality;
  @Field(() => AppealedDecision) decision: AppealedDecision;
  @Field(() => AppealParticipant) participant: AppealParticipant;
  @Field(() => Int, { description: 'Days from forwarding to the decision, or to today while undecided.' }) daysWaiting: number;
}

@ObjectType({ simpleResolvers: true })
export class ForwardedAppealConnection extends Connection(ForwardedAppeal, 'ForwardedAppeal') {}

@InputType({ description: 'An appeal as received from the participant (R-9.1). The deadline and whether it is in time are computed (R-9.2).' })
export class RegisterAppealInput {
  @Field(() => UUIDScalar, { description: 'The appealed decision; its notice must be recorded (notifiedAt).' }) decisionId: string;
  @Field(() => LocalDateScalar) receivedAt: string;
  @Field(() => LocalDateScalar, { description: 'Sent or posted; an appeal delivered in person was sent the day it was received.' }) sentAt: string;
  @Field() @Length(1, 8000) @Matches(PLAIN_TEXT) grounds: string;
  @Field() @Length(1, 4000) @Matches(PLAIN_TEXT) changeWanted: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The participant asked for reasons (forvaltningsloven § 24).' })
  @IsOptional()
  reasonsRequestedAt?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() reasonsReceivedAt?: string | null;
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
  @Field(() => AppealOutcomeEnum) @IsIn(STATSFORVALTER_OUTCOMES as unknown as string[]) outcome: StatsforvalterOutcome;
  @Field({ defaultValue: false, description: 'CHANGED or QUASHED_AND_RETURNED in part only.' }) @IsBoolean() partial: boolean;
  @Field({ description: 'The reasons, as the participant and the municipality will read them.' }) @Length(1, 8000) @Matches(PLAIN_TEXT) reasons: string;
  @Field(() => LocalDateScalar) decidedAt: string;
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
  @Field(() => DecisionTypeEnum, { nullable: true }) @IsOptional() @IsIn(DECISION_TYPES as unknown as string[]) decisionType?: DecisionType | null;
  @Field(() => AppealStateEnum, { nullable: true }) @IsOptional() @IsIn(APPEAL_STATES as unknown as string[]) state?: AppealState | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Received by the municipality on or after this day.' }) @IsOptional() receivedFrom?:
    string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Received by the municipality on or before this day.' }) @IsOptional() receivedTo?:
    string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Forwarded on or after this day (Europe/Oslo).' }) @IsOptional() forwardedFrom?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Forwarded on or before this day (Europe/Oslo).' }) @IsOptional() forwardedTo?: string | null;
}

@ArgsType()
export class AppealsArgs extends PageArgs {
  @Field(() => AppealFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: AppealFilter | null;
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

@ObjectType({ simpleResolvers: true })
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
  @Field(() => UUIDScalar) appealId: string;
  @Field(() => Int, { description: 'The version the caller last saw: a changed appeal answers CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
}

@ArgsType()
export class AppealNoteArgs extends AppealStepArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000) @Matches(PLAIN_TEXT) note?: string | null;
}

@ArgsType()
export class AcceptLateAppealArgs extends AppealStepArgs {
  @Field(() => LateAppealGroundEnum) @IsIn(LATE_APPEAL_GROUNDS as unknown as string[]) ground: LateAppealGround;
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
