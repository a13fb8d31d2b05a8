import { compareDates, workingDaysBetweenInclusive } from '../../domain/calendar';
import { computeBenefit } from '../../domain/benefit';
import { isAppealable, legalBasisFor } from '../../domain/decision-types';
import { evaluateEligibility } from '../../domain/eligibility';
import { assertHaltAdvanceNotice, assertMappingComplete, participationBasis } from '../../domain/participation';
import { validateExtension } from '../../domain/end-goal';
import { validateHalt, validateLeave } from '../../domain/leave';
import { LAW } from '../../domain/law-references';
import { transition } from '../../domain/programme';
import { RuleViolation } from '../../domain/rule-violation';
import { GraphQLContext } from '../../graphql/context';
import { badInput, conflict, notFound } from '../../graphql/errors';
import { canonicalJson, recordChange } from '../audit/change-log';
import { idempotentCreate } from '../audit/idempotency';
import { forgetCase, lockCase } from '../case/case-access';
import { ParticipantEntity } from '../participant/participant.entity';
import { ownMunicipality } from '../participant/participant.service';
import { endProgramme, ensurePlannedProgramme, recomputedEnd, requireProgramme, updateProgramme } from '../programme/programme.service';
import { Decision, DecisionInput } from './decision.types';

export function toDecision(r: Record<string, unknown>): Decision {
  const d = (r.details ?? {}) as Record<string, unknown>;
  return {
    id: r.id as string,
    participantId: r.participant_id as string,
    municipalityId: Number(r.municipality_id),
    version: Number(r.version),
    type: r.type as Decision['type'],
    outcome: r.outcome as Decision['outcome'],
    basis: (r.basis as string) ?? null,
    reasons: r.reasons as string,
    legalBasis: r.legal_basis as string[],
    decidedAt: r.decided_at as string,
    decidedBy: r.decided_by_name as string,
    advanceNoticeAt: (r.advance_notice_at as string) ?? null,
    notifiedAt: (r.notified_at as string) ?? null,
    appealable: isAppealable(r.type as string),
    benefit: (d.benefit as Decision['benefit']) ?? null,
    halt: (d.halt as Decision['halt']) ?? null,
    extension: (d.extension as Decision['extension']) ?? null,
    leave: (d.leave as Decision['leave']) ?? null,
    exemption: (d.exemption as Decision['exemption']) ?? null,
  };
}

function need<T>(value: T | null | undefined, field: string, type: string): T {
  if (value === null || value === undefined) throw badInput(field, `A ${type} decision needs the ${field} block`);
  return value;
}

/** Type-specific rules and the effect of a granted decision on the programme, in the same transaction. */
async function applyDecision(ctx: GraphQLContext, p: ParticipantEntity, input: DecisionInput): Promise<{ basis: string | null; details: Record<string, unknown> }> {
  const granted = input.outcome === 'GRANTED';
  switch (input.type) {
    case 'PARTICIPATION': {
      if (!granted) return { basis: null, details: {} };
      const [mapping] = await ctx.tx.query(`SELECT status FROM app.competence_mapping WHERE municipality_id = $1 AND participant_id = $2`, [p.municipalityId, p.id]);
      assertMappingComplete(mapping?.status as string | undefined);
      const e = evaluateEligibility({
        birthDate: p.birthDate, permitCategory: p.permitCategory as never, permitGrantDate: p.permitGrantDate, arrivalDate: p.arrivalDate,
        settlementDate: p.settlementDate, settledByAgreementWithImdi: p.settledByAgreement, familyReferenceYearsInMunicipality: p.familyReferenceYears,
        weeklyWorkHours: p.weeklyWorkHours, evaluationDate: input.decidedAt, requestDate: p.requestDate,
      });
      const basis = participationBasis(e, Boolean(input.participation?.discretionary));
      await ensurePlannedProgramme(ctx, p);
      return { basis, details: { eligibility: e } };
    }
    case 'BENEFIT': {
      const b = need(input.benefit, 'benefit', 'BENEFIT');
      if (!granted) return { basis: null, details: {} };
      const calc = computeBenefit({ birthDate: p.birthDate, livingWithParent: p.livesWithParent, periodFrom: b.periodFrom, periodTo: b.periodTo ?? null, date: input.decidedAt });
      return {
        basis: null,
        details: { benefit: { gAmount: calc.gAmount, gDate: calc.gDate, fractionOfG: calc.fractionOfG, annualAmount: calc.annualAmount, monthlyAmount: calc.monthlyAmount, age: calc.age, periodFrom: calc.periodFrom, periodTo: calc.periodTo } },
      };
    }
    case 'HALT': {
      const h = need(input.halt, 'halt', 'HALT');
      const halt = validateHalt({ kind: h.kind, fromDate: h.fromDate, toDate: h.toDate ?? null });
      assertHaltAdvanceNotice(input.advanceNoticeAt);
      if (!granted) return { basis: null, details: { halt } };
      if (halt.kind === 'PERMANENT') {
        await endProgramme(ctx, p, 'INTERRUPT', halt.fromDate, false, 'Halted permanently (integreringsloven § 18)', null);
      } else {
        const prog = await requireProgramme(ctx, p);
        await updateProgramme(ctx, p, prog, 'decision:HALT', { state: transition(prog.state, 'HALT'), halted_until: halt.toDate });
      }
      return { basis: null, details: { halt: { kind: halt.kind, fromDate: halt.fromDate, toDate: halt.toDate } } };
    }
    case 'EXTENSION': {
      const x = need(input.extension, 'extension', 'EXTENSION');
      if (!granted) return { basis: null, details: { extension: x } };
      const prog = await requireProgramme(ctx, p);
      if (!prog.end_goal || !prog.start_date) throw new RuleViolation('R-5.7', LAW['R-5.7'], 'Only a started programme can be extended.', {});
      validateExtension({ endGoal: prog.end_goal, currentExtensionMonths: prog.extension_months, requestedMonths: x.months, offerDate: prog.start_date });
      const extensionMonths = prog.extension_months + x.months;
      await updateProgramme(ctx, p, prog, 'decision:EXTENSION', { extension_months: extensionMonths, planned_end_date: await recomputedEnd(ctx, p, prog, extensionMonths) });
      return { basis: null, details: { extension: { months: x.months } } };
    }
    case 'LEAVE': {
      const l = need(input.leave, 'leave', 'LEAVE');
      const prior = await ctx.tx.query<{ kind: string; days: string }>(
        `SELECT details->'leave'->>'kind' AS kind, sum((details->'leave'->>'workingDays')::int) AS days FROM app.decision
         WHERE municipality_id = $1 AND participant_id = $2 AND type = 'LEAVE' AND outcome = 'GRANTED' GROUP BY 1`,
        [p.municipalityId, p.id],
      );
      const taken = (kind: string) => Number(prior.find((r) => r.kind === kind)?.days ?? 0);
      const leave = validateLeave({
        kind: l.kind, fromDate: l.fromDate, toDate: l.toDate, childBirthDate: l.childBirthDate ?? null, otherParentIsParticipant: l.otherParentIsParticipant,
        careLeaveAlreadyTakenWorkingDays: taken('CARE_LEAVE'), pregnancyLeaveAlreadyTakenWorkingDays: taken('PREGNANCY'), fatherLeaveAlreadyTakenWorkingDays: taken('FATHER_AT_BIRTH'),
      });
      const details = { leave: { kind: l.kind, fromDate: l.fromDate, toDate: l.toDate, workingDays: leave.workingDays, withBenefit: leave.withBenefit } };
      if (!granted) return { basis: null, details };
      const prog = await requireProgramme(ctx, p);
      const next = transition(prog.state, 'LEAVE_START');
      // leave days count toward moving the end date.
      await ctx.tx.query(
        `INSERT INTO app.absence (municipality_id, participant_id, kind, from_date, to_date, working_days, note, created_by) VALUES ($1, $2, 'LEAVE', $3, $4, $5, $6, $7)`,
        [p.municipalityId, p.id, l.fromDate, l.toDate, leave.workingDays, `Leave: ${l.kind}`, ctx.actor.sub],
      );
      await updateProgramme(ctx, p, prog, 'decision:LEAVE', { state: next, leave_until: l.toDate, planned_end_date: await recomputedEnd(ctx, p, prog) });
      return { basis: null, details };
    }
    case 'EXEMPTION':
      return { basis: null, details: { exemption: need(input.exemption, 'exemption', 'EXEMPTION') } };
    case 'PLAN_SIGNIFICANT_CHANGE':
      return { basis: null, details: {} };
  }
}

export class DecisionService {
  static async make(ctx: GraphQLContext, participantId: string, input: DecisionInput): Promise<string> {
    const municipalityId = ownMunicipality(ctx);
    if (input.notifiedAt && compareDates(input.notifiedAt, input.decidedAt) < 0) throw badInput('notifiedAt', 'notifiedAt is before decidedAt');
    if (compareDates(input.decidedAt, ctx.today) > 0) throw badInput('decidedAt', 'decidedAt is in the future');
    const { idempotencyKey, ...payload } = input;
    const { id } = await idempotentCreate(ctx, { municipalityId, key: idempotencyKey, operation: 'makeDecision', payload: { participantId, ...payload } }, async () => {
      const p = await lockCase(ctx, participantId);
      const { basis, details } = await applyDecision(ctx, p, input);
      const [row] = await ctx.tx.query(
        `INSERT INTO app.decision (municipality_id, participant_id, type, outcome, basis, reasons, legal_basis, decided_at, decided_by_sub, decided_by_name,
           advance_notice_at, notified_at, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
        [p.municipalityId, p.id, input.type, input.outcome, basis, input.reasons, legalBasisFor(input.type), input.decidedAt, ctx.actor.sub, ctx.actor.name,
          input.advanceNoticeAt ?? null, input.notifiedAt ?? null, canonicalJson(details)],
      );
      const d = toDecision(row);
      await recordChange(ctx, {
        municipalityId: p.municipalityId, operation: 'makeDecision', participantId: p.id, entity: 'decision', entityId: d.id,
        changes: { type: { from: null, to: d.type }, outcome: { from: null, to: d.outcome }, decidedAt: { from: null, to: d.decidedAt }, notifiedAt: { from: null, to: d.notifiedAt } },
      });
      forgetCase(ctx, p.id);
      return d.id;
    });
    return id;
  }

  static async recordNotice(ctx: GraphQLContext, decisionId: string, notifiedAt: string, expectedVersion: number): Promise<Decision> {
    const municipalityId = ownMunicipality(ctx);
    const [current] = await ctx.tx.query(`SELECT * FROM app.decision WHERE municipality_id = $1 AND id = $2`, [municipalityId, decisionId]);
    if (!current) throw notFound('Decision');
    if (compareDates(notifiedAt, current.decided_at as string) < 0) throw badInput('notifiedAt', 'notifiedAt is before the decision was made');
    const [row] = await ctx.tx.query(
      `UPDATE app.decision SET notified_at = $3, version = version + 1 WHERE municipality_id = $1 AND id = $2 AND version = $4 RETURNING *`,
      [municipalityId, decisionId, notifiedAt, expectedVersion],
    );
    if (!row) throw conflict();
    await recordChange(ctx, {
      municipalityId, operation: 'recordDecisionNotice', participantId: row.participant_id as string, entity: 'decision', entityId: decisionId,
      changes: { notifiedAt: { from: current.notified_at ?? null, to: notifiedAt } },
    });
    forgetCase(ctx, row.participant_id as string);
    return toDecision(row);
  }
}

/** Working days of an absence period (R-0.3: days in absence rules are working days). */
export function workingDays(from: string, to: string): number {
  return workingDaysBetweenInclusive(from, to);
}
