import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';
import type { CertificateInput } from '../../domain/certificate';

/** the participation certificate, issued when the programme ends either way. */
export const certificateTable = defineTable(
  'certificate',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    participant_id: c.uuid(),
    issued_at: c.date(),
    /** What the certificate says, as built when it was issued; rendered in either language when read. */
    content: c.jsonb<CertificateInput>(),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    uniques: [{ columns: ['municipality_id', 'participant_id'] }],
    foreignKeys: [{ columns: ['municipality_id', 'participant_id'], references: { table: 'participant', columns: ['municipality_id', 'id'] } }],
  },
);
export type CertificateRecord = RecordOf<typeof certificateTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.certificate': KyselyTable<typeof certificateTable>;
  }
}
