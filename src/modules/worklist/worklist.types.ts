import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested, ArrayMaxSize } from 'class-validator';
import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { WORKLIST_ACTIONS, WORKLIST_KINDS, WorklistAction, WorklistKind } from '../../domain/worklist';
import { enumFrom } from '../../graphql/enums';
import { Connection, PageArgs, SORT_DIRECTIONS, SortDirectionEnum, SortDirectionValue } from '../../graphql/pagination';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { Municipality } from '../reference';

export const WorklistKindEnum = enumFrom(
  WORKLIST_KINDS,
  'WorklistKind',
  'A duty the law gives the caller: MAPPING_DUE (R-2.2), PROGRAMME_START_DUE (R-5.1), DECISION_NOTICE_MISSING (R-8.2), APPEAL_REVIEW (R-9.4), ' +
    'DETRIMENT_NOTICE_DEADLINE (R-9.7), APPEAL_FOLLOW_UP (R-9.6), CARE_LEAVE_FOLLOW_UP (R-6.2), PROGRAMME_ENDING (R-5.10), GUIDANCE_NOT_USED (R-3.3); ' +
    'for a county GUIDANCE_REFERRAL_OPEN (R-3.2); for Statsforvalteren APPEAL_DECISION_DUE (R-9.6) and DETRIMENT_NOTICE_DEADLINE.',
  {
    MAPPING_DUE:
      'The competence mapping (kartlegging av kompetanse) must be complete before the participation decision, by the start deadline (R-2.2); until a participation decision is made.',
    PROGRAMME_START_DUE: 'Decision and start of the programme by the start deadline: 3 months after settlement or the later request (R-5.1).',
    DECISION_NOTICE_MISSING: "A decision's notice to the participant is not recorded; due the day the decision was made (R-8.2).",
    APPEAL_REVIEW: 'An appeal (klage) the municipality has had longer than appealReviewWeeks (default 3) after receipt (R-9.4).',
    DETRIMENT_NOTICE_DEADLINE:
      "Notice of a possible change to the appellant's detriment is due within 3 months of the municipality's receipt (R-9.7); while the appeal is undecided.",
    APPEAL_FOLLOW_UP: "Statsforvalteren CHANGED or QUASHED_AND_RETURNED a decision: the municipality's follow-up decision, due 1 month after (R-9.6).",
    CARE_LEAVE_FOLLOW_UP:
      'A care leave reaching its fourth month: the municipality offers follow-up and Norwegian training (R-6.2); due from that day until the leave ends.',
    PROGRAMME_ENDING: 'A running programme planned to end within 30 days, or past its planned end: prepare or record the end (R-5.10, R-13.4).',
    GUIDANCE_NOT_USED: 'Submitted career guidance (karriereveiledning) not yet used in a plan version; due 1 month after submission (R-3.3).',
    GUIDANCE_REFERRAL_OPEN: "The county: an OPEN or IN_PROGRESS referral, due by the case's start deadline (else 1 month after the referral) (R-3.2).",
    APPEAL_DECISION_DUE: 'Statsforvalteren: a forwarded appeal to decide, due 1 month after forwarding (R-9.6).',
  },
);
export const WorklistActionEnum = enumFrom(WORKLIST_ACTIONS, 'WorklistAction', 'What to do next about a worklist item.', {
  COMPLETE_MAPPING: 'Complete the competence mapping (recordCompetenceMapping with complete: true).',
  MAKE_PARTICIPATION_DECISION: 'Make the PARTICIPATION decision (makeDecision).',
  START_PROGRAMME: 'Start the programme (startProgramme).',
  RECORD_DECISION_NOTICE: 'Record when the notice reached the participant (recordDecisionNotice).',
  START_APPEAL_REVIEW: "Start the municipality's review of the appeal (startAppealReview).",
  FINISH_APPEAL_REVIEW: 'Finish the review: reverse, partly reverse and forward, dismiss or forward the appeal.',
  SEND_DETRIMENT_NOTICE_IF_NEEDED: "If the decision may be changed to the appellant's detriment, send notice by the due date (R-9.7).",
  RECORD_FOLLOW_UP_DECISION: 'Make the follow-up decision and record it on the appeal (recordAppealFollowUp).',
  OFFER_CARE_LEAVE_FOLLOW_UP: 'Offer follow-up and Norwegian training during the care leave (R-6.2).',
  PREPARE_PROGRAMME_END: 'Prepare the end of the programme and the participation certificate (R-5.10, R-10.1).',
  END_PROGRAMME: 'The planned end date has passed: complete or interrupt the programme (R-13.4).',
  USE_GUIDANCE_IN_PLAN: 'Use the guidance in a plan version (saveIntegrationPlan with guidanceReferralId, or linkPlanToGuidance).',
  START_GUIDANCE: 'The county: take the referral on (startCareerGuidance).',
  SUBMIT_GUIDANCE: 'The county: submit the guidance and its recommendation (submitCareerGuidance).',
  DECIDE_APPEAL: 'Statsforvalteren: decide the appeal (decideAppeal).',
});

export const WORKLIST_SUBJECTS = ['PARTICIPANT', 'DECISION', 'APPEAL', 'PROGRAMME', 'CAREER_GUIDANCE_REFERRAL'] as const;
export type WorklistSubject = (typeof WORKLIST_SUBJECTS)[number];
export const WorklistSubjectEnum = enumFrom(WORKLIST_SUBJECTS, 'WorklistSubject', 'The kind of record a worklist item is about.', {
  PARTICIPANT: 'A participant (subjectId: Participant.id).',
  DECISION: 'A decision (subjectId: Decision.id).',
  APPEAL: 'An appeal (subjectId: Appeal.id or ForwardedAppeal.id).',
  PROGRAMME: 'A programme (subjectId: Programme.id).',
  CAREER_GUIDANCE_REFERRAL: 'A career-guidance referral (subjectId: the referral id).',
});

export const WORKLIST_SCOPES = ['MINE', 'MUNICIPALITY'] as const;
export type WorklistScope = (typeof WORKLIST_SCOPES)[number];
export const WorklistScopeEnum = enumFrom(
  WORKLIST_SCOPES,
  'WorklistScope',
  "MINE: the cases assigned to the caller; MUNICIPALITY: every case of the caller's municipality (the team lead's view).",
  {
    MINE: 'The cases assigned to the caller.',
    MUNICIPALITY: "Every case of the caller's municipality.",
  },
);

@ObjectType({ simpleResolvers: true, description: 'The participant a duty is about: the name only, never the identity number.' })
export class WorklistParticipant {
  @Field(() => UUIDScalar, { description: 'The participant (case) id.' }) id: string;
  /** Not a field: where the access log finds whose data was read. */
  municipalityId: number;
  @Field({ description: "The participant's full name." }) name: string;
  @Field(() => Municipality, { description: 'The municipality that holds the case.' }) municipality: Municipality;
}

@ObjectType({ simpleResolvers: true, description: 'A duty with the day it is due, computed from the case data (never stored).' })
export class WorklistItem {
  @Field({ description: 'Stable for the duty: the kind and the record it is about.' }) id: string;
  @Field(() => WorklistKindEnum, { description: 'Which duty.' }) kind: WorklistKind;
  @Field({ description: 'The RULES.md id of the rule that sets the duty.' }) ruleId: string;
  @Field({ description: 'The section the duty comes from, e.g. "integreringsloven § 12".' }) lawReference: string;
  @Field(() => LocalDateScalar, { description: "The last day to act (the municipality's own duty dates do not move off weekends, R-0.3)." })
  dueDate: string;
  @Field({ description: 'Today (Europe/Oslo) is after the due date.' }) overdue: boolean;
  @Field(() => WorklistActionEnum, { description: 'The next action.' }) action: WorklistAction;
  @Field({ description: 'The next action, in words.' }) actionText: string;
  @Field(() => WorklistSubjectEnum, { description: 'What kind of record subjectId names.' }) subjectType: WorklistSubject;
  @Field(() => UUIDScalar, { description: 'The id of the participant, decision, appeal, programme or referral the duty is about.' }) subjectId: string;
  @Field(() => WorklistParticipant, { description: 'The participant the duty is about.' }) participant: WorklistParticipant;
}

@ObjectType({ simpleResolvers: true, description: 'How many duties of one kind the scope holds.' })
export class WorklistKindCount {
  @Field(() => WorklistKindEnum, { description: 'The kind counted.' }) kind: WorklistKind;
  @Field(() => Int, { description: 'Duties of this kind (0 when none).' }) count: number;
  @Field(() => Int, { description: 'Of those, the overdue ones.' }) overdue: number;
}

@ObjectType({ simpleResolvers: true, description: "A page of the caller's worklist (Relay cursor connection), with counts per kind." })
export class WorklistConnection extends Connection(WorklistItem, 'Worklist') {
  @Field(() => [WorklistKindCount], {
    description: "Every kind of the caller's role with its count and overdue count in the scope, whatever the filter's kinds, overdueOnly and dueBefore.",
  })
  counts: WorklistKindCount[];
}

@InputType({ description: 'Narrows the worklist. Every condition given must hold.' })
export class WorklistFilter {
  @Field(() => WorklistScopeEnum, { defaultValue: 'MINE', description: 'Municipality users only; counties and Statsforvalteren see their office’s duties.' })
  @IsIn(WORKLIST_SCOPES as unknown as string[])
  scope: WorklistScope;

  @Field(() => [WorklistKindEnum], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(WORKLIST_KINDS as unknown as string[], { each: true })
  kinds?: WorklistKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only overdue duties (true) or only those not overdue (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Due on or before this day.' })
  @IsOptional()
  dueBefore?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'R-9.4: flag appeals the municipality has had longer than this many weeks (1–26; default 3).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(26)
  appealReviewWeeks?: number | null;
}

@ArgsType()
export class WorklistArgs extends PageArgs {
  @Field(() => WorklistFilter, { nullable: true, description: 'Narrows the list (not the counts); every condition given must hold.' })
  @IsOptional()
  @ValidateNested()
  filter?: WorklistFilter | null;

  @Field(() => SortDirectionEnum, {
    defaultValue: 'ASC',
    description: 'ASC: the earliest due date first (ties by kind and subject); DESC the exact reverse. A cursor belongs to one direction.',
  })
  @IsIn(SORT_DIRECTIONS as unknown as string[])
  direction: SortDirectionValue = 'ASC';
}
