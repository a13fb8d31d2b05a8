import crypto from 'node:crypto';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { daysBetween } from '../../domain/calendar';
import { isFinal, ProgrammeState } from '../../domain/programme';
import { LAW } from '../../domain/law-references';
import { RuleViolation } from '../../domain/rule-violation';
import { GraphQLContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { UUIDScalar } from '../../graphql/scalars';
import { recordChange } from '../audit/change-log';
import { forgetCase, lockCase, setCaseStatus } from '../case/case-access';
import { ParticipantService } from '../participant/participant.service';
import { Participant } from '../participant/participant.types';
import { findProgramme, updateProgramme } from '../programme/programme.service';
import { Municipality } from '../reference/reference.types';
import { toMunicipality } from '../reference/reference.resolver';


/**
 * Moving between municipalities (issue: case file § 9). The receiving municipality gets a new case
 * in its own tenant: the person, the mapping, the current plan and contract, the programme with the
 * time already used, and the decisions. The sender's case is closed as TRANSFERRED and stays the
 * sender's. The two cases are linked by ids only; neither municipality can read the other's.
 */
async function transfer(ctx: GraphQLContext, participantId: string, toNumber: string): Promise<void> {
  const p = await lockCase(ctx, participantId);
  const to = ctx.directory.municipalityByNumber(toNumber);
  if (!to) throw badInput('toMunicipality', 'Unknown municipality number');
  if (to.id === p.municipalityId) throw badInput('toMunicipality', 'The case is already in this municipality');
  if (p.status === 'TRANSFERRED') throw new RuleViolation('R-5.10', LAW['R-5.10'], 'This case has already been transferred.', {});
  const prog = await findProgramme(ctx, p);
  if (prog && isFinal(prog.state as ProgrammeState)) {
    throw new RuleViolation('R-5.10', LAW['R-5.10'], 'The programme has ended; an ended case is not transferred.', { state: prog.state });
  }
  // programme time already used here counts toward the maximum in the new municipality.
  const usedDays = (prog?.time_already_used_days ?? 0) + (prog?.start_date ? Math.max(0, daysBetween(prog.start_date, ctx.today)) : 0);
  const newId = crypto.randomUUID();
  const m = p.municipalityId;

  await ctx.tx.query(`SELECT set_config('app.transfer_to', $1, true)`, [String(to.id)]);
  // INSERT … SELECT from the sender's own rows (readable) into the receiver's tenant (insert-only).
  await ctx.tx.query(
    `INSERT INTO app.participant (municipality_id, id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date,
       settlement_date, settled_by_agreement, request_date, family_reference_years, highest_education, has_upper_secondary, weekly_work_hours,
       children_birth_dates, lives_with_parent, languages, start_deadline, status, transferred_from_municipality_id, transferred_from_participant_id, transferred_at)
     SELECT $3, $4, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date,
       settlement_date, settled_by_agreement, request_date, family_reference_years, highest_education, has_upper_secondary, weekly_work_hours,
       children_birth_dates, lives_with_parent, languages, start_deadline, CASE WHEN $5::boolean THEN 'PLANNED' ELSE 'REGISTERED' END, municipality_id, id, $6
     FROM app.participant WHERE municipality_id = $1 AND id = $2`,
    [m, p.id, to.id, newId, Boolean(prog), ctx.today],
  );
  await ctx.tx.query(
    `INSERT INTO app.competence_mapping (municipality_id, participant_id, status, language_skills, education, counts_as_upper_secondary,
       work_experience, other_competence, mapped_before_arrival_by_imdi, completed_at, updated_by)
     SELECT $3, $4, status, language_skills, education, counts_as_upper_secondary, work_experience, other_competence,
       mapped_before_arrival_by_imdi, completed_at, updated_by
     FROM app.competence_mapping WHERE municipality_id = $1 AND participant_id = $2`,
    [m, p.id, to.id, newId],
  );
  await ctx.tx.query(
    `INSERT INTO app.plan_version (municipality_id, participant_id, version_no, content, end_goal, duration_months, reduced_goal_reason,
       contract_signed_at, contract_obligations, created_by)
     SELECT $3, $4, 1, content, end_goal, duration_months, reduced_goal_reason, contract_signed_at, contract_obligations, created_by
     FROM app.plan_version WHERE municipality_id = $1 AND participant_id = $2 ORDER BY version_no DESC LIMIT 1`,
    [m, p.id, to.id, newId],
  );
  if (prog) {
    // The receiving municipality starts the programme again, with the time already used counted.
    await ctx.tx.query(
      `INSERT INTO app.programme (municipality_id, participant_id, state, end_goal, duration_months, extension_months, time_already_used_days)
       SELECT $3, $4, 'PLANNED', end_goal, duration_months, extension_months, $5
       FROM app.programme WHERE municipality_id = $1 AND participant_id = $2`,
      [m, p.id, to.id, newId, usedDays],
    );
  }
  await ctx.tx.query(
    `INSERT INTO app.decision (municipality_id, participant_id, type, outcome, basis, reasons, legal_basis, decided_at, decided_by_sub,
       decided_by_name, advance_notice_at, notified_at, details)
     SELECT $3, $4, type, outcome, basis, reasons, legal_basis, decided_at, decided_by_sub, decided_by_name, advance_notice_at, notified_at, details
     FROM app.decision WHERE municipality_id = $1 AND participant_id = $2`,
    [m, p.id, to.id, newId],
  );
  await ctx.tx.query(`SELECT set_config('app.transfer_to', '', true)`);

  if (prog) await updateProgramme(ctx, p, prog, 'transferParticipant', { state: 'TRANSFERRED', time_already_used_days: usedDays });
  await ctx.tx.query(
    `UPDATE app.participant SET transferred_to_municipality_id = $3, transferred_at = $4, version = version + 1 WHERE municipality_id = $1 AND id = $2`,
    [m, p.id, to.id, ctx.today],
  );
  await setCaseStatus(ctx, p, 'TRANSFERRED');
  await recordChange(ctx, {
    municipalityId: m, operation: 'transferParticipant', participantId: p.id, entity: 'participant', entityId: p.id,
    changes: { status: { from: p.status, to: 'TRANSFERRED' }, transferredTo: { from: null, to: to.number }, timeAlreadyUsedDays: { from: null, to: usedDays } },
  });
  forgetCase(ctx, p.id);
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class TransferResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: 'Moves the case to another municipality: it gets a copy as a new case (with the programme time already used); this case is closed as TRANSFERRED.',
  })
  async transferParticipant(
    @Arg('participantId', () => UUIDScalar) participantId: string,
    @Arg('toMunicipality', { description: 'The receiving municipality\'s number.' }) toMunicipality: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Participant> {
    if (!/^\d{4}$/.test(toMunicipality)) throw badInput('toMunicipality', 'toMunicipality must be a 4-digit municipality number');
    await transfer(ctx, participantId, toMunicipality);
    return ParticipantService.get(ctx, participantId);
  }

  @FieldResolver(() => Municipality, { nullable: true, description: 'The municipality this case came from.' })
  transferredFrom(@Root() p: Participant, @Ctx() ctx: GraphQLContext): Municipality | null {
    const m = p.transferredFromMunicipalityId ? ctx.directory.municipalityById(p.transferredFromMunicipalityId) : undefined;
    return m ? toMunicipality(m) : null;
  }

  @FieldResolver(() => Municipality, { nullable: true, description: 'The municipality this case was moved to.' })
  transferredTo(@Root() p: Participant, @Ctx() ctx: GraphQLContext): Municipality | null {
    const m = p.transferredToMunicipalityId ? ctx.directory.municipalityById(p.transferredToMunicipalityId) : undefined;
    return m ? toMunicipality(m) : null;
  }
}
