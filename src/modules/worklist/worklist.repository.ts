/**
 * The worklist's one statement of its own: the municipality's completed referrals with whether a plan
 * version built on them. Both relations come from their owners (career guidance and the plan),
 * so the statements on their tables stay in their modules; the worklist owns no table.
 */
import { db, run, sql } from '../../db/sql';
import { toRecord } from '../../db/table';
import type { IsoDate } from '../../domain/calendar';
import { completedReferrals } from '../career-guidance';
import { planGuidanceLinks } from '../integration-plan';
import { RequestContext } from '../shared';

export interface CompletedReferralRecord {
  id: string;
  participantId: string;
  state: string;
  submittedOn: IsoDate | null;
  usedInPlan: boolean;
}

export const worklistRepository = {
  async completedReferralsWithUse(ctx: RequestContext, municipalityId: number): Promise<CompletedReferralRecord[]> {
    const rows = await run(
      ctx.tx,
      db.selectFrom(completedReferrals(municipalityId).as('r')).select((eb) => [
        'r.id',
        'r.participant_id',
        'r.state',
        'r.submitted_on',
        eb
          .exists(
            eb
              .selectFrom(planGuidanceLinks().as('l'))
              .select(sql.lit(1).as('one'))
              .whereRef('l.municipality_id', '=', 'r.municipality_id')
              .whereRef('l.referral_id', '=', 'r.id'),
          )
          .$castTo<boolean>()
          .as('used_in_plan'),
      ]),
    );
    return rows.map(toRecord);
  },
};
