import DataLoader from 'dataloader';
import { RequestTransaction } from '../db/request-transaction';
import { fromRow, toParticipant } from './participant/participant.service';
import { Participant } from './participant/participant.types';

/**
 * Per-request DataLoaders on the request's transaction. Never shared between requests: a shared
 * loader would serve one tenant's cached rows to another.
 */
export interface Loaders {
  participant: DataLoader<string, Participant | null>;
}

export function createLoaders(tx: RequestTransaction): Loaders {
  return {
    participant: new DataLoader<string, Participant | null>(async (ids) => {
      const rows = await tx.query<Record<string, unknown>>(`SELECT * FROM app.participant WHERE id = ANY($1::uuid[])`, [ids]);
      const byId = new Map(rows.map((r) => [r.id as string, toParticipant(fromRow(r))]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
