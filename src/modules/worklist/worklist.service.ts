/**
 * The worklist: what the caller must
 * do and by when, computed from the case data on every request (src/domain/worklist.ts decides each duty and
 * its due date), ordered by due date, a page at a time. The facts come from the owning modules in a fixed
 * number of statements whatever the page size: the duties of the whole scope are computed and ordered in
 * memory (the law decides the due dates, so SQL cannot order by them without writing the law twice), and the
 * page is cut from them.
 */
import type { IsoDate } from '../../domain/calendar';
import { InvalidInputError } from '../../domain/errors';
import {
  appealDecisionDuty,
  appealFollowUpDuty,
  appealReviewDuty,
  APPEAL_REVIEW_FLAG_WEEKS,
  careLeaveFollowUpDuty,
  compareDuties,
  decisionNoticeDuty,
  detrimentNoticeDuty,
  guidanceReferralDuty,
  guidanceUseDuty,
  mappingDuty,
  programmeEndingDuty,
  PROGRAMME_ENDING_WINDOW_DAYS,
  startDuty,
  WORKLIST_KINDS,
  WorklistAction,
  WorklistDuty,
  WorklistKind,
} from '../../domain/worklist';
import { addDays, compareDates, isIsoDate } from '../../domain/calendar';
import { municipalityWorklistAppeals, statsforvalterWorklistAppeals } from '../appeal';
import { countyWorklistReferrals } from '../career-guidance';
import { mappedParticipants } from '../competence-mapping';
import { careLeavesNotEnded, decisionsAwaitingNotice, participationOutcomes } from '../decision';
import { casesBeforeStart, worklistParticipants } from '../participant';
import { programmesEndingBy } from '../programme';
import { toMunicipality } from '../reference';
import { ownMunicipality, RequestContext } from '../shared';
import { pageOf, PageWindow, readingDirection } from '../../graphql/pagination';
import { worklistRepository } from './worklist.repository';
import { WorklistFilter, WorklistItem, WorklistKindCount, WorklistScope, WorklistSubject } from './worklist.types';

/** The kinds each role has (the dashboard's counts list every one of them, zeros included). */
export const KINDS_BY_ROLE: Record<string, readonly WorklistKind[]> = {
  MUNICIPALITY: [
    'MAPPING_DUE',
    'PROGRAMME_START_DUE',
    'DECISION_NOTICE_MISSING',
    'APPEAL_REVIEW',
    'DETRIMENT_NOTICE_DEADLINE',
    'APPEAL_FOLLOW_UP',
    'CARE_LEAVE_FOLLOW_UP',
    'PROGRAMME_ENDING',
    'GUIDANCE_NOT_USED',
  ],
  COUNTY: ['GUIDANCE_REFERRAL_OPEN'],
  STATSFORVALTER: ['APPEAL_DECISION_DUE', 'DETRIMENT_NOTICE_DEADLINE'],
};

const ACTION_TEXT: Record<WorklistAction, string> = {
  COMPLETE_MAPPING: 'Complete the competence mapping before the participation decision.',
  MAKE_PARTICIPATION_DECISION: 'Make the participation decision; the programme must start by the due date.',
  START_PROGRAMME: 'Start the programme (a later start needs a recorded reason).',
  RECORD_DECISION_NOTICE: 'Send the decision letter and record the day the notice reached the participant.',
  START_APPEAL_REVIEW: 'Start the review of the appeal.',
  FINISH_APPEAL_REVIEW: 'Finish the review: reverse, dismiss, or forward the appeal to Statsforvalteren.',
  SEND_DETRIMENT_NOTICE_IF_NEEDED: "If the decision may be changed to the appellant's detriment, send notice by the due date.",
  RECORD_FOLLOW_UP_DECISION: "Make and record the municipality's follow-up decision after Statsforvalteren's outcome.",
  OFFER_CARE_LEAVE_FOLLOW_UP: 'Offer follow-up and Norwegian training during the care leave (from its fourth month).',
  PREPARE_PROGRAMME_END: 'Prepare the end of the programme and the participation certificate.',
  END_PROGRAMME: 'The planned end date has passed: complete or interrupt the programme and issue the certificate.',
  USE_GUIDANCE_IN_PLAN: "Use the county's recommendation in the integration plan.",
  START_GUIDANCE: 'Start the career guidance.',
  SUBMIT_GUIDANCE: 'Submit the career guidance and its recommendation.',
  DECIDE_APPEAL: 'Decide the appeal (send a provisional reply if it will take longer).',
};

/** A duty with the record it is about and whose case it is. */
interface Entry {
  duty: WorklistDuty;
  subjectType: WorklistSubject;
  subjectId: string;
  municipalityId: number;
  participantId: string;
  name: string;
}

type Candidate = Omit<Entry, 'name'>;

function add(
  out: Candidate[],
  duty: WorklistDuty | null,
  subjectType: WorklistSubject,
  subjectId: string,
  municipalityId: number,
  participantId: string,
): void {
  if (duty) out.push({ duty, subjectType, subjectId, municipalityId, participantId });
}

/** The municipality's duties (the scope decides whose cases). */
async function municipalityDuties(ctx: RequestContext, scope: WorklistScope, reviewWeeks: number): Promise<Entry[]> {
  const m = ownMunicipality(ctx);
  const today = ctx.today;
  const out: Candidate[] = [];
  const before = await casesBeforeStart(ctx, m);
  const ids = before.map((c) => c.id);
  const mapped = await mappedParticipants(ctx, m, ids);
  const outcomes = await participationOutcomes(ctx, m, ids);
  for (const c of before) {
    const facts = { ...c, mappingCompleted: mapped.has(c.id), participationOutcome: outcomes.get(c.id) ?? null };
    add(out, mappingDuty(facts, today), 'PARTICIPANT', c.id, m, c.id);
    add(out, startDuty(facts, today), 'PARTICIPANT', c.id, m, c.id);
  }
  for (const d of await decisionsAwaitingNotice(ctx, m))
    add(out, decisionNoticeDuty({ decidedAt: d.decidedAt, notifiedAt: null }, today), 'DECISION', d.id, m, d.participantId);
  for (const a of await municipalityWorklistAppeals(ctx, m)) {
    add(out, appealReviewDuty(a, today, reviewWeeks), 'APPEAL', a.id, m, a.participantId);
    // The municipality's part of: while it still has the appeal (once forwarded, it is Statsforvalteren's).
    if (a.state === 'RECEIVED' || a.state === 'UNDER_REVIEW') add(out, detrimentNoticeDuty(a, today), 'APPEAL', a.id, m, a.participantId);
    add(out, appealFollowUpDuty(a, today), 'APPEAL', a.id, m, a.participantId);
  }
  for (const l of await careLeavesNotEnded(ctx, m, today)) add(out, careLeaveFollowUpDuty(l, today), 'DECISION', l.id, m, l.participantId);
  for (const p of await programmesEndingBy(ctx, m, addDays(today, PROGRAMME_ENDING_WINDOW_DAYS))) {
    add(out, programmeEndingDuty(p, today), 'PROGRAMME', p.id, m, p.participantId);
  }
  for (const r of await worklistRepository.completedReferralsWithUse(ctx, m))
    add(out, guidanceUseDuty(r, today), 'CAREER_GUIDANCE_REFERRAL', r.id, m, r.participantId);
  const people = await worklistParticipants(ctx, m, [...new Set(out.map((c) => c.participantId))]);
  const entries: Entry[] = [];
  for (const c of out) {
    const p = people.get(c.participantId);
    if (!p || (scope === 'MINE' && p.assignedToSub !== ctx.actor.sub)) continue;
    entries.push({ ...c, name: p.fullName });
  }
  return entries;
}

/** The county adviser's duties: the county's open referrals. */
async function countyDuties(ctx: RequestContext): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const r of await countyWorklistReferrals(ctx, ctx.actor.org)) {
    const duty = guidanceReferralDuty(r, ctx.today);
    if (duty)
      out.push({
        duty,
        subjectType: 'CAREER_GUIDANCE_REFERRAL',
        subjectId: r.id,
        municipalityId: r.municipalityId,
        participantId: r.participantId,
        name: r.fullName,
      });
  }
  return out;
}

/** The Statsforvalter office's duties: forwarded appeals awaiting its decision and their detriment-notice deadline. */
async function statsforvalterDuties(ctx: RequestContext): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const a of await statsforvalterWorklistAppeals(ctx, ctx.actor.org)) {
    for (const duty of [appealDecisionDuty(a, ctx.today), detrimentNoticeDuty(a, ctx.today)]) {
      if (duty)
        out.push({ duty, subjectType: 'APPEAL', subjectId: a.id, municipalityId: a.municipalityId, participantId: a.participantId, name: a.participantName });
    }
  }
  return out;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where a page begins: [direction, dueDate, kind, subjectId] of the item the page goes on from. */
function keyset(cursor: readonly unknown[] | null, direction: 'ASC' | 'DESC', cursorArg: string): { dueDate: IsoDate; kind: WorklistKind; id: string } | null {
  if (!cursor) return null;
  const [token, dueDate, kind, id] = cursor;
  if (
    token !== direction ||
    typeof dueDate !== 'string' ||
    !isIsoDate(dueDate) ||
    !(WORKLIST_KINDS as readonly unknown[]).includes(kind) ||
    typeof id !== 'string' ||
    !UUID_RE.test(id)
  ) {
    throw new InvalidInputError(cursorArg, 'Unknown cursor: use a cursor of a previous page with the same direction');
  }
  return { dueDate, kind: kind as WorklistKind, id };
}

export interface WorklistPage {
  items: WorklistItem[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
  counts: WorklistKindCount[];
  cursorValues: (item: WorklistItem) => unknown[];
}

export const WorklistService = {
  /** A page of the caller's duties in due-date order, the count of all that match, and the counts per kind in the scope. */
  async page(
    ctx: RequestContext,
    args: { window: PageWindow; cursor: readonly unknown[] | null; direction: 'ASC' | 'DESC'; filter?: WorklistFilter | null },
  ): Promise<WorklistPage> {
    const f = args.filter;
    if (f?.dueBefore && !isIsoDate(f.dueBefore)) throw new InvalidInputError('filter.dueBefore', 'Not a date');
    const beyond = keyset(args.cursor, args.direction, args.window.cursorArg);
    const role = ctx.actor.role;
    const entries =
      role === 'MUNICIPALITY'
        ? await municipalityDuties(ctx, f?.scope ?? 'MINE', f?.appealReviewWeeks ?? APPEAL_REVIEW_FLAG_WEEKS)
        : role === 'COUNTY'
          ? await countyDuties(ctx)
          : await statsforvalterDuties(ctx);
    const kinds = KINDS_BY_ROLE[role] ?? [];
    const counts = kinds.map((kind) => {
      const of = entries.filter((e) => e.duty.kind === kind);
      return { kind, count: of.length, overdue: of.filter((e) => e.duty.overdue).length };
    });
    const key = (e: Entry) => ({ dueDate: e.duty.dueDate, kind: e.duty.kind, id: e.subjectId });
    const matching = entries
      .filter(
        (e) =>
          (!f?.kinds || f.kinds.includes(e.duty.kind)) &&
          (f?.overdue === null || f?.overdue === undefined || e.duty.overdue === f.overdue) &&
          (!f?.dueBefore || compareDates(e.duty.dueDate, f.dueBefore) <= 0),
      )
      .sort((a, b) => compareDuties(key(a), key(b)));
    // Read in the reading direction (the list's, or its reverse for a backward page) beyond the cursor; pageOf turns it back.
    const sign = readingDirection(args.direction, args.window) === 'DESC' ? -1 : 1;
    const reading = sign === 1 ? matching : [...matching].reverse();
    const rest = beyond ? reading.filter((e) => sign * compareDuties(key(e), beyond) > 0) : reading;
    const page = pageOf(rest.slice(0, args.window.size + 1), args.window);
    const items = page.rows.map((e): WorklistItem => {
      const municipality = ctx.directory.municipalityById(e.municipalityId);
      return {
        id: `${e.duty.kind}:${e.subjectId}`,
        kind: e.duty.kind,
        ruleId: e.duty.ruleId,
        lawReference: e.duty.lawReference,
        dueDate: e.duty.dueDate,
        overdue: e.duty.overdue,
        action: e.duty.action,
        actionText: ACTION_TEXT[e.duty.action],
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        participant: {
          id: e.participantId,
          municipalityId: e.municipalityId,
          name: e.name,
          municipality: municipality ? toMunicipality(municipality) : { id: String(e.municipalityId), number: '', name: '', countyNumber: '' },
        },
      };
    });
    return {
      items,
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      totalCount: matching.length,
      counts,
      cursorValues: (item) => [args.direction, item.dueDate, item.kind, item.subjectId],
    };
  },
};
