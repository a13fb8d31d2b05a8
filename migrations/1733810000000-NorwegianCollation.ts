import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Names compare, sort and search by Norwegian rules (issue 17): an ICU collation for bokmål (nb-NO),
 * the same on every server whatever its default locale (the embedded PostgreSQL is initialised with
 * --locale=C, compose's postgres:17 with en_US.utf8). Order a–z, æ, ø, å, lower and upper case side by
 * side ("anna" before "Zara"); ILIKE under it folds case by ICU ("øystein" finds "Øystein").
 *
 * Deterministic (the ICU default strength): PostgreSQL 15–17 refuse LIKE/ILIKE under a nondeterministic
 * collation, and the case list searches with ILIKE. Case-insensitive matching comes from ILIKE, the
 * order from the collation. Changing the column's collation rebuilds participant_name on it, so a page
 * in name order is still read off that index.
 */
export class NorwegianCollation1733810000000 implements MigrationInterface {
  name = 'NorwegianCollation1733810000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE COLLATION IF NOT EXISTS app.nb_no (provider = icu, locale = 'nb-NO')`);
    await q.query(`ALTER TABLE app.participant ALTER COLUMN full_name TYPE text COLLATE app.nb_no`);
    await q.query(`ALTER TABLE app.participant ALTER COLUMN assigned_to_name TYPE text COLLATE app.nb_no`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.participant ALTER COLUMN assigned_to_name TYPE text COLLATE "default"`);
    await q.query(`ALTER TABLE app.participant ALTER COLUMN full_name TYPE text COLLATE "default"`);
    await q.query(`DROP COLLATION IF EXISTS app.nb_no`);
  }
}
