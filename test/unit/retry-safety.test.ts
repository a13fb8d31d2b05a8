/**
 * Every mutation is safe to retry (issue 12, item 4): a client that gets a retryable answer
 * (UNAVAILABLE, TIMEOUT, CONFLICT with retryable: true) sends the same request again, and a retry must
 * never create a second row. A mutation is safe when it takes an `idempotencyKey` (as an argument,
 * or in one of its input objects), or when it is on the reviewed list below, which says why a retry
 * cannot create anything twice. A new mutation fails here until it has one or the other.
 */
import { getNamedType, GraphQLField, GraphQLInputObjectType, isInputObjectType } from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';

const VERSION_GUARD = 'version guard: the UPDATE carries the expectedVersion the client saw; a retry after a success answers CONFLICT and changes nothing';

/**
 * Reviewed: mutations without an idempotency key, and why retrying one cannot create anything twice.
 * Creating mutations come first; the rest change or end one existing record and create nothing.
 */
const NATURALLY_IDEMPOTENT: Record<string, string> = {
  // Creating something, guarded otherwise.
  saveIntegrationPlan:
    'creates a plan version; expectedVersionNo is the guard (omitted means "no plan yet"), so a retry after a success answers CONFLICT and never adds a version',
  acceptTransfer:
    'creates the receiving case; the transfer row is locked and must be PENDING at the expectedVersion, so a retry answers CONFLICT, never a second case',
  transferParticipant:
    'creates a transfer; the case is locked and marked TRANSFERRED in the same transaction, so a retry is refused (R-5.10) and sends nothing twice',
  linkPlanToGuidance: 'creates a link; the link is unique per plan version (ON CONFLICT DO NOTHING) and linking it again to the same guidance changes nothing',
  completeProgramme:
    'ends the programme and issues the certificate; COMPLETED is final in the transition table and the certificate is unique per case, so a retry is refused',
  interruptProgramme:
    'ends the programme and issues the certificate; INTERRUPTED is final in the transition table and the certificate is unique per case, so a retry is refused',
  startProgramme: 'PLANNED → ACTIVE happens once: the transition table refuses START from ACTIVE, and expectedVersion guards the row',
  // Changing one record.
  acceptLateAppeal: VERSION_GUARD,
  cancelElementAttendance: 'deletes one recorded period; a retry after a success answers NOT_FOUND and cancels nothing else',
  cancelAbsence: 'version guard; the absence row is deleted, so a retry after a success answers NOT_FOUND and cancels nothing else',
  closeAppeal: VERSION_GUARD,
  correctAbsence: VERSION_GUARD,
  decideAppeal: VERSION_GUARD,
  dismissAppeal: VERSION_GUARD,
  endLeave: VERSION_GUARD,
  forwardAppeal: VERSION_GUARD,
  handOnAppeal: VERSION_GUARD,
  reassignAppeal: VERSION_GUARD,
  reassignParticipant: VERSION_GUARD,
  recordAppealFollowUp: VERSION_GUARD,
  recordAppealDeadlineExtension: VERSION_GUARD,
  recordDecisionNotice: VERSION_GUARD,
  recordReasonsRequest: VERSION_GUARD,
  rejectTransfer: VERSION_GUARD,
  resumeProgramme: VERSION_GUARD,
  startAppealReview: VERSION_GUARD,
  startCareerGuidance: VERSION_GUARD,
  updateParticipant: VERSION_GUARD,
  withdrawCareerGuidanceReferral: VERSION_GUARD,
};

function inputHasKey(type: GraphQLInputObjectType): boolean {
  return Object.keys(type.getFields()).includes('idempotencyKey');
}

function takesIdempotencyKey(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((arg) => {
    if (arg.name === 'idempotencyKey') return true;
    const named = getNamedType(arg.type);
    return isInputObjectType(named) && inputHasKey(named);
  });
}

const mutations = buildAppSchema().getMutationType()!.getFields();

test('every mutation takes an idempotency key or is on the reviewed list of naturally idempotent ones', () => {
  const unsafe = Object.values(mutations)
    .filter((m) => !takesIdempotencyKey(m) && !NATURALLY_IDEMPOTENT[m.name])
    .map((m) => m.name);
  expect(unsafe).toEqual([]);
});

test('the reviewed list is current: every entry is a mutation without a key, with its reason', () => {
  for (const [name, reason] of Object.entries(NATURALLY_IDEMPOTENT)) {
    expect({ name, exists: !!mutations[name] }).toEqual({ name, exists: true });
    expect({ name, keyed: takesIdempotencyKey(mutations[name]) }).toEqual({ name, keyed: false });
    expect(reason.length).toBeGreaterThan(20);
  }
});

test('the creating mutations of issue 12 take a key: registerAbsence and recordCompetenceMapping', () => {
  for (const name of [
    'registerParticipant',
    'registerAbsence',
    'recordCompetenceMapping',
    'makeDecision',
    'registerAppeal',
    'referToCareerGuidance',
    'submitCareerGuidance',
  ]) {
    expect({ name, keyed: takesIdempotencyKey(mutations[name]) }).toEqual({ name, keyed: true });
  }
});

test('every key-less mutation on the list either carries a version guard or is explained otherwise', () => {
  const guarded = (m: GraphQLField<unknown, unknown>) =>
    m.args.some(
      (a) =>
        /^expectedVersion/.test(a.name) ||
        (isInputObjectType(getNamedType(a.type)) &&
          Object.keys((getNamedType(a.type) as GraphQLInputObjectType).getFields()).some((f) => /^expectedVersion/.test(f))),
    );
  for (const [name, reason] of Object.entries(NATURALLY_IDEMPOTENT)) {
    if (reason === VERSION_GUARD) expect({ name, guarded: guarded(mutations[name]) }).toEqual({ name, guarded: true });
  }
});
