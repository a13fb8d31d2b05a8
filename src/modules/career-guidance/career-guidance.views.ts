/** The GraphQL views of a referral: the municipality's, and the county's narrow projection. */
import { ageOn, daysBetween } from '../../domain/calendar';
import { openMoreThan14Days, referralDaysOpen } from '../../domain/career-guidance';
import { allowedEndGoals } from '../../domain/end-goal';
import { toMunicipality } from '../reference';
import { RequestContext } from '../shared';
import { CountyReferralRecord, guidanceOf, ReferralRecord } from './career-guidance.service';
import { CareerGuidanceReferral, CountyGuidanceReferral, ReferralCore } from './career-guidance.types';

/** Reduced goals under 25 are possible with a reason, which the adviser gives with the recommendation. */
const WITH_REASON = 'given with the recommendation';

function toCore(r: ReferralRecord, today: string): ReferralCore {
  return {
    id: r.id,
    municipalityId: r.municipalityId,
    participantId: r.participantId,
    countyNumber: r.countyNumber,
    version: r.version,
    state: r.state,
    note: r.note,
    referredAt: r.referredOn,
    referredBy: r.referredBy,
    startedAt: r.startedOn,
    submittedAt: r.submittedOn,
    withdrawnAt: r.withdrawnOn,
    adviser: r.adviser,
    guidance: guidanceOf(r),
    daysOpen: referralDaysOpen(r.referredOn, r.submittedOn ?? r.withdrawnOn, today),
    openMoreThan14Days: openMoreThan14Days(r.state, r.referredOn, today),
  };
}

/** The municipality's view of a referral. */
export function toMunicipalityReferral(ctx: RequestContext, r: ReferralRecord): CareerGuidanceReferral {
  const core = toCore(r, ctx.today);
  const county = ctx.directory.county(core.countyNumber);
  return { ...core, county: county ?? { number: core.countyNumber, name: core.countyNumber, statsforvalterId: '' } };
}

/** The county's projection of a referral, with the participant and the mapping. */
export function toCountyReferral(ctx: RequestContext, r: CountyReferralRecord): CountyGuidanceReferral {
  const core = toCore(r, ctx.today);
  const deadline = r.startDeadline;
  return {
    ...core,
    municipality: toMunicipality(ctx.directory.municipalityById(core.municipalityId)!),
    participant: {
      participantId: core.participantId,
      municipalityId: core.municipalityId,
      name: r.fullName,
      birthYear: Number(r.birthDate.slice(0, 4)),
      languages: r.languages,
      languageSkills: r.languageSkills ?? '',
      education: r.education ?? '',
      countsAsUpperSecondary: r.countsAsUpperSecondary ?? r.hasUpperSecondary,
      workExperience: r.workExperience ?? '',
      otherCompetence: r.otherCompetence ?? '',
      mappingCompletedAt: r.mappingCompletedAt ?? null,
      allowedEndGoals: allowedEndGoals({ hasUpperSecondary: r.hasUpperSecondary, ageOnDate: ageOn(r.birthDate, ctx.today), reducedGoalReason: WITH_REASON }),
    },
    programmeDecisionDeadline: deadline,
    daysToProgrammeDecisionDeadline: deadline ? daysBetween(ctx.today, deadline) : null,
  };
}
