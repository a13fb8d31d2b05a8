import { Authorized, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Role, ROLES } from '../../auth/roles';
import { RoleEnum } from '../../graphql/enums';
import { MunicipalityRef } from '../../auth/org-directory';
import { GraphQLContext } from '../../graphql/context';
import { County, Municipality, StatsforvalterArea } from './reference.types';

export function toMunicipality(m: MunicipalityRef): Municipality {
  return { id: String(m.id), number: m.number, name: m.name, countyNumber: m.countyNumber };
}

@ObjectType({ simpleResolvers: true, description: 'The caller as the server sees it.' })
export class Me {
  @Field({ description: "The caller's subject (user id) from the token." })
  sub: string;

  @Field({ description: "The caller's name from the token (the subject when the token has none)." })
  name: string;

  @Field(() => RoleEnum, { description: "The caller's role: decides which operations and fields they may use." })
  role: Role;

  @Field({ description: 'Municipality number, county number or Statsforvalter area id.' })
  org: string;

  @Field({ description: "The organisation's name (municipality, county or Statsforvalter office); the org itself when unknown." })
  orgName: string;

  @Field(() => [Municipality], { description: 'The municipalities this caller may reach.' })
  municipalities: Municipality[];
}

@Authorized(...ROLES)
@Resolver()
export class ReferenceResolver {
  @Authorized(...ROLES)
  @Query(() => Me, { description: 'Who is calling, and which municipalities they reach.' })
  me(@Ctx() ctx: GraphQLContext): Me {
    const a = ctx.actor;
    return {
      sub: a.sub,
      name: a.name,
      role: a.role,
      org: a.org,
      orgName: a.orgName,
      municipalities: a.reachableMunicipalityIds.map((id) => toMunicipality(ctx.directory.municipalityById(id)!)),
    };
  }

  @Authorized(...ROLES)
  @Query(() => [Municipality], { description: 'All 357 municipalities (reference data).' })
  municipalities(@Ctx() ctx: GraphQLContext): Municipality[] {
    return ctx.directory.municipalities().map(toMunicipality);
  }

  @Authorized(...ROLES)
  @Query(() => [County], { description: 'All 15 counties (reference data).' })
  counties(@Ctx() ctx: GraphQLContext): County[] {
    return ctx.directory.countyList();
  }

  @Authorized(...ROLES)
  @Query(() => [StatsforvalterArea], { description: 'All 10 Statsforvalter areas (reference data).' })
  statsforvalterAreas(@Ctx() ctx: GraphQLContext): StatsforvalterArea[] {
    return ctx.directory.areaList();
  }
}
