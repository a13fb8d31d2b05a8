import { IdempotencyKeyField } from '../../graphql/idempotency-key';
import { IsBoolean, IsIn, IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { DECISION_TYPES, DecisionType } from '../../domain/decision-types';
import { HALT_KINDS, HaltKind, LEAVE_KINDS, LeaveKind } from '../../domain/leave';
import { enumFrom, ParticipationBasisEnum } from '../../graphql/enums';
import { RuleNoticeType } from '../../graphql/rule-notice';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { PLAIN_TEXT } from '../shared';

export const DecisionTypeEnum = enumFrom(DECISION_TYPES, 'DecisionType', 'Decision (enkeltvedtak) types; all are appealable (R-8.1).', {
  PARTICIPATION:
    'Participation (deltakelse) in the introduction programme, granted or refused, also a discretionary offer (integreringsloven §§ 8, 12); a grant creates the PLANNED programme.',
  BENEFIT: 'Introduction benefit (introduksjonsstønad): granting or changing it, also a deduction for absence (§§ 19–21, R-6.4, R-7.3).',
  PLAN_SIGNIFICANT_CHANGE: 'A significant change (vesentlig endring) of the integration plan (integreringsplan, § 15, R-4.3).',
  HALT: 'Halt (stans) of the programme, temporary (at most 3 months) or permanent (§ 18, R-5.9); a permanent halt interrupts the programme.',
  EXTENSION: 'Extension (forlengelse) of the programme time where the end goal allows one (§ 14, R-5.7).',
  LEAVE: 'Leave (permisjon) from the programme (integreringsforskriften chapter 4, R-6.1–R-6.3).',
  EXEMPTION: 'Exemption (fritak) from Norwegian or social-studies training (§ 29).',
  APPEAL_DISMISSAL: "The municipality's dismissal (avvisning) of an appeal, itself appealable (R-13.10); made only by dismissAppeal.",
});
export const DecisionOutcomeEnum = enumFrom(['GRANTED', 'REFUSED'] as const, 'DecisionOutcome', 'The outcome of a decision (vedtak).', {
  GRANTED: 'Granted (innvilget): the effect is applied to the programme (e.g. a halt halts it).',
  REFUSED: 'Refused (avslag): nothing changes on the programme.',
});
export const HaltKindEnum = enumFrom(HALT_KINDS, 'HaltKind', 'Kind of halt (stans, integreringsloven § 18, R-5.9).', {
  TEMPORARY: 'Temporary halt (midlertidig stans): at most 3 months, with a last halted day (toDate).',
  PERMANENT: 'Permanent halt (varig stans): the programme ends as INTERRUPTED on fromDate.',
});
export const LeaveKindEnum = enumFrom(LEAVE_KINDS, 'LeaveKind', 'Kind of leave (permisjon), integreringsforskriften chapter 4 (R-6.1, R-6.2).', {
  PREGNANCY_CHECKUP: 'Pregnancy check-ups (svangerskapskontroll), with benefit (R-6.1).',
  PREGNANCY: 'Leave during pregnancy, up to 10 working days in total, with benefit (R-6.1).',
  MOTHER_AFTER_BIRTH: 'The mother, 20 working days from the birth, with benefit (R-6.1).',
  FATHER_AT_BIRTH: 'The father (or the person helping the mother), up to 7 working days around the birth, with benefit (R-6.1).',
  CARE_LEAVE:
    "Care leave (omsorgspermisjon) without benefit: up to 10 months in the child's first year (also adoption under 15), 75 days reserved for each parent when both are participants (R-6.2, R-13.6).",
});
export const EXEMPTION_SUBJECTS = ['NORWEGIAN', 'SOCIAL_STUDIES'] as const;
export const EXEMPTION_GROUNDS = ['DOCUMENTED_KNOWLEDGE', 'HEALTH_OR_WEIGHTY_REASONS'] as const;
export const ExemptionSubjectEnum = enumFrom(EXEMPTION_SUBJECTS, 'ExemptionSubject', 'The training an exemption (fritak, integreringsloven § 29) covers.', {
  NORWEGIAN: 'Training in Norwegian (opplæring i norsk).',
  SOCIAL_STUDIES: 'Social studies (samfunnskunnskap).',
});
export const ExemptionGroundEnum = enumFrom(EXEMPTION_GROUNDS, 'ExemptionGround', 'Why an exemption (fritak, integreringsloven § 29) is given.', {
  DOCUMENTED_KNOWLEDGE: 'The participant has documented sufficient knowledge.',
  HEALTH_OR_WEIGHTY_REASONS: 'Health or other weighty reasons (helsemessige eller andre tungtveiende årsaker).',
});

@InputType({ description: 'The PARTICIPATION block of a decision.' })
export class ParticipationDecisionInput {
  @Field({ defaultValue: false, description: 'A discretionary offer (R-1.6): the person has no right and duty, the municipality offers the programme.' })
  @IsBoolean()
  discretionary: boolean;
}
@InputType({ description: 'The BENEFIT block of a decision: the period the introduction benefit (introduksjonsstønad) is granted for (R-7).' })
export class BenefitDecisionInput {
  @Field(() => LocalDateScalar, { description: 'First day of the benefit period.' }) periodFrom: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the period, not before periodFrom; null: open-ended.' })
  @IsOptional()
  periodTo?: string | null;
}
@ObjectType('HaltDetails', { simpleResolvers: true, description: 'The halt (stans) a HALT decision decides (R-5.9).' })
@InputType('HaltDecisionInput', { description: 'The HALT block of a decision (stans, R-5.9); advanceNoticeAt is required with it.' })
export class HaltDetails {
  @Field(() => HaltKindEnum, { description: 'Temporary or permanent.' }) @IsIn(HALT_KINDS as unknown as string[]) kind: HaltKind;
  @Field(() => LocalDateScalar, { description: 'First halted day (a permanent halt: the end date of the programme).' }) fromDate: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last halted day; temporary halts only, at most 3 months (R-5.9).' }) @IsOptional() toDate?:
    string | null;
}
@ObjectType('ExtensionDetails', { simpleResolvers: true, description: 'The extension (forlengelse) an EXTENSION decision decides (R-5.7).' })
@InputType('ExtensionDecisionInput', { description: 'The EXTENSION block of a decision (R-5.7): only for a started programme whose end goal allows one.' })
export class ExtensionDetails {
  @Field(() => Int, {
    description:
      'Months added to the programme time (1–24 given; at most 12 in total, and only for UPPER_SECONDARY_PARTIAL or UPPER_SECONDARY_COMPLETE, R-5.7).',
  })
  @IsInt()
  @Min(1)
  @Max(24)
  months: number;
}
@InputType({ description: 'The LEAVE block of a decision (permisjon, R-6.1–R-6.3, R-13.6); a granted leave puts the programme ON_LEAVE.' })
export class LeaveDecisionInput {
  @Field(() => LeaveKindEnum, { description: 'Which leave.' }) @IsIn(LEAVE_KINDS as unknown as string[]) kind: LeaveKind;
  @Field(() => LocalDateScalar, { description: 'First day of leave.' }) fromDate: string;
  @Field(() => LocalDateScalar, { description: 'Last day of leave (inclusive).' }) toDate: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The child's birth date: the birth-related leaves and care leave count from it (R-6.1, R-6.2).",
  })
  @IsOptional()
  childBirthDate?: string | null;
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
@ObjectType('ExemptionDetails', { simpleResolvers: true, description: 'The exemption (fritak, integreringsloven § 29) an EXEMPTION decision decides.' })
@InputType('ExemptionDecisionInput', { description: 'The EXEMPTION block of a decision (fritak, integreringsloven § 29).' })
export class ExemptionDetails {
  @Field(() => ExemptionSubjectEnum, { description: 'Exempted from which training.' })
  @IsIn(EXEMPTION_SUBJECTS as unknown as string[])
  subject: (typeof EXEMPTION_SUBJECTS)[number];
  @Field(() => ExemptionGroundEnum, { description: 'On which ground.' })
  @IsIn(EXEMPTION_GROUNDS as unknown as string[])
  ground: (typeof EXEMPTION_GROUNDS)[number];
}

@InputType({ description: 'A decision (vedtak). Give the block of its type; the others are ignored.' })
export class DecisionInput {
  @Field(() => DecisionTypeEnum, { description: 'The type; APPEAL_DISMISSAL is refused here (dismissAppeal makes it).' })
  @IsIn(DECISION_TYPES as unknown as string[])
  type: DecisionType;
  @Field(() => DecisionOutcomeEnum, { description: 'Granted or refused.' }) @IsIn(['GRANTED', 'REFUSED']) outcome: 'GRANTED' | 'REFUSED';
  @Field({ description: 'The reasons (begrunnelse), as the participant will read them.' }) @Length(1, 8000) @Matches(PLAIN_TEXT) reasons: string;
  @Field(() => LocalDateScalar, { description: 'The date the decision is made; never after today. A granted PARTICIPATION is evaluated on it (R-1.8).' })
  decidedAt: string;
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
  @Field(() => ParticipationDecisionInput, { nullable: true, description: 'PARTICIPATION: whether it is a discretionary offer.' })
  @IsOptional()
  @ValidateNested()
  participation?: ParticipationDecisionInput | null;
  @Field(() => BenefitDecisionInput, { nullable: true, description: 'BENEFIT (required): the benefit period.' })
  @IsOptional()
  @ValidateNested()
  benefit?: BenefitDecisionInput | null;
  @Field(() => HaltDetails, { nullable: true, description: 'HALT (required): the halt.' }) @IsOptional() @ValidateNested() halt?: HaltDetails | null;
  @Field(() => ExtensionDetails, { nullable: true, description: 'EXTENSION (required): the months added.' })
  @IsOptional()
  @ValidateNested()
  extension?: ExtensionDetails | null;
  @Field(() => LeaveDecisionInput, { nullable: true, description: 'LEAVE (required): the leave.' })
  @IsOptional()
  @ValidateNested()
  leave?: LeaveDecisionInput | null;
  @Field(() => ExemptionDetails, { nullable: true, description: 'EXEMPTION (required): subject and ground.' })
  @IsOptional()
  @ValidateNested()
  exemption?: ExemptionDetails | null;
  @IdempotencyKeyField() idempotencyKey?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One part of the benefit period at one rate: G and age on its first day (R-7.2, R-13.3).' })
export class BenefitPartDetails {
  @Field(() => LocalDateScalar, { description: 'First day of the part.' }) from: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the part; null for the open end of an open period.' }) to: string | null;
  @Field(() => Float, { description: 'The National Insurance basic amount (grunnbeløpet, G) in force on the first day, NOK.' }) gAmount: number;
  @Field(() => LocalDateScalar, { description: 'The date this G is in force from.' }) gDate: string;
  @Field({ description: 'Share of G per year, e.g. "2" or "4/3".' }) fraction: string;
  @Field(() => Int, { description: "The participant's age on the first day (under 25: a reduced rate, R-7.1)." }) age: number;
  @Field(() => Float, { description: 'The yearly rate of the part, whole NOK.' }) annualAmount: number;
  @Field(() => Float, { description: 'The monthly rate of the part (yearly / 12), whole NOK.' }) monthlyAmount: number;
  @Field(() => Float, { nullable: true, description: 'What the part pays, whole kroner (months pro rata by days); null for an open part.' }) amount:
    number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Benefit calculation inputs and result, stored with the decision (R-7.2).' })
export class BenefitDetails {
  @Field(() => Float, { description: 'G of the first part (see parts).' }) gAmount: number;
  @Field(() => LocalDateScalar, { description: 'The date the G of the first part is in force from.' }) gDate: string;
  @Field({ description: 'Share of G per year of the first part, e.g. "2" or "4/3".' }) fractionOfG: string;
  @Field(() => Float, { description: 'Yearly rate of the first part, whole NOK.' }) annualAmount: number;
  @Field(() => Float, { description: 'Monthly rate of the first part, whole NOK.' }) monthlyAmount: number;
  @Field(() => Int, { description: "The participant's age on the first day of the period." }) age: number;
  @Field(() => LocalDateScalar, { description: 'First day of the benefit period.' }) periodFrom: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the benefit period; null: open-ended.' }) periodTo: string | null;
  @Field(() => [BenefitPartDetails], {
    description:
      'The period split where the rate changes (new G on 1 May, the 25th birthday), each part at its own G (R-13.3). Empty on decisions made before parts were stored.',
  })
  parts: BenefitPartDetails[];
  @Field(() => Float, { nullable: true, description: 'Sum of the parts; null for an open period.' }) totalAmount: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'The leave (permisjon) a LEAVE decision decides (R-6.1–R-6.3).' })
export class LeaveDetails {
  @Field(() => LeaveKindEnum, { description: 'Which leave.' }) kind: LeaveKind;
  @Field(() => LocalDateScalar, { description: 'First day of leave.' }) fromDate: string;
  @Field(() => LocalDateScalar, { description: 'Last day of leave (inclusive).' }) toDate: string;
  @Field(() => Int, { description: 'Working days (virkedager) of leave; they count toward moving the end date (R-5.8).' }) workingDays: number;
  @Field({ description: 'Leave with introduction benefit (R-6.1); care leave is without (R-6.2).' }) withBenefit: boolean;
  @Field(() => LocalDateScalar, { nullable: true, description: "Care leave: the child's birth date; null for the other kinds." })
  childBirthDate?: string | null;
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
  @Field({ description: 'The right to appeal (klage) and its 3-week deadline, in bokmål, as the notice says it (forvaltningsloven §§ 28–29).' })
  rightToAppeal: string;
  @Field({ description: "The appeal body, the municipality's Statsforvalteren by name, and the municipality's own review first, in bokmål (R-9.4, R-9.5)." })
  appealBody: string;
  @Field(() => LocalDateScalar, { description: 'The appeal deadline (same as Decision.appealDeadline, R-9.2).' }) deadline: string;
  @Field({ description: 'How to appeal: in writing to the municipality, naming the decision and the change wanted, in bokmål (R-9.1).' }) howToAppeal: string;
}

@ObjectType({ simpleResolvers: true, description: 'A decision (enkeltvedtak) on the case (R-8).' })
export class Decision {
  @Field(() => UUIDScalar, { description: "The decision's id." }) id: string;
  participantId: string;
  municipalityId: number;
  @Field(() => Int, { description: 'Optimistic-concurrency version: send it back as expectedVersion when recording notice, reasons or an extension.' })
  version: number;
  @Field(() => DecisionTypeEnum, { description: 'What the decision is about.' }) type: DecisionType;
  @Field(() => DecisionOutcomeEnum, { description: 'Granted or refused.' }) outcome: 'GRANTED' | 'REFUSED';
  @Field(() => ParticipationBasisEnum, { nullable: true, description: 'Participation: RIGHT_AND_DUTY or DISCRETIONARY.' }) basis: string | null;
  @Field({ description: 'The reasons (begrunnelse) as the participant reads them (R-8.2).' }) reasons: string;
  @Field(() => [String], { description: 'The sections the decision rests on (hjemmel), by type, e.g. "integreringsloven § 18" (R-8.2).' }) legalBasis: string[];
  @Field(() => LocalDateScalar, { description: 'The date the decision was made (vedtaksdato).' }) decidedAt: string;
  @Field({ description: 'The name of the caseworker who made the decision.' }) decidedBy: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Advance notice (forhåndsvarsel) given, where required (R-8.2); null when none.' })
  advanceNoticeAt: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the notice reached the participant: starts the appeal deadline (R-8.2, R-9.2); null until recorded.',
  })
  notifiedAt: string | null;
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
  @Field({ description: 'The decision can be appealed (klage) (R-8.1): true for every type.' }) appealable: boolean;
  @Field(() => String, { nullable: true, description: 'R-5.1: why the participation decision came after the deadline.' }) lateDecisionReason: string | null;
  @Field(() => [RuleNoticeType], { description: 'Rules not enforced automatically for this decision (R-0.2, R-13.1): assess them by hand.' })
  ruleNotices: RuleNoticeType[];
  @Field(() => BenefitDetails, { nullable: true, description: 'A granted BENEFIT decision: the calculation; null otherwise.' }) benefit: BenefitDetails | null;
  @Field(() => HaltDetails, { nullable: true, description: 'A HALT decision: the halt; null for other types.' }) halt: HaltDetails | null;
  @Field(() => ExtensionDetails, { nullable: true, description: 'An EXTENSION decision: the months; null for other types.' })
  extension: ExtensionDetails | null;
  @Field(() => LeaveDetails, { nullable: true, description: 'A LEAVE decision: the leave; null for other types.' }) leave: LeaveDetails | null;
  @Field(() => ExemptionDetails, { nullable: true, description: 'An EXEMPTION decision: subject and ground; null for other types.' })
  exemption: ExemptionDetails | null;
}
