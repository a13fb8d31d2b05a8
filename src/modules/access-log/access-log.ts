import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLContext } from '../../graphql/context';
import { Connection, decodeCursor, encodeCursor, PageArgs } from '../../graphql/pagination';
import { UUIDScalar } from '../../graphql/scalars';
import { ParticipantService } from '../participant/participant.service';

/**
 * Which GraphQL types carry a participant's personal data, and how to find the participant and
 * municipality from the object. Every field read on them is logged once per request.
 */
const byParticipantId = (o: Record<string, unknown>) =>
  o.participantId ? { participantId: o.participantId as string, municipalityId: Number(o.municipalityId) } : null;

export const PERSONAL_DATA_TYPES: Record<string, (obj: Record<string, unknown>) => { participantId: string; municipalityId: number } | null> = {
  Participant: (o) => ({ participantId: o.id as string, municipalityId: Number(o.municipalityId) }),
  Decision: byParticipantId,
  AppealedDecision: byParticipantId,
  Appeal: byParticipantId,
  ForwardedAppeal: byParticipantId,
  PlanVersion: byParticipantId,
  CareerGuidanceReferral: byParticipantId,
  CountyGuidanceReferral: byParticipantId,
  ParticipationCertificate: byParticipantId,
  AppealParticipant: (o) => ({ participantId: o.participantId as string, municipalityId: Number(o.municipalityId) }),
  GuidanceParticipant: (o) => ({ participantId: o.participantId as string, municipalityId: Number(o.municipalityId) }),
};

/** The purpose of a read is the root field it came through: a case, an appeal or a guidance referral. */
const PURPOSE_BY_ROOT: Record<string, string> = {
  participant: 'CASE',
  participants: 'CASE_LIST',
  careerGuidanceReferral: 'REFERRAL',
  appeal: 'APPEAL',
  appeals: 'APPEAL_LIST',
  careerGuidanceReferrals: 'REFERRAL_LIST',
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
  purposes: Map<string | number, string>;
  lastSource: object | null;
  lastType: string | null;
  lastRootKey: string | number | null;
  lastRecord: AccessRecord | null;
}

/**
 * Notes a field read on a personal-data type; flushed by flushAccessLog before the commit. `label` is
 * the field's name as logged (the participant's own fields by name, the case file's other records as
 * Type.field), computed once per field when the schema is built. A page of 50 participants reads
 * some 400 such fields: consecutive reads of the same object reuse its record.
 */
export function noteAccess(source: unknown, info: GraphQLResolveInfo, context: GraphQLContext, label: string): void {
  if (!source || typeof source !== 'object' || !context.state) return;
  let root = info.path;
  while (root.prev) root = root.prev;
  const state = ((context.state.access as AccessState | undefined) ??= { records: new Map(), purposes: new Map(), lastSource: null, lastType: null, lastRootKey: null, lastRecord: null });
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

/** The name a field read is logged under. */
export function accessLabel(typeName: string, fieldName: string): string {
  return typeName === 'Participant' ? fieldName : `${typeName}.${fieldName}`;
}

/**
 * One INSERT for all the reads of the request, in its transaction, before it commits: one row per
 * municipality, purpose and set of fields, naming every participant read that way (a page of 50
 * participants is one row, not 50 — a row per participant cost the case list more database time
 * than the list's own query).
 */
export async function flushAccessLog(ctx: GraphQLContext): Promise<void> {
  const records = (ctx.state.access as AccessState | undefined)?.records;
  if (!records?.size) return;
  const groups = new Map<string, { municipalityId: number; purpose: string; fields: string; participantIds: string[] }>();
  for (const r of records.values()) {
    const fields = [...r.fields].sort().join(',');
    const key = `${r.municipalityId}|${r.purpose}|${fields}`;
    const g = groups.get(key);
    if (g) g.participantIds.push(r.participantId);
    else groups.set(key, { municipalityId: r.municipalityId, purpose: r.purpose, fields, participantIds: [r.participantId] });
  }
  const rows = [...groups.values()];
  await ctx.tx.query(
    `INSERT INTO app.access_log (municipality_id, request_id, actor_sub, actor_role, actor_org, participant_ids, purpose, fields)
     SELECT m, $1, $2, $3, $4, string_to_array(p, ',')::uuid[], purpose, string_to_array(f, ',')
     FROM unnest($5::smallint[], $6::text[], $7::text[], $8::text[]) AS x(m, p, purpose, f)`,
    [ctx.requestId, ctx.actor.sub, ctx.actor.role, ctx.actor.org,
      rows.map((r) => r.municipalityId), rows.map((r) => r.participantIds.join(',')), rows.map((r) => r.purpose), rows.map((r) => r.fields)],
  );
  records.clear();
  (ctx.state.access as AccessState).lastRecord = null;
  (ctx.state.access as AccessState).lastSource = null;
}

@ObjectType({ description: 'One read of a participant\'s personal data (GDPR art. 15: who saw what, when and why).' })
export class AccessLogEntry {
  @Field() at: Date;
  @Field() role: string;
  @Field({ description: 'Municipality number, county number or Statsforvalter area id.' }) org: string;
  @Field() orgName: string;
  @Field({ description: 'CASE, CASE_LIST, APPEAL, REFERRAL …: the way the data was reached.' }) purpose: string;
  @Field(() => [String]) fields: string[];
}

@ObjectType()
export class AccessLogConnection extends Connection(AccessLogEntry, 'AccessLog') {}

@Authorized('MUNICIPALITY')
@Resolver()
export class AccessLogResolver {
  @Authorized('MUNICIPALITY')
  @Query(() => AccessLogConnection, { description: 'Who read this participant\'s personal data, newest first.' })
  async participantAccessLog(
    @Arg('participantId', () => UUIDScalar) participantId: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AccessLogConnection> {
    const p = await ParticipantService.get(ctx, participantId);
    const params: unknown[] = [p.municipalityId, p.id, page.first + 1];
    let keyset = '';
    if (page.after) {
      const [at, id] = decodeCursor(page.after, 2) as [string, string];
      params.push(at, id);
      keyset = 'AND (at, id) < ($4::timestamptz, $5::uuid)';
    }
    const rows = await ctx.tx.query<{ id: string; at: Date; actor_role: string; actor_org: string; purpose: string; fields: string[] }>(
      `SELECT id, at, actor_role, actor_org, purpose, fields FROM app.access_log
       WHERE municipality_id = $1 AND participant_ids @> ARRAY[$2::uuid] ${keyset} ORDER BY at DESC, id DESC LIMIT $3`,
      params,
    );
    const [{ count }] = await ctx.tx.query<{ count: string }>(`SELECT count(*) FROM app.access_log WHERE municipality_id = $1 AND participant_ids @> ARRAY[$2::uuid]`, [p.municipalityId, p.id]);
    const edges = rows.slice(0, page.first).map((r) => ({
      cursor: encodeCursor([r.at.toISOString(), r.id]),
      node: { at: r.at, role: r.actor_role, org: r.actor_org, orgName: ctx.directory.orgName(r.actor_role as never, r.actor_org) ?? r.actor_org, purpose: r.purpose, fields: r.fields },
    }));
    return { edges, totalCount: Number(count), pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
