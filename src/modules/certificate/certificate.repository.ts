/** Every statement on app.certificate. Rows become CertificateRecords here, once. */
import DataLoader from 'dataloader';
import { anyOf, db, run } from '../../db/sql';
import { InsertRecord, toRecord, toRow } from '../../db/table';
import { RequestContext, requestLoader } from '../shared';
import { CertificateRecord, certificateTable } from './certificate.table';

export type CertificateInsert = InsertRecord<typeof certificateTable>;

/** The request's certificates by case (any the caller's transaction can see): one statement per request. */
function byParticipant(ctx: RequestContext): DataLoader<string, CertificateRecord | null> {
  return requestLoader(
    ctx,
    'certificate.byParticipant',
    () =>
      new DataLoader<string, CertificateRecord | null>(async (participantIds) => {
        const rows = await run(
          ctx.tx,
          db
            .selectFrom('app.certificate')
            .selectAll()
            .where('municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint'))
            .where('participant_id', '=', anyOf(participantIds, 'uuid')),
        );
        const found = new Map(rows.map((r) => [r.participant_id, toRecord(r)]));
        return participantIds.map((id) => found.get(id) ?? null);
      }),
  );
}

export const certificateRepository = {
  forCase(ctx: RequestContext, participantId: string): Promise<CertificateRecord | null> {
    return byParticipant(ctx).load(participantId);
  },

  /** One certificate per case: issuing again (a programme ended again after a correction) replaces it. */
  async upsert(ctx: RequestContext, values: CertificateInsert): Promise<void> {
    await run(
      ctx.tx,
      db
        .insertInto('app.certificate')
        .values(toRow(certificateTable, values))
        .onConflict((oc) =>
          oc
            .columns(['municipality_id', 'participant_id'])
            .doUpdateSet((eb) => ({ issued_at: eb.ref('excluded.issued_at'), content: eb.ref('excluded.content') })),
        ),
    );
    byParticipant(ctx).clear(values.participantId);
  },
};
