import { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: filled in by the CareerGuidance work. */
export class CareerGuidance1733000000000 implements MigrationInterface {
  name = 'CareerGuidance1733000000000';

  public async up(_q: QueryRunner): Promise<void> {}

  public async down(_q: QueryRunner): Promise<void> {}
}
