import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { END_GOALS, EndGoal } from '../../domain/end-goal';
import { EndGoalEnum, enumFrom } from '../../graphql/enums';
import { Connection, PageArgs, SORT_DIRECTIONS, SortDirectionEnum, SortDirectionValue } from '../../graphql/pagination';
import { EligibilityBasisEnum, Participant, PARTICIPANT_STATUSES, ParticipantStatus, ParticipantStatusEnum } from '../participant';
import { PLAIN_TEXT } from '../shared';

export const PARTICIPANT_ORDERS = ['START_DEADLINE', 'SETTLEMENT_DATE', 'NAME', 'PLANNED_END_DATE'] as const;
export type ParticipantOrderValue = (typeof PARTICIPANT_ORDERS)[number];

export const ParticipantOrderEnum = enumFrom(
  PARTICIPANT_ORDERS,
  'ParticipantOrder',
  "The order of the case list (direction: ASC or DESC), ties by id. START_DEADLINE: the start deadline (R-5.1); SETTLEMENT_DATE: the settlement date (bosettingsdato); NAME: the name in bokmål order; PLANNED_END_DATE: the programme's planned end date (planlagt sluttdato). Ascending, participants without a value last.",
  {
    START_DEADLINE: 'By the start deadline (R-5.1), earliest first; participants without one (not settled) last.',
    SETTLEMENT_DATE: 'By the settlement date (bosettingsdato); participants not settled last.',
    NAME: 'By name in Norwegian (bokmål, nb-NO) order: a–z, æ, ø, å, lower and upper case side by side.',
    PLANNED_END_DATE: "By the programme's planned end date (planlagt sluttdato); participants without a programme last.",
  },
);

export { SORT_DIRECTIONS, SortDirectionEnum } from '../../graphql/pagination';
export type { SortDirectionValue } from '../../graphql/pagination';

@ObjectType({ simpleResolvers: true, description: "A page of the municipality's case list (Relay cursor connection)." })
export class ParticipantConnection extends Connection(Participant, 'Participant') {}

@InputType({ description: 'Narrows the case list. Every condition given must hold; a yes/no condition set to false selects the complement.' })
export class ParticipantFilter {
  @Field(() => [ParticipantStatusEnum], { nullable: true, description: 'Any of these statuses (an empty list matches nothing).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(PARTICIPANT_STATUSES as unknown as string[], { each: true })
  status?: ParticipantStatus[] | null;

  @Field(() => [EndGoalEnum], {
    nullable: true,
    description: "Any of these current end goals (the latest plan version's; an empty list matches nothing); participants without a plan do not match.",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(END_GOALS as unknown as string[], { each: true })
  endGoal?: EndGoal[] | null;

  @Field(() => Boolean, { nullable: true, description: 'The start deadline has passed and the programme has not started (REGISTERED or PLANNED).' })
  @IsOptional()
  @IsBoolean()
  startOverdue?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'The start deadline falls from today to today + n days (0–366), whatever the status.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  startDeadlineWithinDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'A running programme (ACTIVE, ON_LEAVE, HALTED) whose planned end date falls from today to today + n days (0–366).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  programmeEndingWithinDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'An open case (not COMPLETED, INTERRUPTED or TRANSFERRED) without a completed competence mapping.' })
  @IsOptional()
  @IsBoolean()
  mappingMissing?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'An open case (not COMPLETED, INTERRUPTED or TRANSFERRED) without any integration plan.' })
  @IsOptional()
  @IsBoolean()
  planMissing?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The participant has an appeal that is not closed.' })
  @IsOptional()
  @IsBoolean()
  hasOpenAppeal?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, case-insensitive, % and _ taken literally (at most 100 characters; blank: no condition).',
  })
  @IsOptional()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'nameContains contains control characters' })
  nameContains?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Assigned to the caller (true) or not (false).' })
  @IsOptional()
  @IsBoolean()
  assignedToMe?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Assigned to any of these caseworkers (saksbehandler), by subject (user id, as in assignedTo.sub and caseloadSummary.byCaseworker); an empty list matches nothing.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(200, { each: true })
  @Matches(PLAIN_TEXT, { each: true, message: 'assignedTo contains control characters' })
  assignedTo?: string[] | null;

  @Field(() => EligibilityBasisEnum, {
    nullable: true,
    description: "Right and duty, discretionary or none (R-1.8) on today's date, read from the eligibility periods stored with the participant's facts.",
  })
  @IsOptional()
  @IsIn(['RIGHT_AND_DUTY', 'DISCRETIONARY', 'NONE'])
  eligibility?: 'RIGHT_AND_DUTY' | 'DISCRETIONARY' | 'NONE' | null;
}

@ArgsType()
export class ParticipantsArgs extends PageArgs {
  // A NAME cursor carries the name: room for a 200-character name (PageArgs allows 200 characters).
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page (same filter and orderBy).' })
  @IsOptional()
  @MaxLength(1200)
  override after?: string | null = undefined;

  @Field(() => String, { nullable: true, description: 'The startCursor of the following page (same filter, orderBy and direction): page backward with last.' })
  @IsOptional()
  @MaxLength(1200)
  override before?: string | null = undefined;

  @Field(() => ParticipantFilter, { nullable: true, description: 'Which participants to list; none: all of the municipality.' })
  @IsOptional()
  @ValidateNested()
  filter?: ParticipantFilter | null;

  @Field(() => ParticipantOrderEnum, { defaultValue: 'START_DEADLINE', description: 'The order of the list; ties by id.' })
  @IsIn(PARTICIPANT_ORDERS as unknown as string[])
  orderBy: ParticipantOrderValue;

  @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'The direction of orderBy; a cursor belongs to one order and direction.' })
  @IsIn(SORT_DIRECTIONS as unknown as string[])
  direction: SortDirectionValue = 'ASC';
}

@ObjectType({ simpleResolvers: true, description: 'How many participants have a status.' })
export class StatusCount {
  @Field(() => ParticipantStatusEnum, { description: 'The status counted.' })
  status: ParticipantStatus;

  @Field(() => Int, { description: 'Participants with this status (0 when none).' })
  count: number;
}

@ObjectType({ simpleResolvers: true, description: "One caseworker's (saksbehandler's) caseload: the participants assigned to them." })
export class CaseworkerCount {
  @Field(() => String, {
    nullable: true,
    description: "The caseworker's subject (user id): what ParticipantFilter.assignedTo takes; null for the participants assigned to nobody.",
  })
  sub: string | null;

  @Field(() => String, { nullable: true, description: "The caseworker's name as last assigned; null for the participants assigned to nobody." })
  name: string | null;

  @Field(() => Int, { description: 'All participants assigned to the caseworker.' })
  total: number;

  @Field(() => Int, { description: 'Of those, the open cases (not COMPLETED, INTERRUPTED or TRANSFERRED).' })
  open: number;
}

@ObjectType({ simpleResolvers: true, description: "The municipality's caseload at a glance, today (Europe/Oslo)." })
export class CaseloadSummary {
  @Field(() => Int, { description: 'All participants.' })
  total: number;

  @Field(() => [StatusCount], { description: 'Every status, with zero counts.' })
  byStatus: StatusCount[];

  @Field(() => [CaseworkerCount], {
    description: 'The caseload of every caseworker with at least one participant, most open cases first (ties by name), and the unassigned last.',
  })
  byCaseworker: CaseworkerCount[];

  @Field(() => Int, { description: 'Start deadline passed, programme not started (filter: startOverdue).' })
  startsOverdue: number;

  @Field(() => Int, { description: 'Open cases without a completed competence mapping (filter: mappingMissing).' })
  mappingsMissing: number;

  @Field(() => Int, { description: 'Open cases without an integration plan (filter: planMissing).' })
  plansMissing: number;

  @Field(() => Int, { description: 'Decisions not yet notified to the participant.' })
  decisionsAwaitingNotice: number;

  @Field(() => Int, { description: 'Running programmes planned to end within 30 days (filter: programmeEndingWithinDays: 30).' })
  programmesEndingWithin30Days: number;

  @Field(() => Int, { description: 'Participants with an appeal that is not closed (filter: hasOpenAppeal).' })
  openAppeals: number;

  @Field(() => Int, { description: 'Appeals received or under review: the municipality has to review them (R-9.4).' })
  appealsAwaitingReview: number;

  @Field(() => Int, { description: "Appeals Statsforvalteren changed or quashed and returned, still without the municipality's follow-up decision (R-9.6)." })
  appealFollowUpsNeeded: number;
}
