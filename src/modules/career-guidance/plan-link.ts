/**
 * The plan version and the career guidance it built on. Kept apart from the GraphQL types so the
 * integration-plan module can call it without an import cycle.
 */
import { LAW } from '../../domain/law-references';
import { RuleViolation } from '../../domain/rule-violation';
import { GraphQLContext } from '../../graphql/context';
import { badInput, conflict, notFound } from '../../graphql/errors';
import { recordChange } from '../audit/change-log';
import { forgetGuidance } from './career-guidance.loaders';

/**
 * records that a plan version built on this participant's submitted guidance. Also meant to be
 * called by saveIntegrationPlan right after it inserts a version (with the case already locked). A plan
 * version records one guidance, once; linking it again to the same guidance changes nothing.
 */
export async function linkPlanVersionToGuidance(
  ctx: GraphQLContext,
  participant: { municipalityId: number; id: string },
  planVersionId: string,
  referralId: string,
): Promise<void> {
  const [referral] = await ctx.tx.query(`SELECT participant_id, state FROM app.career_guidance_referral WHERE municipality_id = $1 AND id = $2`, [
    participant.municipalityId,
    referralId,
  ]);
  if (!referral) throw notFound('Career guidance referral');
  if (referral.participant_id !== participant.id) throw badInput('referralId', 'The career guidance is about another participant than the plan');
  if (referral.state !== 'COMPLETED') {
    throw new RuleViolation('R-4.1', LAW['R-4.1'], `A plan builds on submitted career guidance; this referral is ${referral.state}.`, { state: referral.state });
  }
  const inserted = await ctx.tx.query(
    `INSERT INTO app.plan_guidance_link (municipality_id, plan_version_id, referral_id, linked_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING referral_id`,
    [participant.municipalityId, planVersionId, referralId, ctx.actor.name],
  );
  if (!inserted.length) {
    const [existing] = await ctx.tx.query(`SELECT referral_id FROM app.plan_guidance_link WHERE municipality_id = $1 AND plan_version_id = $2`, [
      participant.municipalityId,
      planVersionId,
    ]);
    if (existing?.referral_id === referralId) return;
    throw conflict('This plan version already records the guidance it built on');
  }
  await recordChange(ctx, {
    municipalityId: participant.municipalityId,
    operation: 'linkPlanToGuidance',
    participantId: participant.id,
    entity: 'plan_version',
    entityId: planVersionId,
    changes: { guidanceReferralId: { from: null, to: referralId } },
  });
  forgetGuidance(ctx, participant.id, referralId);
}
