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
);
export const WorklistActionEnum = enumFrom(WORKLIST_ACTIONS, 'WorklistAction', 'What to do next about a worklist item.');

export const WORKLIST_SUBJECTS = ['PARTICIPANT', 'DECISION', 'APPEAL', 'PROGRAMME', 'CAREER_GUIDANCE_REFERRAL'] as const;
export type WorklistSubject = (typeof WORKLIST_SUBJECTS)[number];
export const WorklistSubjectEnum = enumFrom(WORKLIST_SUBJECTS, 'WorklistSubject', 'The kind of record a worklist item is about.');

export const WORKLIST_SCOPES = ['MINE', 'MUNICIPALITY'] as const;
export type WorklistScope = (typeof WORKLIST_SCOPES)[number];
export const WorklistScopeEnum = enumFrom(
  WORKLIST_SCOPES,
  'WorklistScope',
  "MINE: the cases assigned to the caller; MUNICIPALITY: every case of the caller's municipality (the team lead's view).",
);

@ObjectType({ simpleResolvers: true, description: 'The participant a duty is about: the name only, never the identity number.' })
export class WorklistParticipant {
  @Field(() => UUIDScalar) id: string;
  /** Not a field: where the access log finds whose data was read. */
  municipalityId: number;
  @Field() name: string;
  @Field(() => Municipality) municipality: Municipality;
}

@ObjectType({ simpleResolvers: true, description: 'A duty with the day it is due, computed from the case data (never stored).' })
export class WorklistItem {
  @Field({ description: 'Stable for the duty: the kind and the record it is about.' }) id: string;
  @Field(() => WorklistKindEnum) kind: WorklistKind;
  @Field({ description: 'The RULES.md id of the rule that sets the duty.' }) ruleId: string;
  @Field() lawReference: string;
  @Field(() => LocalDateScalar, { description: "The last day to act (the municipality's own duty dates do not move off weekends, R-0.3)." })
  dueDate: string;
  @Field({ description: 'Today (Europe/Oslo) is after the due date.' }) overdue: boolean;
  @Field(() => WorklistActionEnum) action: WorklistAction;
  @Field({ description: 'The next action, in words.' }) actionText: string;
  @Field(() => WorklistSubjectEnum) subjectType: WorklistSubject;
  @Field(() => UUIDScalar, { description: 'The id of the participant, decision, appeal, programme or referral the duty is about.' }) subjectId: string;
  @Field(() => WorklistParticipant) participant: WorklistParticipant;
}

@ObjectType({ simpleResolvers: true })
export class WorklistKindCount {
  @Field(() => WorklistKindEnum) kind: WorklistKind;
  @Field(() => Int) count: number;
  @Field(() => Int) overdue: number;
}

@ObjectType({ simpleResolvers: true })
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
