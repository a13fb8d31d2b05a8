/** What the worklist reads of plans: which referrals a plan version built on, as a relation it joins. */
import { db } from '../../db/sql';
import './integration-plan.table';

export function planGuidanceLinks() {
  return db.selectFrom('app.plan_guidance_link').select(['municipality_id', 'referral_id']);
}
