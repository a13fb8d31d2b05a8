import { IdempotencyKeyField } from '../../graphql/idempotency-key';
import { IsBoolean, IsIn, IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { DECISION_TYPES, DecisionType } from '../../domain/decision-types';
import { HALT_KINDS, HaltKind, LEAVE_KINDS, LeaveKind } from '../../domain/leave';
import { enumFrom, ParticipationBasisEnum } from '../../graphql/enums';
import { RuleNoticeType } from '../../graphql/rule-notice';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { PLAIN_TEXT } from '../shared';

export const DecisionTypeEnum = enumFrom(DECISION_TYPES, 'DecisionType', 'Decision (enkeltvedtak) types; all are appealable (R-8.1).');
export const DecisionOutcomeEnum = enumFrom(['GRANTED', 'REFUSED'] as const, 'DecisionOutcome');
export const HaltKindEnum = enumFrom(HALT_KINDS, 'HaltKind');
export const LeaveKindEnum = enumFrom(LEAVE_KINDS, 'LeaveKind');
export const EXEMPTION_SUBJECTS = ['NORWEGIAN', 'SOCIAL_STUDIES'] as const;
export const EXEMPTION_GROUNDS = ['DOCUMENTED_KNOWLEDGE', 'HEALTH_OR_WEIGHTY_REASONS'] as const;
export const ExemptionSubjectEnum = enumFrom(EXEMPTION_SUBJECTS, 'ExemptionSubject');
export const ExemptionGroundEnum = enumFrom(EXEMPTION_GROUNDS, 'ExemptionGround');

@InputType()
export class ParticipationDecisionInput {
  @Field({ defaultValue: false, description: 'A discretionary offer (R-1.6): the person has no right and duty, the municipality offers the programme.' })
  @IsBoolean()
  discretionary: boolean;
}
@InputType()
export class BenefitDecisionInput {
  @Field(() => LocalDateScalar) periodFrom: string;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() periodTo?: string | null;
}
@ObjectType('HaltDetails', { simpleResolvers: true })
@InputType('HaltDecisionInput')
export class HaltDetails {
  @Field(() => HaltKindEnum) @IsIn(HALT_KINDS as unknown as string[]) kind: HaltKind;
  @Field(() => LocalDateScalar) fromDate: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last halted day; temporary halts only, at most 3 months (R-5.9).' }) @IsOptional() toDate?:
    string | null;
}
@ObjectType('ExtensionDetails', { simpleResolvers: true })
@InputType('ExtensionDecisionInput')
export class ExtensionDetails {
  @Field(() => Int) @IsInt() @Min(1) @Max(24) months: number;
}
@InputType()
export class LeaveDecisionInput {
  @Field(() => LeaveKindEnum) @IsIn(LEAVE_KINDS as unknown as string[]) kind: LeaveKind;
  @Field(() => LocalDateScalar) fromDate: string;
  @Field(() => LocalDateScalar) toDate: string;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() childBirthDate?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Care leave for an adopted child under 15: the date of the adoption (omsorgsovertakelse); the year of leave runs from it (R-6.2, R-13.6).',
  })
  @IsOptional()
  adoptionDate?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Care leave: the child's fødselsnummer or D-number (required). Never stored: only a keyed hash, so the 10 months are shared with the other parent in any municipality (R-13.6).",
  })
  @IsOptional()
  @Matches(/^\d{11}$/, { message: 'childIdentityNumber must be 11 digits' })
  childIdentityNumber?: string | null;
  @Field({ defaultValue: false, description: 'The other parent is a participant too (in any municipality): 75 days are reserved for each (R-6.2).' })
  @IsBoolean()
  otherParentIsParticipant: boolean;
}
@ObjectType('ExemptionDetails', { simpleResolvers: true })
@InputType('ExemptionDecisionInput')
export class ExemptionDetails {
  @Field(() => ExemptionSubjectEnum) @IsIn(EXEMPTION_SUBJECTS as unknown as string[]) subject: (typeof EXEMPTION_SUBJECTS)[number];
  @Field(() => ExemptionGroundEnum) @IsIn(EXEMPTION_GROUNDS as unknown as string[]) ground: (typeof EXEMPTION_GROUNDS)[number];
}

@InputType({ description: 'A decision (vedtak). Give the block of its type; the others are ignored.' })
export class DecisionInput {
  @Field(() => DecisionTypeEnum) @IsIn(DECISION_TYPES as unknown as string[]) type: DecisionType;
  @Field(() => DecisionOutcomeEnum) @IsIn(['GRANTED', 'REFUSED']) outcome: 'GRANTED' | 'REFUSED';
  @Field({ description: 'The reasons (begrunnelse), as the participant will read them.' }) @Length(1, 8000) @Matches(PLAIN_TEXT) reasons: string;
  @Field(() => LocalDateScalar) decidedAt: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Advance notice (forhåndsvarsel) where required, e.g. halting (R-8.2, R-5.9).' })
  @IsOptional()
  advanceNoticeAt?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the notice reached the participant; starts the appeal deadline (R-9.2).' })
  @IsOptional()
  notifiedAt?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'R-5.1: why the first participation decision is made after the deadline (3 months after settlement or the later request).',
  })
  @IsOptional()
  @Length(1, 2000)
  @Matches(PLAIN_TEXT)
  lateDecisionReason?: string | null;
  @Field(() => ParticipationDecisionInput, { nullable: true }) @IsOptional() @ValidateNested() participation?: ParticipationDecisionInput | null;
  @Field(() => BenefitDecisionInput, { nullable: true }) @IsOptional() @ValidateNested() benefit?: BenefitDecisionInput | null;
  @Field(() => HaltDetails, { nullable: true }) @IsOptional() @ValidateNested() halt?: HaltDetails | null;
  @Field(() => ExtensionDetails, { nullable: true }) @IsOptional() @ValidateNested() extension?: ExtensionDetails | null;
  @Field(() => LeaveDecisionInput, { nullable: true }) @IsOptional() @ValidateNested() leave?: LeaveDecisionInput | null;
  @Field(() => ExemptionDetails, { nullable: true }) @IsOptional() @ValidateNested() exemption?: ExemptionDetails | null;
  @IdempotencyKeyField() idempotencyKey?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One part of the benefit period at one rate: G and age on its first day (R-7.2, R-13.3).' })
export class BenefitPartDetails {
  @Field(() => LocalDateScalar) from: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the part; null for the open end of an open period.' }) to: string | null;
  @Field(() => Float) gAmount: number;
  @Field(() => LocalDateScalar, { description: 'The date this G is in force from.' }) gDate: string;
  @Field({ description: 'Share of G per year, e.g. "2" or "4/3".' }) fraction: string;
  @Field(() => Int) age: number;
  @Field(() => Float) annualAmount: number;
  @Field(() => Float) monthlyAmount: number;
  @Field(() => Float, { nullable: true, description: 'What the part pays, whole kroner (months pro rata by days); null for an open part.' }) amount:
    number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Benefit calculation inputs and result, stored with the decision (R-7.2).' })
export class BenefitDetails {
  @Field(() => Float, { description: 'G of the first part (see parts).' }) gAmount: number;
  @Field(() => LocalDateScalar) gDate: string;
  @Field({ description: 'Share of G per year of the first part, e.g. "2" or "4/3".' }) fractionOfG: string;
  @Field(() => Float) annualAmount: number;
  @Field(() => Float) monthlyAmount: number;
  @Field(() => Int) age: number;
  @Field(() => LocalDateScalar) periodFrom: string;
  @Field(() => LocalDateScalar, { nullable: true }) periodTo: string | null;
  @Field(() => [BenefitPartDetails], {
    description:
      'The period split where the rate changes (new G on 1 May, the 25th birthday), each part at its own G (R-13.3). Empty on decisions made before parts were stored.',
  })
  parts: BenefitPartDetails[];
  @Field(() => Float, { nullable: true, description: 'Sum of the parts; null for an open period.' }) totalAmount: number | null;
}

@ObjectType({ simpleResolvers: true })
export class LeaveDetails {
  @Field(() => LeaveKindEnum) kind: LeaveKind;
  @Field(() => LocalDateScalar) fromDate: string;
  @Field(() => LocalDateScalar) toDate: string;
  @Field(() => Int) workingDays: number;
  @Field() withBenefit: boolean;
  @Field(() => LocalDateScalar, { nullable: true }) childBirthDate?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Care leave for an adopted child: the adoption date the year runs from.' })
  adoptionDate?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'Care leave: the first day of its fourth month, from which the municipality must offer follow-up and Norwegian training (R-6.2); null when the leave ends before it.',
  })
  followUpFrom?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'What the notice must tell the participant (R-8.3).' })
export class AppealInformationType {
  @Field() rightToAppeal: string;
  @Field() appealBody: string;
  @Field(() => LocalDateScalar) deadline: string;
  @Field() howToAppeal: string;
}

@ObjectType({ simpleResolvers: true, description: 'A decision (enkeltvedtak) on the case (R-8).' })
export class Decision {
  @Field(() => UUIDScalar) id: string;
  participantId: string;
  municipalityId: number;
  @Field(() => Int) version: number;
  @Field(() => DecisionTypeEnum) type: DecisionType;
  @Field(() => DecisionOutcomeEnum) outcome: 'GRANTED' | 'REFUSED';
  @Field(() => ParticipationBasisEnum, { nullable: true, description: 'Participation: RIGHT_AND_DUTY or DISCRETIONARY.' }) basis: string | null;
  @Field() reasons: string;
  @Field(() => [String]) legalBasis: string[];
  @Field(() => LocalDateScalar) decidedAt: string;
  @Field() decidedBy: string;
  @Field(() => LocalDateScalar, { nullable: true }) advanceNoticeAt: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) notifiedAt: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The participant asked for reasons (forvaltningsloven § 24, R-9.2): a fact of the decision (R-13.8).',
  })
  reasonsRequestedAt: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The participant received the reasons asked for; a new 3 weeks run from here (R-9.2).' })
  reasonsReceivedAt: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The appeal deadline was extended to this day (forvaltningsloven § 29 fourth para, R-13.8).' })
  appealDeadlineExtendedTo: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the extension was granted: before the deadline expired (R-9.2).' })
  appealDeadlineExtendedOn: string | null;
  @Field() appealable: boolean;
  @Field(() => String, { nullable: true, description: 'R-5.1: why the participation decision came after the deadline.' }) lateDecisionReason: string | null;
  @Field(() => [RuleNoticeType], { description: 'Rules not enforced automatically for this decision (R-0.2, R-13.1): assess them by hand.' })
  ruleNotices: RuleNoticeType[];
  @Field(() => BenefitDetails, { nullable: true }) benefit: BenefitDetails | null;
  @Field(() => HaltDetails, { nullable: true }) halt: HaltDetails | null;
  @Field(() => ExtensionDetails, { nullable: true }) extension: ExtensionDetails | null;
  @Field(() => LeaveDetails, { nullable: true }) leave: LeaveDetails | null;
  @Field(() => ExemptionDetails, { nullable: true }) exemption: ExemptionDetails | null;
}
