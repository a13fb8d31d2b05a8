import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'A municipality (kommune), the tenant of introsak. Valid from 2024-01-01.' })
export class Municipality {
  @Field(() => ID, { description: 'Stable surrogate key; the number can change in a reform.' })
  id: string;

  @Field({ description: 'Municipality number, four digits; the first two are the county number.' })
  number: string;

  @Field()
  name: string;

  @Field()
  countyNumber: string;
}

@ObjectType({ simpleResolvers: true, description: 'A county (fylke / fylkeskommune), which gives career guidance.' })
export class County {
  @Field()
  number: string;

  @Field()
  name: string;

  @Field({ description: 'The Statsforvalter area the county belongs to.' })
  statsforvalterId: string;
}

@ObjectType({ simpleResolvers: true, description: 'A Statsforvalter office and its area, which reviews appeals.' })
export class StatsforvalterArea {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => [String])
  countyNumbers: string[];
}
