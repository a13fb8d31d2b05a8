/** GraphQL types of a transfer between municipalities. */
import { IsIn, Length, Matches } from 'class-validator';
import { Connection, PageArgs, SORT_DIRECTIONS, SortDirectionEnum, SortDirectionValue } from '../../graphql/pagination';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { TRANSFER_STATES, TransferState } from '../../domain/case-transfer';
import { enumFrom } from '../../graphql/enums';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { Municipality } from '../reference';
import { PLAIN_TEXT } from '../shared';

export const TransferStateEnum = enumFrom(
  TRANSFER_STATES,
  'TransferState',
  'Where a case transfer (flytting, integreringsloven § 42) stands: PENDING, ACCEPTED or REJECTED by the receiving municipality.',
);

@ObjectType({ simpleResolvers: true, description: 'A case another municipality has sent to this one, waiting to be accepted or rejected.' })
export class IncomingTransfer {
  @Field(() => UUIDScalar) id: string;
  @Field(() => Int) version: number;
  @Field(() => Municipality) from: Municipality;
  @Field(() => LocalDateScalar) sentAt: string;
  @Field(() => TransferStateEnum, { description: 'PENDING, ACCEPTED or REJECTED.' }) state: TransferState;
  @Field() name: string;
  @Field(() => LocalDateScalar) birthDate: string;
  @Field(() => Int, { description: 'Programme time already used in the sending municipality (R-5.7).' }) timeAlreadyUsedDays: number;
  @Field(() => UUIDScalar, { nullable: true, description: 'The participant created here on acceptance.' }) acceptedParticipantId: string | null;
  /** Not in the schema: whom the access log names for a read (the sender's participant, in the receiver's log). */
  fromParticipantId: string;
  municipalityId: number;
}

@ArgsType()
export class TransferDecisionArgs {
  @Field(() => UUIDScalar) transferId: string;
  @Field(() => Int) expectedVersion: number;
}

@ArgsType()
export class RejectTransferArgs extends TransferDecisionArgs {
  @Field() @Length(1, 2000) @Matches(PLAIN_TEXT) reason: string;
}

@ObjectType({ simpleResolvers: true })
export class IncomingTransferConnection extends Connection(IncomingTransfer, 'IncomingTransfer') {}

@ArgsType()
export class IncomingTransfersArgs extends PageArgs {
  @Field(() => SortDirectionEnum, {
    defaultValue: 'ASC',
    description: 'ASC: sent earliest first (ties by id); DESC the exact reverse. A cursor belongs to one direction.',
  })
  @IsIn(SORT_DIRECTIONS as unknown as string[])
  direction: SortDirectionValue = 'ASC';
}
