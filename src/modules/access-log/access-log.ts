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

/** Notes a field read on a personal-data type; flushed by flushAccessLog before the commit. */
export function noteAccess(source: unknown, info: GraphQLResolveInfo, context: GraphQLContext): void {
  const locate = PERSONAL_DATA_TYPES[info.parentType.name];
  if (!locate || !source || typeof source !== 'object' || !context.state) return;
  const where = locate(source as Record<string, unknown>);
  if (!where) return;
  let root = info.path;
  while (root.prev) root = root.prev;
  const purposes = (context.state.purposes ??= new Map<string | number, string>());
  let purpose = purposes.get(root.key);
  if (!purpose) {
    const rootName = rootField(info);
    purpose = PURPOSE_BY_ROOT[rootName] ?? rootName.toUpperCase();
    purposes.set(root.key, purpose);
  }
  const key = `${where.participantId}:${purpose}`;
  const access = (context.state.access ??= new Map<string, AccessRecord>());
  let rec = access.get(key);
  if (!rec) access.set(key, (rec = { ...where, purpose, fields: new Set() }));
  // The participant's own fields by name; the case file's other records as Type.field.
  rec.fields.add(info.parentType.name === 'Participant' ? info.fieldName : `${info.parentType.name}.${info.fieldName}`);
}

/** One INSERT for all the reads of the request, in its transaction, before it commits. */
export async function flushAccessLog(ctx: GraphQLContext): Promise<void> {
  const access = ctx.state.access;
  if (!access?.size) return;
  const recs = [...access.values()];
  await ctx.tx.query(
    `INSERT INTO app.access_log (municipality_id, request_id, actor_sub, actor_role, actor_org, participant_id, purpose, fields)
     SELECT m, $1, $2, $3, $4, p, purpose, string_to_array(f, ',')
     FROM unnest($5::smallint[], $6::uuid[], $7::text[], $8::text[]) AS x(m, p, purpose, f)`,
    [ctx.requestId, ctx.actor.sub, ctx.actor.role, ctx.actor.org,
      recs.map((r) => r.municipalityId), recs.map((r) => r.participantId), recs.map((r) => r.purpose), recs.map((r) => [...r.fields].sort().join(','))],
  );
  access.clear();
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
       WHERE municipality_id = $1 AND participant_id = $2 ${keyset} ORDER BY at DESC, id DESC LIMIT $3`,
      params,
    );
    const [{ count }] = await ctx.tx.query<{ count: string }>(`SELECT count(*) FROM app.access_log WHERE municipality_id = $1 AND participant_id = $2`, [p.municipalityId, p.id]);
    const edges = rows.slice(0, page.first).map((r) => ({
      cursor: encodeCursor([r.at.toISOString(), r.id]),
      node: { at: r.at, role: r.actor_role, org: r.actor_org, orgName: ctx.directory.orgName(r.actor_role as never, r.actor_org) ?? r.actor_org, purpose: r.purpose, fields: r.fields },
    }));
    return { edges, totalCount: Number(count), pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
