/**
 * Every object type a county or Statsforvalter user can reach is either logged as personal data in
 * the access log or exempted here with its reason: a new type must be placed deliberately.
 */
import { PERSONAL_DATA_TYPES } from '../../src/modules/access-log';
import snapshot from './operation-roles.snapshot.json';

const EXEMPT: Record<string, string> = {
  Me: 'the caller itself',
  Municipality: 'reference data',
  County: 'reference data',
  StatsforvalterArea: 'reference data',
  PageInfo: 'pagination',
  CountyGuidanceReferralConnection: 'pagination',
  CountyGuidanceReferralEdge: 'pagination',
  ForwardedAppealConnection: 'pagination',
  ForwardedAppealEdge: 'pagination',
  AppealActor: 'the caseworker or reviewer who acted, not the participant',
  AppealHistoryEntry: 'steps of the appeal, reached only through a logged ForwardedAppeal',
  CareerGuidanceRecord: "the county's own guidance, reached only through a logged referral",
  BenefitDetails: 'reached only through a logged decision',
  HaltDetails: 'reached only through a logged decision',
  ExtensionDetails: 'reached only through a logged decision',
  LeaveDetails: 'reached only through a logged decision',
  ExemptionDetails: 'reached only through a logged decision',
  NorwegianGoal: 'reached only through a logged plan version',
  PlanElement: 'reached only through a logged plan version',
  LifeSkillsHours: 'reached only through a logged plan version',
  WorklistConnection: 'pagination',
  WorklistEdge: 'pagination',
  WorklistKindCount: 'counts, no person',
  WorklistItem: "a duty's kind, rule and due date; the person is its logged WorklistParticipant",
};

test.each(['COUNTY', 'STATSFORVALTER'])('every type %s can reach is logged or exempted with a reason', (role) => {
  const types = Object.keys((snapshot as { reachableTypes: Record<string, Record<string, string[]>> }).reachableTypes[role]);
  const unplaced = types.filter((t) => !PERSONAL_DATA_TYPES[t] && !EXEMPT[t]);
  expect(unplaced).toEqual([]);
});

test('GuidanceParticipant and AppealParticipant, the projections of a person, are logged', () => {
  expect(Object.keys(PERSONAL_DATA_TYPES)).toEqual(
    expect.arrayContaining([
      'GuidanceParticipant',
      'AppealParticipant',
      'WorklistParticipant',
      'ForwardedAppeal',
      'AppealedDecision',
      'CountyGuidanceReferral',
    ]),
  );
});
