import { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: filled in by the Appeals work. */
export class Appeals1732900000000 implements MigrationInterface {
  name = 'Appeals1732900000000';

  public async up(_q: QueryRunner): Promise<void> {}

  public async down(_q: QueryRunner): Promise<void> {}
}
