import { countableDaysForEndDate, AbsenceKind } from '../../domain/absence';
import { buildCertificate, CertificateInput } from '../../domain/certificate';
import { EndGoal } from '../../domain/end-goal';
import { PlanContent } from '../../domain/integration-plan';
import { plannedEndDate, ProgrammeEvent, ProgrammeState, StartGuards, transition } from '../../domain/programme';
import { startDeadline } from '../../domain/deadlines';
import { LAW } from '../../domain/law-references';
import { RuleViolation } from '../../domain/rule-violation';
import { GraphQLContext } from '../../graphql/context';
import { conflict } from '../../graphql/errors';
import { recordChange } from '../audit/change-log';
import { setCaseStatus } from '../case/case-access';
import { ParticipantEntity } from '../participant/participant.entity';

export interface ProgrammeRow {
  id: string;
  version: number;
  state: ProgrammeState;
  start_date: string | null;
  late_start_reason: string | null;
  end_goal: EndGoal | null;
  duration_months: number | null;
  extension_months: number;
  time_already_used_days: number;
  planned_end_date: string | null;
  leave_until: string | null;
  halted_until: string | null;
  ended_at: string | null;
  end_goal_reached: boolean | null;
  end_reason: string | null;
}

/** The case's programme, locked with the case (the caller already holds the participant row lock). */
export async function findProgramme(ctx: GraphQLContext, p: ParticipantEntity): Promise<ProgrammeRow | null> {
  const [row] = await ctx.tx.query<ProgrammeRow>(`SELECT * FROM app.programme WHERE municipality_id = $1 AND participant_id = $2`, [p.municipalityId, p.id]);
  return row ? { ...row, version: Number(row.version) } : null;
}

export async function requireProgramme(ctx: GraphQLContext, p: ParticipantEntity): Promise<ProgrammeRow> {
  const prog = await findProgramme(ctx, p);
  if (!prog) throw new RuleViolation('R-5.1', LAW['R-5.1'], 'There is no programme yet: grant participation first.', {});
  return prog;
}

/** The version the client last saw must still be current, or nothing changes. */
export function checkVersion(prog: ProgrammeRow, expectedVersion: number | null | undefined): void {
  if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion !== prog.version) {
    throw conflict('The programme was changed by someone else; reload and try again');
  }
}

/** countable absence, free days and leave in working days. */
export async function countableDays(ctx: GraphQLContext, p: ParticipantEntity): Promise<number> {
  const rows = await ctx.tx.query<{ kind: AbsenceKind; working_days: number }>(
    `SELECT kind, working_days FROM app.absence WHERE municipality_id = $1 AND participant_id = $2`,
    [p.municipalityId, p.id],
  );
  return countableDaysForEndDate(rows.map((r) => ({ kind: r.kind, workingDays: Number(r.working_days) })));
}

export async function recomputedEnd(ctx: GraphQLContext, p: ParticipantEntity, prog: ProgrammeRow, extensionMonths = prog.extension_months): Promise<string | null> {
  if (!prog.start_date || !prog.duration_months) return null;
  return plannedEndDate({
    startDate: prog.start_date,
    durationMonths: prog.duration_months,
    extensionMonths,
    countableAbsenceAndLeaveWorkingDays: await countableDays(ctx, p),
    timeAlreadyUsedDays: prog.time_already_used_days,
  }).endDate;
}

/**
 * Applies a change to the programme row with the version guard in the UPDATE itself, and keeps the
 * participant's list status in step. Returns the new row.
 */
export async function updateProgramme(
  ctx: GraphQLContext,
  p: ParticipantEntity,
  prog: ProgrammeRow,
  operation: string,
  changes: Partial<Omit<ProgrammeRow, 'id' | 'version'>>,
): Promise<ProgrammeRow> {
  const cols = Object.keys(changes);
  const sets = cols.map((c, i) => `${c} = $${i + 4}`).join(', ');
  const [row] = await ctx.tx.query<ProgrammeRow>(
    `UPDATE app.programme SET ${sets}, version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING *`,
    [p.municipalityId, prog.id, prog.version, ...cols.map((c) => (changes as Record<string, unknown>)[c])],
  );
  if (!row) throw conflict('The programme was changed by someone else; reload and try again');
  if (changes.state && changes.state !== prog.state) await setCaseStatus(ctx, p, changes.state);
  const before: Record<string, unknown> = {};
  for (const c of cols) before[c] = (prog as unknown as Record<string, unknown>)[c];
  await recordChange(ctx, {
    municipalityId: p.municipalityId, operation, participantId: p.id, entity: 'programme', entityId: prog.id,
    changes: Object.fromEntries(cols.map((c) => [c, { from: before[c] ?? null, to: (changes as Record<string, unknown>)[c] ?? null }])),
  });
  return { ...row, version: Number(row.version) };
}

/** A PLANNED programme exists from the day participation is granted. */
export async function ensurePlannedProgramme(ctx: GraphQLContext, p: ParticipantEntity): Promise<void> {
  const existing = await findProgramme(ctx, p);
  if (existing) return;
  await ctx.tx.query(`INSERT INTO app.programme (municipality_id, participant_id, state) VALUES ($1, $2, 'PLANNED')`, [p.municipalityId, p.id]);
  await setCaseStatus(ctx, p, 'PLANNED');
}

export async function startProgramme(ctx: GraphQLContext, p: ParticipantEntity, startDate: string, lateStartReason: string | null, expectedVersion: number | null): Promise<void> {
  const [granted] = await ctx.tx.query(
    `SELECT 1 FROM app.decision WHERE municipality_id = $1 AND participant_id = $2 AND type = 'PARTICIPATION' AND outcome = 'GRANTED' LIMIT 1`,
    [p.municipalityId, p.id],
  );
  const prog = await findProgramme(ctx, p);
  const [plan] = await ctx.tx.query<{ content: PlanContent; contract_signed_at: string | null; end_goal: EndGoal; duration_months: number }>(
    `SELECT content, contract_signed_at, end_goal, duration_months FROM app.plan_version
     WHERE municipality_id = $1 AND participant_id = $2 ORDER BY version_no DESC LIMIT 1`,
    [p.municipalityId, p.id],
  );
  const guards: StartGuards = {
    participationGranted: Boolean(granted) && Boolean(prog),
    planValid: Boolean(plan),
    contractSigned: Boolean(plan?.contract_signed_at),
    startDate,
    startDeadline: p.settlementDate ? startDeadline({ settlementDate: p.settlementDate, requestDate: p.requestDate }) : startDate,
    lateStartReason,
  };
  const next = transition(prog?.state ?? 'PLANNED', 'START', guards);
  checkVersion(prog!, expectedVersion);
  const started: ProgrammeRow = { ...prog!, start_date: startDate, duration_months: plan.duration_months, end_goal: plan.end_goal };
  await updateProgramme(ctx, p, prog!, 'startProgramme', {
    state: next,
    start_date: startDate,
    late_start_reason: lateStartReason,
    end_goal: plan.end_goal,
    duration_months: plan.duration_months,
    planned_end_date: await recomputedEnd(ctx, p, started),
  });
}

/** A plain state change by the table (leave end, resume). */
export async function applyEvent(ctx: GraphQLContext, p: ParticipantEntity, event: Exclude<ProgrammeEvent, 'START'>, expectedVersion: number | null, extra: Partial<ProgrammeRow> = {}): Promise<ProgrammeRow> {
  const prog = await requireProgramme(ctx, p);
  checkVersion(prog, expectedVersion);
  const next = transition(prog.state, event);
  return updateProgramme(ctx, p, prog, `programme:${event}`, { state: next, ...extra });
}

/**
 * the programme ends as COMPLETED or INTERRUPTED, and the participation
 * certificate is issued in the same transaction, in both cases.
 */
export async function endProgramme(
  ctx: GraphQLContext,
  p: ParticipantEntity,
  event: 'COMPLETE' | 'INTERRUPT',
  endDate: string,
  endGoalReached: boolean,
  reason: string | null,
  expectedVersion: number | null,
): Promise<void> {
  const prog = await requireProgramme(ctx, p);
  checkVersion(prog, expectedVersion);
  const next = transition(prog.state, event);
  const ended = await updateProgramme(ctx, p, prog, `programme:${event}`, { state: next, ended_at: endDate, end_goal_reached: endGoalReached, end_reason: reason });
  await issueCertificate(ctx, p, ended);
}

async function issueCertificate(ctx: GraphQLContext, p: ParticipantEntity, prog: ProgrammeRow): Promise<void> {
  const [plan] = await ctx.tx.query<{ content: PlanContent }>(
    `SELECT content FROM app.plan_version WHERE municipality_id = $1 AND participant_id = $2 ORDER BY version_no DESC LIMIT 1`,
    [p.municipalityId, p.id],
  );
  const startDate = prog.start_date ?? prog.ended_at!;
  const endDate = prog.ended_at!;
  const weeks = Math.max(0, Math.round((Date.parse(endDate) - Date.parse(startDate)) / (7 * 86_400_000)));
  const input: CertificateInput = {
    participantName: p.fullName,
    municipalityName: ctx.directory.municipalityById(p.municipalityId)?.name ?? '',
    startDate,
    endDate,
    plannedEndDate: prog.planned_end_date ?? endDate,
    endReason: prog.state === 'COMPLETED' ? 'COMPLETED' : 'INTERRUPTED',
    interruptionReason: prog.end_reason,
    endGoal: (prog.end_goal ?? plan?.content.endGoal ?? 'WORK') as EndGoal,
    endGoalReached: prog.end_goal_reached ?? false,
    elements: (plan?.content.elements ?? []).map((e) => ({
      kind: e.kind,
      description: e.description,
      hours: Math.round((e.hoursPerWeek ?? 0) * weeks),
      completed: prog.state === 'COMPLETED',
    })),
    issueDate: ctx.today,
  };
  buildCertificate(input, 'NB'); // refuses now, not when someone reads it, if the content is incomplete
  await ctx.tx.query(
    `INSERT INTO app.certificate (municipality_id, participant_id, issued_at, content) VALUES ($1, $2, $3, $4)
     ON CONFLICT (municipality_id, participant_id) DO UPDATE SET issued_at = EXCLUDED.issued_at, content = EXCLUDED.content`,
    [p.municipalityId, p.id, ctx.today, JSON.stringify(input)],
  );
}
