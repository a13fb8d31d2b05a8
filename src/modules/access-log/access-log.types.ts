import { ArgsType, Field, ObjectType } from 'type-graphql';
import { IsIn } from 'class-validator';
import type { Role } from '../../auth/roles';
import { RoleEnum } from '../../graphql/enums';
import { Connection, PageArgs, SORT_DIRECTIONS, SortDirectionEnum, SortDirectionValue } from '../../graphql/pagination';

@ObjectType({ simpleResolvers: true, description: "One read of a participant's personal data (GDPR art. 15: who saw what, when and why)." })
export class AccessLogEntry {
  @Field({ description: 'When the data was read (UTC timestamp of the request).' }) at: Date;
  @Field(() => RoleEnum, { description: "The reader's role." }) role: Role;
  @Field({ description: 'Municipality number, county number or Statsforvalter area id.' }) org: string;
  @Field({ description: "The reader's organisation by name." }) orgName: string;
  @Field({ description: 'CASE, CASE_LIST, APPEAL, REFERRAL …: the way the data was reached.' }) purpose: string;
  @Field(() => [String], {
    description: "Which fields were read: a Participant field by its name (e.g. identityNumber), another type's as Type.field (e.g. Appeal.grounds).",
  })
  fields: string[];
}

@ObjectType({ simpleResolvers: true, description: "A page of a participant's access log (Relay cursor connection)." })
export class AccessLogConnection extends Connection(AccessLogEntry, 'AccessLog') {}

@ArgsType()
export class AccessLogArgs extends PageArgs {
  @Field(() => SortDirectionEnum, {
    defaultValue: 'DESC',
    description: 'DESC: newest first (the default); ASC: oldest first. A cursor belongs to one direction.',
  })
  @IsIn(SORT_DIRECTIONS as unknown as string[])
  direction: SortDirectionValue = 'DESC';
}
