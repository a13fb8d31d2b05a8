/**
 * What the worklist reads of career-guidance referrals: the county's open referrals with the participant's
 * name and start deadline (R-3.2, through the participant module's relation for counties), and, for the
 * municipality, completed referrals as a relation the worklist joins with the plans that used them.
 */
import { db, run, sql } from '../../db/sql';
import { toRecord } from '../../db/table';
import type { IsoDate } from '../../domain/calendar';
import type { ReferralState } from '../../domain/career-guidance';
import { guidanceParticipants } from '../participant';
import { RequestContext } from '../shared';
import './career-guidance.table';

export interface CountyWorklistReferralRecord {
  municipalityId: number;
  id: string;
  participantId: string;
  state: ReferralState;
  referredOn: IsoDate;
  fullName: string;
  startDeadline: IsoDate | null;
}

/** The county's referrals that are OPEN or IN_PROGRESS. */
export async function countyWorklistReferrals(ctx: RequestContext, countyNumber: string): Promise<CountyWorklistReferralRecord[]> {
  const rows = await run(
    ctx.tx,
    db
      .selectFrom('app.career_guidance_referral as r')
      .innerJoin(guidanceParticipants().as('p'), (j) => j.onRef('p.municipality_id', '=', 'r.municipality_id').onRef('p.id', '=', 'r.participant_id'))
      .select([
        'r.municipality_id',
        'r.id',
        'r.participant_id',
        'r.state',
        sql<IsoDate>`(r.referred_at AT TIME ZONE 'Europe/Oslo')::date`.as('referred_on'),
        'p.full_name',
        'p.start_deadline',
      ])
      .where('r.county_number', '=', countyNumber)
      .where('r.state', 'in', [sql.lit<ReferralState>('OPEN'), sql.lit<ReferralState>('IN_PROGRESS')]),
  );
  return rows.map(toRecord);
}

/** The municipality's completed referrals (the guidance and its recommendation received), their submission as an Oslo date. */
export function completedReferrals(municipalityId: number) {
  return db
    .selectFrom('app.career_guidance_referral as r')
    .select([
      'r.municipality_id',
      'r.id',
      'r.participant_id',
      'r.state',
      sql<IsoDate | null>`(r.submitted_at AT TIME ZONE 'Europe/Oslo')::date`.as('submitted_on'),
    ])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.state', '=', sql.lit<ReferralState>('COMPLETED'));
}
