/** Moving a case between municipalities: the sender's transfer, the receiver's inbox (app.case_transfer). Nothing imports it but the schema. */
export { caseTransferTable } from './transfer.table';
export type { CaseTransferRecord, TransferSnapshot } from './transfer.table';
export { TransferService } from './transfer.service';
export { IncomingTransfer } from './transfer.types';
