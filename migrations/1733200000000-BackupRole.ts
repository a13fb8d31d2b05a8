import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * introsak_backup: NOLOGIN, BYPASSRLS, SELECT and INSERT on the app schema. The backup and restore
 * scripts SET ROLE to it so a dump can never silently omit rows hidden by row-level security.
 * Creating a BYPASSRLS role needs a superuser; on a server where the owner is not one, an
 * administrator creates the role once (README) and this migration only grants to it.
 */
export class BackupRole1733200000000 implements MigrationInterface {
  name = 'BackupRole1733200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'introsak_backup') THEN
          IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            CREATE ROLE introsak_backup NOLOGIN BYPASSRLS;
          ELSE
            RAISE NOTICE 'introsak_backup not created: a superuser must create it (NOLOGIN BYPASSRLS)';
            RETURN;
          END IF;
        END IF;
        EXECUTE format('GRANT introsak_backup TO %I', current_user);
        GRANT USAGE ON SCHEMA app TO introsak_backup;
        GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA app TO introsak_backup;
        ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT ON TABLES TO introsak_backup;
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'introsak_backup') THEN
          ALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE SELECT, INSERT ON TABLES FROM introsak_backup;
          REVOKE ALL ON ALL TABLES IN SCHEMA app FROM introsak_backup;
          REVOKE USAGE ON SCHEMA app FROM introsak_backup;
        END IF;
      END $$`);
  }
}
