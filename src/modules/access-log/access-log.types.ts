import { Field, ObjectType } from 'type-graphql';
import type { Role } from '../../auth/roles';
import { RoleEnum } from '../../graphql/enums';
import { Connection } from '../../graphql/pagination';

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
