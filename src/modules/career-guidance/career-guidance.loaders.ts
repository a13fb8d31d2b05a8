/**
 * Per-request loaders of the municipality's view of career guidance: one statement per request for all
 * participants' referrals and one for the plan versions built on them, whatever the page size.
 */
import DataLoader from 'dataloader';
import { GraphQLContext } from '../../graphql/context';
import { loaderFor } from '../loaders';
import { ownMunicipality } from '../participant/participant.service';
import { referralColumns } from './career-guidance.sql';

type Row = Record<string, unknown>;

/** The own municipality's referrals of a participant, newest first. */
export function referralsByParticipant(ctx: GraphQLContext): DataLoader<string, Row[]> {
  const municipalityId = ownMunicipality(ctx);
  return loaderFor(
    ctx.loaders,
    'careerGuidance:referralsByParticipant',
    (tx) =>
      new DataLoader<string, Row[]>(async (participantIds) => {
        const rows = await tx.query<Row>(
          `SELECT ${referralColumns('r')} FROM app.career_guidance_referral r
           WHERE r.municipality_id = $1 AND r.participant_id = ANY($2::uuid[]) ORDER BY r.participant_id, r.referred_at DESC, r.id`,
          [municipalityId, participantIds],
        );
        return participantIds.map((id) => rows.filter((r) => r.participant_id === id));
      }),
  );
}

/** The version numbers of the own municipality's plan versions that built on a referral's guidance, ascending. */
export function planVersionsByReferral(ctx: GraphQLContext): DataLoader<string, number[]> {
  const municipalityId = ownMunicipality(ctx);
  return loaderFor(
    ctx.loaders,
    'careerGuidance:planVersionsByReferral',
    (tx) =>
      new DataLoader<string, number[]>(async (referralIds) => {
        const rows = await tx.query<{ referral_id: string; version_no: number }>(
          `SELECT l.referral_id, v.version_no FROM app.plan_guidance_link l
           JOIN app.plan_version v ON v.municipality_id = l.municipality_id AND v.id = l.plan_version_id
           WHERE l.municipality_id = $1 AND l.referral_id = ANY($2::uuid[]) ORDER BY v.version_no`,
          [municipalityId, referralIds],
        );
        return referralIds.map((id) => rows.filter((r) => r.referral_id === id).map((r) => Number(r.version_no)));
      }),
  );
}

/** After a write, the request's loaders must not answer from what they read before it. */
export function forgetGuidance(ctx: GraphQLContext, participantId: string, referralId?: string): void {
  const byParticipant = ctx.loaders.extra.get('careerGuidance:referralsByParticipant') as DataLoader<string, Row[]> | undefined;
  byParticipant?.clear(participantId);
  const byReferral = ctx.loaders.extra.get('careerGuidance:planVersionsByReferral') as DataLoader<string, number[]> | undefined;
  if (referralId) byReferral?.clear(referralId);
}
