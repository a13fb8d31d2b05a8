/**
 * The DataSource the TypeORM CLI uses (npm run migration:run|revert|generate). It connects as the
 * owner (DATABASE_URL) and knows every migration. The API itself never uses this connection.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { ENTITIES } from './src/modules/tables';
import { TYPEORM_POSTGRES } from './src/db/table';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to the owner connection to use the TypeORM CLI');

export default new DataSource({
  type: 'postgres',
  url,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'introsak_migrations',
  migrationsTransactionMode: 'each',
  synchronize: false,
  ...TYPEORM_POSTGRES,
});
