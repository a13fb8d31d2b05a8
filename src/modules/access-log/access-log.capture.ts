/**
 * What a request reads of participants' personal data, noted as GraphQL resolves it (src/graphql/schema.ts
 * wraps every field of the types below) and written once, before the commit, by flushAccessLog.
 */
import { GraphQLResolveInfo } from 'graphql';
import { RequestContext } from '../shared';

type Locate = (obj: Record<string, unknown>) => { participantId: string; municipalityId: number } | null;

/** The participant an object names, and the municipality whose participant it is: plain fields of the object. */
function located(participantId: unknown, municipalityId: unknown): { participantId: string; municipalityId: number } | null {
  return typeof participantId === 'string' && participantId ? { participantId, municipalityId: Number(municipalityId) } : null;
}
const byParticipantId: Locate = (o) => located(o.participantId, o.municipalityId);

/**
 * Which GraphQL types carry a participant's personal data, and how to find the participant and
 * municipality from the object. Every field read on them is logged once per request.
 */
export const PERSONAL_DATA_TYPES: Record<string, Locate> = {
  Participant: (o) => located(o.id, o.municipalityId),
  Decision: byParticipantId,
  AppealedDecision: byParticipantId,
  Appeal: byParticipantId,
  ForwardedAppeal: byParticipantId,
  PlanVersion: byParticipantId,
  CareerGuidanceReferral: byParticipantId,
  CountyGuidanceReferral: byParticipantId,
  ParticipationCertificate: byParticipantId,
  AppealParticipant: byParticipantId,
  GuidanceParticipant: byParticipantId,
  // The transfer inbox: the sender's participant, logged in the receiver's own log (the accepted case
  // carries the sender's id as transferredFromParticipantId, and its log shows these reads).
  IncomingTransfer: (o) => located(o.fromParticipantId, o.municipalityId),
  WorklistParticipant: (o) => located(o.id, o.municipalityId),
};

/** The purpose of a read is the root field it came through: a case, an appeal or a guidance referral. */
const PURPOSE_BY_ROOT: Record<string, string> = {
  participant: 'CASE',
  participants: 'CASE_LIST',
  careerGuidanceReferral: 'REFERRAL',
  appeal: 'APPEAL',
  appeals: 'APPEAL_LIST',
  careerGuidanceReferrals: 'REFERRAL_LIST',
  incomingTransfers: 'TRANSFER_INBOX',
  incomingTransfersConnection: 'TRANSFER_INBOX',
  participantByIdentityNumber: 'IDENTITY_NUMBER_SEARCH',
  municipalityAppeals: 'MUNICIPALITY_APPEAL_LIST',
};

function rootField(info: GraphQLResolveInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  const root = info.operation.selectionSet.selections.find((s) => s.kind === 'Field' && (s.alias?.value ?? s.name.value) === path.key);
  return root?.kind === 'Field' ? root.name.value : String(path.key);
}

export interface AccessRecord {
  participantId: string;
  municipalityId: number;
  purpose: string;
  fields: Set<string>;
}

/** Per request: the access records, and the record of the last object read (most reads are its next field). */
export interface AccessState {
  records: Map<string, AccessRecord>;
  /** Whole groups noted at once (a filtered count's thousands of matches): written as they are, never one record per id. */
  bulk: BulkRead[];
  purposes: Map<string | number, string>;
  lastSource: object | null;
  lastType: string | null;
  lastRootKey: string | number | null;
  lastRecord: AccessRecord | null;
}

/** The request's access state, if anything was read. */
export function accessStateOf(ctx: Pick<RequestContext, 'state'>): AccessState | undefined {
  return ctx.state.access as AccessState | undefined;
}

/**
 * Notes a field read on a personal-data type; flushed by flushAccessLog before the commit. `label` is
 * the field's name as logged (the participant's own fields by name, the case file's other records as
 * Type.field), computed once per field when the schema is built. A page of 50 participants reads
 * some 400 such fields: consecutive reads of the same object reuse its record.
 */
export function noteAccess(source: unknown, info: GraphQLResolveInfo, context: RequestContext, label: string): void {
  if (!source || typeof source !== 'object' || !context.state) return;
  let root = info.path;
  while (root.prev) root = root.prev;
  const state = stateOf(context);
  const typeName = info.parentType.name;
  if (state.lastSource === source && state.lastType === typeName && state.lastRootKey === root.key && state.lastRecord) {
    state.lastRecord.fields.add(label);
    return;
  }
  const locate = PERSONAL_DATA_TYPES[typeName];
  const where = locate?.(source as Record<string, unknown>);
  if (!where) return;
  let purpose = state.purposes.get(root.key);
  if (!purpose) {
    const rootName = rootField(info);
    purpose = PURPOSE_BY_ROOT[rootName] ?? rootName.toUpperCase();
    state.purposes.set(root.key, purpose);
  }
  const key = `${where.participantId}:${purpose}`;
  let rec = state.records.get(key);
  if (!rec) state.records.set(key, (rec = { ...where, purpose, fields: new Set<string>() }));
  rec.fields.add(label);
  state.lastSource = source;
  state.lastType = typeName;
  state.lastRootKey = root.key;
  state.lastRecord = rec;
}

/** The request's access state, created on the first read. */
export function stateOf(context: Pick<RequestContext, 'state'>): AccessState {
  return ((context.state.access as AccessState | undefined) ??= {
    records: new Map(),
    bulk: [],
    purposes: new Map(),
    lastSource: null,
    lastType: null,
    lastRootKey: null,
    lastRecord: null,
  });
}

/**
 * Reads that no field of a personal-data type shows, but that still reveal people: the rows of a page
 * under a filter (a page of cursors under hasOpenAppeal names who has an open appeal), the participants a
 * filtered count covers, a county's list. Each participant is noted with the purpose and the given labels.
 */
export function noteRead(context: RequestContext, read: { participantId: string; municipalityId: number }[], purpose: string, labels: string[]): void {
  if (!read.length) return;
  const state = stateOf(context);
  for (const where of read) {
    const key = `${where.participantId}:${purpose}`;
    let rec = state.records.get(key);
    if (!rec) state.records.set(key, (rec = { participantId: where.participantId, municipalityId: where.municipalityId, purpose, fields: new Set<string>() }));
    for (const l of labels) rec.fields.add(l);
  }
  state.lastRecord = null;
  state.lastSource = null;
}

/** A group of reads noted at once: the ids as PostgreSQL gave them, comma-joined (never parsed into one record each). */
export interface BulkRead {
  municipalityId: number;
  purpose: string;
  /** The fields read, sorted. */
  fields: string[];
  joinedIds: string;
}

/**
 * Notes the participants a filtered count covers, as one group: a count over thousands of cases costs the
 * request one string, not thousands of records (the event loop stays free for every other tenant's
 * request). The purpose names the filter, so the group never merges with another read.
 */
export function noteBulkRead(context: RequestContext, read: BulkRead): void {
  if (!read.joinedIds) return;
  stateOf(context).bulk.push({ ...read, fields: [...read.fields].sort() });
}

/** The purpose every read under this root field is logged with (a list under a filter names the filter). */
export function declarePurpose(context: RequestContext, info: GraphQLResolveInfo, purpose: string): void {
  let root = info.path;
  while (root.prev) root = root.prev;
  stateOf(context).purposes.set(root.key, purpose);
}

/** The name a field read is logged under. */
export function accessLabel(typeName: string, fieldName: string): string {
  return typeName === 'Participant' ? fieldName : `${typeName}.${fieldName}`;
}
