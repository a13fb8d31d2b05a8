/** The GraphQL view of a rule that was not applied automatically: said on the result, not left out. */
import { Field, ObjectType } from 'type-graphql';

@ObjectType('RuleNotice', {
  simpleResolvers: true,
  description: 'A rule that was not enforced automatically for this case (e.g. an offer before the 2026 programme rules, R-0.2, R-13.1): assess it by hand.',
})
export class RuleNoticeType {
  @Field({ description: 'The rule id in RULES.md, e.g. R-5.7.' }) ruleId: string;
  @Field({ description: 'The section the rule comes from, e.g. "integreringsloven § 14".' }) lawReference: string;
  @Field({ description: 'Why the rule was not enforced and what to assess by hand, in English.' }) message: string;
}
