import { DataSource, EntitySchema } from 'typeorm';
import { TYPEORM_POSTGRES } from './table';

/**
 * What `migration:generate` would write against this database: the statements TypeORM's schema
 * builder proposes to make the database match the table descriptions. Empty means no drift.
 */
export async function schemaDrift(ownerUrl: string, entities: EntitySchema[]): Promise<string[]> {
  const ds = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    entities,
    synchronize: false,
    ...TYPEORM_POSTGRES,
    extra: { max: 1, application_name: 'introsak-drift' },
  });
  await ds.initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await ds.destroy();
  }
}
