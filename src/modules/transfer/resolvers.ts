/** The transfer module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
import { TransferResolver } from './transfer.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const TRANSFER_RESOLVERS: Function[] = [TransferResolver];
