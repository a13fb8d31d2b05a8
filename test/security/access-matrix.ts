/**
 * The access matrix: the expected outcome of every operation for every kind of caller, one row per
 * operation. test/security/access-matrix.test.ts runs every cell against a fixture and fails when an
 * operation of the schema is missing here.
 *
 * Columns (callers):
 *   muni        the participant's own municipality (Bergen, 4601)
 *   muniOther   another municipality (Stavanger, 1103)
 *   county      the county of the case (Vestland, 46), which has a referral for the participant
 *   countyOther another county (Rogaland, 11)
 *   sfArea      Statsforvalteren i Vestland, with the forwarded appeal of the case
 *   sfUnfwd     Statsforvalteren i Vestland, asking for an appeal of its area that is NOT forwarded
 *   sfOther     another Statsforvalter (Rogaland)
 *   anonymous   no token
 * Outcomes:
 *   REACH           the operation runs for this caller (its answer may still be a rule, a conflict or a valid
 *                   "not found" of the caller's own data; never UNAUTHENTICATED, FORBIDDEN or another tenant's data)
 *   HIDDEN          NOT_FOUND, exactly as for a random id (same code, same message), and nothing of the case in the body
 *   FORBIDDEN       the role may not call it
 *   UNAUTHENTICATED no token
 */
export type Outcome = 'REACH' | 'HIDDEN' | 'FORBIDDEN' | 'UNAUTHENTICATED';
export const CALLERS = ['muni', 'muniOther', 'county', 'countyOther', 'sfArea', 'sfUnfwd', 'sfOther', 'anonymous'] as const;
export type Caller = (typeof CALLERS)[number];

const R = 'REACH',
  H = 'HIDDEN',
  F = 'FORBIDDEN',
  U = 'UNAUTHENTICATED';
const row = (...o: Outcome[]) => Object.fromEntries(CALLERS.map((c, i) => [c, o[i]])) as Record<Caller, Outcome>;

//                                                  muni muniOther county countyOther sfArea sfUnfwd sfOther anonymous
export const ACCESS_MATRIX: Record<string, Record<Caller, Outcome>> = {
  // Reference data and the caller itself: everyone with a token.
  'Query.me': row(R, R, R, R, R, R, R, U),
  'Query.municipalities': row(R, R, R, R, R, R, R, U),
  'Query.counties': row(R, R, R, R, R, R, R, U),
  'Query.statsforvalterAreas': row(R, R, R, R, R, R, R, U),
  // The worklist: every role its own duties (a municipality's whole municipality, a county's referrals, an office's forwarded appeals).
  'Query.worklist': row(R, R, R, R, R, R, R, U),
  // The municipality's case file.
  'Query.participant': row(R, H, F, F, F, F, F, U),
  'Query.participants': row(R, R, F, F, F, F, F, U),
  'Query.caseloadSummary': row(R, R, F, F, F, F, F, U),
  // An exact identity-number search finds only the caller's own municipality's participant (another's: null, not an error).
  'Query.participantByIdentityNumber': row(R, R, F, F, F, F, F, U),
  // The municipality's own appeals (another municipality's list is its own, without this case's appeals).
  'Query.municipalityAppeals': row(R, R, F, F, F, F, F, U),
  'Query.participationCertificate': row(R, H, F, F, F, F, F, U),
  'Query.participantAccessLog': row(R, H, F, F, F, F, F, U),
  'Mutation.registerParticipant': row(R, R, F, F, F, F, F, U),
  'Mutation.reassignParticipant': row(R, H, F, F, F, F, F, U),
  'Mutation.updateParticipant': row(R, H, F, F, F, F, F, U),
  'Mutation.recordCompetenceMapping': row(R, H, F, F, F, F, F, U),
  'Mutation.saveIntegrationPlan': row(R, H, F, F, F, F, F, U),
  'Mutation.makeDecision': row(R, H, F, F, F, F, F, U),
  'Mutation.recordDecisionNotice': row(R, H, F, F, F, F, F, U),
  'Mutation.recordReasonsRequest': row(R, H, F, F, F, F, F, U),
  'Mutation.recordAppealDeadlineExtension': row(R, H, F, F, F, F, F, U),
  'Mutation.startProgramme': row(R, H, F, F, F, F, F, U),
  'Mutation.endLeave': row(R, H, F, F, F, F, F, U),
  'Mutation.resumeProgramme': row(R, H, F, F, F, F, F, U),
  'Mutation.completeProgramme': row(R, H, F, F, F, F, F, U),
  'Mutation.interruptProgramme': row(R, H, F, F, F, F, F, U),
  'Mutation.registerAbsence': row(R, H, F, F, F, F, F, U),
  'Mutation.recordElementAttendance': row(R, H, F, F, F, F, F, U),
  'Mutation.cancelElementAttendance': row(R, H, F, F, F, F, F, U),
  'Mutation.correctAbsence': row(R, H, F, F, F, F, F, U),
  'Mutation.cancelAbsence': row(R, H, F, F, F, F, F, U),
  'Mutation.transferParticipant': row(R, H, F, F, F, F, F, U),
  'Query.incomingTransfers': row(R, R, F, F, F, F, F, U),
  'Query.incomingTransfersConnection': row(R, R, F, F, F, F, F, U),
  'Mutation.acceptTransfer': row(R, H, F, F, F, F, F, U),
  'Mutation.rejectTransfer': row(R, H, F, F, F, F, F, U),
  // Career guidance: referral by the municipality, guidance by the county of the case.
  'Mutation.referToCareerGuidance': row(R, H, F, F, F, F, F, U),
  'Mutation.withdrawCareerGuidanceReferral': row(R, H, F, F, F, F, F, U),
  'Mutation.linkPlanToGuidance': row(R, H, F, F, F, F, F, U),
  'Query.careerGuidanceReferrals': row(F, F, R, R, F, F, F, U),
  'Query.careerGuidanceReferral': row(F, F, R, H, F, F, F, U),
  'Mutation.startCareerGuidance': row(F, F, R, H, F, F, F, U),
  'Mutation.submitCareerGuidance': row(F, F, R, H, F, F, F, U),
  // Appeals: received and reviewed by the municipality, decided by the competent Statsforvalter once forwarded.
  'Mutation.registerAppeal': row(R, H, F, F, F, F, F, U),
  'Mutation.acceptLateAppeal': row(R, H, F, F, F, F, F, U),
  'Mutation.startAppealReview': row(R, H, F, F, F, F, F, U),
  'Mutation.reverseAppeal': row(R, H, F, F, F, F, F, U),
  'Mutation.partlyReverseAndForward': row(R, H, F, F, F, F, F, U),
  'Mutation.dismissAppeal': row(R, H, F, F, F, F, F, U),
  'Mutation.forwardAppeal': row(R, H, F, F, F, F, F, U),
  'Mutation.reassignAppeal': row(R, H, F, F, F, F, F, U),
  'Mutation.recordAppealFollowUp': row(R, H, F, F, F, F, F, U),
  'Mutation.closeAppeal': row(R, H, F, F, F, F, F, U),
  'Query.appeals': row(F, F, F, F, R, R, R, U),
  'Query.appeal': row(F, F, F, F, R, H, H, U),
  'Mutation.decideAppeal': row(F, F, F, F, R, H, H, U),
  'Mutation.handOnAppeal': row(F, F, F, F, R, H, H, U),
};
