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
  {
    PENDING: "Sent, waiting in the receiving municipality's inbox.",
    ACCEPTED: 'The receiving municipality took the case into its register as a new case (acceptTransfer).',
    REJECTED: 'The receiving municipality refused the case, with a reason (rejectTransfer).',
  },
);

@ObjectType({ simpleResolvers: true, description: 'A case another municipality has sent to this one, waiting to be accepted or rejected.' })
export class IncomingTransfer {
  @Field(() => UUIDScalar, { description: "The transfer's id (transferId of acceptTransfer and rejectTransfer)." }) id: string;
  @Field(() => Int, { description: 'Optimistic-concurrency version: send it back as expectedVersion.' }) version: number;
  @Field(() => Municipality, { description: 'The sending municipality.' }) from: Municipality;
  @Field(() => LocalDateScalar, { description: 'The day the case was sent.' }) sentAt: string;
  @Field(() => TransferStateEnum, { description: 'PENDING, ACCEPTED or REJECTED.' }) state: TransferState;
  @Field({ description: "The participant's full name." }) name: string;
  @Field(() => LocalDateScalar, { description: "The participant's date of birth." }) birthDate: string;
  @Field(() => Int, { description: 'Programme time already used in the sending municipality (R-5.7).' }) timeAlreadyUsedDays: number;
  @Field(() => UUIDScalar, { nullable: true, description: 'The participant created here on acceptance.' }) acceptedParticipantId: string | null;
  /** Not in the schema: whom the access log names for a read (the sender's participant, in the receiver's log). */
  fromParticipantId: string;
  municipalityId: number;
}

@ArgsType()
export class TransferDecisionArgs {
  @Field(() => UUIDScalar, { description: 'The incoming transfer.' }) transferId: string;
  @Field(() => Int, { description: "The transfer's version the caller saw: a changed transfer answers CONFLICT." }) expectedVersion: number;
}

@ArgsType()
export class RejectTransferArgs extends TransferDecisionArgs {
  @Field({ description: 'Why the case is refused, 1–2000 characters.' }) @Length(1, 2000) @Matches(PLAIN_TEXT) reason: string;
}

@ObjectType({ simpleResolvers: true, description: 'A page of the cases sent to this municipality (Relay cursor connection).' })
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
