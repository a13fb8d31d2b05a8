import { IsOptional, Length, Matches } from 'class-validator';
import { Field } from 'type-graphql';

/** The optional `idempotencyKey` of every creating mutation's input: 8–100 characters [A-Za-z0-9_.:-]. */
export function IdempotencyKeyField(description = 'Retrying with the same key returns the first answer and creates nothing new.'): PropertyDecorator {
  return (target, property) => {
    Field(() => String, { nullable: true, description })(target, property);
    IsOptional()(target, property);
    Length(8, 100)(target, property);
    Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'idempotencyKey may hold letters, digits and _ . : - only' })(target, property);
  };
}
