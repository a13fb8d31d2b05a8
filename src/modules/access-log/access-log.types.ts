import { ArgsType, Field, ObjectType } from 'type-graphql';
import { IsIn } from 'class-validator';
import type { Role } from '../../auth/roles';
import { RoleEnum } from '../../graphql/enums';
import { Connection, PageArgs, SORT_DIRECTIONS, SortDirectionEnum, SortDirectionValue } from '../../graphql/pagination';

@ObjectType({ simpleResolvers: true, description: "One read of a participant's personal data (GDPR art. 15: who saw what, when and why)." })
export class AccessLogEntry {
  @Field() at: Date;
  @Field(() => RoleEnum) role: Role;
  @Field({ description: 'Municipality number, county number or Statsforvalter area id.' }) org: string;
  @Field() orgName: string;
  @Field({ description: 'CASE, CASE_LIST, APPEAL, REFERRAL …: the way the data was reached.' }) purpose: string;
  @Field(() => [String]) fields: string[];
}

@ObjectType({ simpleResolvers: true })
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
