import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'A municipality (kommune), the tenant of introsak. Valid from 2024-01-01.' })
export class Municipality {
  @Field(() => ID, { description: 'Stable surrogate key; the number can change in a reform.' })
  id: string;

  @Field({ description: 'Municipality number, four digits; the first two are the county number.' })
  number: string;

  @Field({ description: 'The municipality\'s name, e.g. "Bergen".' })
  name: string;

  @Field({ description: "The county number (two digits, the municipality number's first two)." })
  countyNumber: string;
}

@ObjectType({ simpleResolvers: true, description: 'A county (fylke / fylkeskommune), which gives career guidance.' })
export class County {
  @Field({ description: "County number, two digits (03 is Oslo, whose municipality does the county's tasks, R-3.1)." })
  number: string;

  @Field({ description: "The county's name." })
  name: string;

  @Field({ description: 'The Statsforvalter area the county belongs to.' })
  statsforvalterId: string;
}

@ObjectType({ simpleResolvers: true, description: 'A Statsforvalter office and its area, which reviews appeals.' })
export class StatsforvalterArea {
  @Field(() => ID, { description: 'The office\'s stable id (a slug, e.g. "innlandet"): the org of a Statsforvalter token.' })
  id: string;

  @Field({ description: 'The office\'s name, e.g. "Statsforvalteren i Innlandet".' })
  name: string;

  @Field(() => [String], { description: 'The counties (two-digit numbers) in its area: it reviews appeals from their municipalities (R-9.5).' })
  countyNumbers: string[];
}
