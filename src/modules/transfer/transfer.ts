import crypto from 'node:crypto';
import { Length, Matches } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { daysBetween } from '../../domain/calendar';
import { isFinal, ProgrammeState } from '../../domain/programme';
import { LAW } from '../../domain/law-references';
import { RuleViolation } from '../../domain/rule-violation';
import { GraphQLContext } from '../../graphql/context';
import { badInput, conflict, notFound } from '../../graphql/errors';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { recordChange } from '../audit/change-log';
import { forgetCase, lockCase, setCaseStatus } from '../case/case-access';
import { ownMunicipality, ParticipantService } from '../participant/participant.service';
import { Participant } from '../participant/participant.types';
import { PLAIN_TEXT } from '../shared';
import { findProgramme, updateProgramme } from '../programme/programme.service';
import { Municipality } from '../reference/reference.types';
import { toMunicipality } from '../reference/reference.resolver';

/**
 * Moving between municipalities. The sender puts a copy of the case (the person, the mapping, the
 * current plan and contract, the programme with the time already used, the decisions) into the
 * receiver's inbox and closes its own case as TRANSFERRED. The receiver accepts it into its own
 * register, in its own transaction, or rejects it. The sender's answer is the same whatever the
 * receiver holds: a transfer tells it nothing about another municipality's register.
 */
interface Snapshot {
  participant: Record<string, unknown>;
  mapping: Record<string, unknown> | null;
  plan: Record<string, unknown> | null;
  programme: { end_goal: string | null; duration_months: number | null; extension_months: number } | null;
  decisions: Record<string, unknown>[];
}

async function send(ctx: GraphQLContext, participantId: string, toNumber: string): Promise<void> {
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
  const m = p.municipalityId;
  const [row] = await ctx.tx.query(`SELECT * FROM app.participant WHERE municipality_id = $1 AND id = $2`, [m, p.id]);
  const [mapping] = await ctx.tx.query(`SELECT * FROM app.competence_mapping WHERE municipality_id = $1 AND participant_id = $2`, [m, p.id]);
  const [plan] = await ctx.tx.query(`SELECT * FROM app.plan_version WHERE municipality_id = $1 AND participant_id = $2 ORDER BY version_no DESC LIMIT 1`, [m, p.id]);
  const decisions = await ctx.tx.query(`SELECT * FROM app.decision WHERE municipality_id = $1 AND participant_id = $2 ORDER BY decided_at`, [m, p.id]);
  const snapshot: Snapshot = {
    participant: row,
    mapping: mapping ?? null,
    plan: plan ?? null,
    programme: prog ? { end_goal: prog.end_goal, duration_months: prog.duration_months, extension_months: prog.extension_months } : null,
    decisions,
  };
  // No RETURNING: the sender may write into the receiver's inbox, never read it.
  await ctx.tx.query(
    `INSERT INTO app.case_transfer (municipality_id, id, from_municipality_id, from_participant_id, sent_at, sent_by, snapshot, time_already_used_days)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [to.id, crypto.randomUUID(), m, p.id, ctx.today, ctx.actor.sub, JSON.stringify(snapshot), usedDays],
  );
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

async function accept(ctx: GraphQLContext, transferId: string, expectedVersion: number): Promise<string> {
  const m = ownMunicipality(ctx);
  const [t] = await ctx.tx.query<Record<string, unknown>>(`SELECT * FROM app.case_transfer WHERE municipality_id = $1 AND id = $2 FOR UPDATE`, [m, transferId]);
  if (!t) throw notFound('Transfer');
  if (Number(t.version) !== expectedVersion) throw conflict();
  if (t.state !== 'PENDING') throw conflict('This transfer has already been accepted or rejected');
  const s = t.snapshot as Snapshot;
  const src = s.participant;
  const id = crypto.randomUUID();
  // Into the receiver's own register, under its own row-level security: a person already registered
  // here is a conflict in the receiver's own data.
  const [created] = await ctx.tx.query(
    `INSERT INTO app.participant (municipality_id, id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date,
       settlement_date, settled_by_agreement, request_date, family_reference_years, highest_education, has_upper_secondary, weekly_work_hours,
       children_birth_dates, lives_with_parent, languages, start_deadline, status, assigned_to_sub, assigned_to_name,
       transferred_from_municipality_id, transferred_from_participant_id, transferred_at)
     SELECT $1, $2, x.full_name, x.identity_number, x.birth_date, x.permit_category, x.permit_grant_date, x.arrival_date,
       x.settlement_date, x.settled_by_agreement, x.request_date, x.family_reference_years, x.highest_education, x.has_upper_secondary, x.weekly_work_hours,
       x.children_birth_dates, x.lives_with_parent, x.languages, x.start_deadline, $4, $5, $6, $7, $8, $9
     FROM json_populate_record(null::app.participant, $3::json) x
     ON CONFLICT (municipality_id, identity_number) DO NOTHING RETURNING id`,
    [m, id, JSON.stringify(src), s.programme ? 'PLANNED' : 'REGISTERED', ctx.actor.sub, ctx.actor.name, t.from_municipality_id, t.from_participant_id, t.sent_at],
  );
  if (!created) throw conflict('A participant with this identity number is already registered in your municipality');
  if (s.mapping) {
    await ctx.tx.query(
      `INSERT INTO app.competence_mapping (municipality_id, participant_id, status, language_skills, education, counts_as_upper_secondary,
         work_experience, other_competence, mapped_before_arrival_by_imdi, completed_at, updated_by)
       SELECT $1, $2, x.status, x.language_skills, x.education, x.counts_as_upper_secondary, x.work_experience, x.other_competence,
         x.mapped_before_arrival_by_imdi, x.completed_at, x.updated_by FROM json_populate_record(null::app.competence_mapping, $3::json) x`,
      [m, id, JSON.stringify(s.mapping)],
    );
  }
  if (s.plan) {
    await ctx.tx.query(
      `INSERT INTO app.plan_version (municipality_id, participant_id, version_no, content, end_goal, duration_months, reduced_goal_reason,
         contract_signed_at, contract_obligations, created_by)
       SELECT $1, $2, 1, x.content, x.end_goal, x.duration_months, x.reduced_goal_reason, x.contract_signed_at, x.contract_obligations, x.created_by
       FROM json_populate_record(null::app.plan_version, $3::json) x`,
      [m, id, JSON.stringify(s.plan)],
    );
  }
  if (s.programme) {
    // The receiver starts the programme again, with the time already used counted.
    await ctx.tx.query(
      `INSERT INTO app.programme (municipality_id, participant_id, state, end_goal, duration_months, extension_months, time_already_used_days)
       VALUES ($1, $2, 'PLANNED', $3, $4, $5, $6)`,
      [m, id, s.programme.end_goal, s.programme.duration_months, s.programme.extension_months, t.time_already_used_days],
    );
  }
  if (s.decisions.length) {
    await ctx.tx.query(
      `INSERT INTO app.decision (municipality_id, participant_id, type, outcome, basis, reasons, legal_basis, decided_at, decided_by_sub,
         decided_by_name, advance_notice_at, notified_at, details)
       SELECT $1, $2, x.type, x.outcome, x.basis, x.reasons, x.legal_basis, x.decided_at, x.decided_by_sub, x.decided_by_name,
         x.advance_notice_at, x.notified_at, x.details FROM json_populate_recordset(null::app.decision, $3::json) x`,
      [m, id, JSON.stringify(s.decisions)],
    );
  }
  await ctx.tx.query(
    `UPDATE app.case_transfer SET state = 'ACCEPTED', decided_at = $3, decided_by = $4, accepted_participant_id = $5, version = version + 1
     WHERE municipality_id = $1 AND id = $2`,
    [m, transferId, ctx.today, ctx.actor.sub, id],
  );
  await recordChange(ctx, {
    municipalityId: m, operation: 'acceptTransfer', participantId: id, entity: 'case_transfer', entityId: transferId,
    changes: { transferredFrom: { from: null, to: ctx.directory.municipalityById(Number(t.from_municipality_id))?.number ?? null }, timeAlreadyUsedDays: { from: null, to: t.time_already_used_days } },
  });
  return id;
}

@ObjectType({ description: 'A case another municipality has sent to this one, waiting to be accepted or rejected.' })
export class IncomingTransfer {
  @Field(() => UUIDScalar) id: string;
  @Field(() => Int) version: number;
  @Field(() => Municipality) from: Municipality;
  @Field(() => LocalDateScalar) sentAt: string;
  @Field({ description: 'PENDING, ACCEPTED or REJECTED.' }) state: string;
  @Field() name: string;
  @Field(() => LocalDateScalar) birthDate: string;
  @Field(() => Int, { description: 'Programme time already used in the sending municipality (R-5.7).' }) timeAlreadyUsedDays: number;
  @Field(() => UUIDScalar, { nullable: true, description: 'The participant created here on acceptance.' }) acceptedParticipantId: string | null;
}

@ArgsType()
class TransferDecisionArgs {
  @Field(() => UUIDScalar) transferId: string;
  @Field(() => Int) expectedVersion: number;
}

@ArgsType()
class RejectTransferArgs extends TransferDecisionArgs {
  @Field() @Length(1, 2000) @Matches(PLAIN_TEXT) reason: string;
}

function toIncoming(ctx: GraphQLContext, r: Record<string, unknown>): IncomingTransfer {
  const p = (r.snapshot as Snapshot).participant;
  return {
    id: r.id as string,
    version: Number(r.version),
    from: toMunicipality(ctx.directory.municipalityById(Number(r.from_municipality_id))!),
    sentAt: r.sent_at as string,
    state: r.state as string,
    name: p.full_name as string,
    birthDate: p.birth_date as string,
    timeAlreadyUsedDays: Number(r.time_already_used_days),
    acceptedParticipantId: (r.accepted_participant_id as string) ?? null,
  };
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class TransferResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: 'Sends the case to another municipality\'s inbox (with the programme time used) and closes it here as TRANSFERRED.',
  })
  async transferParticipant(
    @Arg('participantId', () => UUIDScalar) participantId: string,
    @Arg('toMunicipality', { description: 'The receiving municipality\'s number.' }) toMunicipality: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Participant> {
    if (!/^\d{4}$/.test(toMunicipality)) throw badInput('toMunicipality', 'toMunicipality must be a 4-digit municipality number');
    await send(ctx, participantId, toMunicipality);
    return ParticipantService.get(ctx, participantId);
  }

  @Authorized('MUNICIPALITY')
  @Query(() => [IncomingTransfer], { description: 'Cases other municipalities have sent here that are still waiting (at most 100, oldest first).' })
  async incomingTransfers(@Ctx() ctx: GraphQLContext): Promise<IncomingTransfer[]> {
    const rows = await ctx.tx.query(`SELECT * FROM app.case_transfer WHERE municipality_id = $1 AND state = 'PENDING' ORDER BY sent_at, id LIMIT 100`, [ownMunicipality(ctx)]);
    return rows.map((r) => toIncoming(ctx, r));
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'Takes a sent case into this municipality\'s register as a new case, linked to the old one.' })
  async acceptTransfer(@Args() args: TransferDecisionArgs, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    const id = await accept(ctx, args.transferId, args.expectedVersion);
    return ParticipantService.get(ctx, id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => IncomingTransfer, { nullable: true, description: 'Refuses a sent case, with the reason.' })
  async rejectTransfer(@Args() args: RejectTransferArgs, @Ctx() ctx: GraphQLContext): Promise<IncomingTransfer> {
    const m = ownMunicipality(ctx);
    const [row] = await ctx.tx.query(
      `UPDATE app.case_transfer SET state = 'REJECTED', decided_at = $4, decided_by = $5, rejection_reason = $6, version = version + 1
       WHERE municipality_id = $1 AND id = $2 AND version = $3 AND state = 'PENDING' RETURNING *`,
      [m, args.transferId, args.expectedVersion, ctx.today, ctx.actor.sub, args.reason],
    );
    if (!row) {
      const [exists] = await ctx.tx.query(`SELECT 1 FROM app.case_transfer WHERE municipality_id = $1 AND id = $2`, [m, args.transferId]);
      throw exists ? conflict() : notFound('Transfer');
    }
    await recordChange(ctx, { municipalityId: m, operation: 'rejectTransfer', entity: 'case_transfer', entityId: args.transferId, changes: { state: { from: 'PENDING', to: 'REJECTED' } } });
    return toIncoming(ctx, row);
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
