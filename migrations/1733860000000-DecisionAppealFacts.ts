import { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS_BEFORE = `'REGISTER', 'ACCEPT_LATE', 'START_REVIEW', 'REVERSE', 'PARTLY_REVERSE_AND_FORWARD', 'DISMISS', 'FORWARD', 'REASSIGN', 'STATSFORVALTER_DECIDE', 'RECORD_FOLLOW_UP', 'CLOSE'`;

/**
 * a request for reasons and an extension of the appeal deadline are facts of the decision, recorded
 * on it whether or not an appeal has come (the date an extension was granted with it), so the deadline the
 * decision shows is the one that holds. A change to these facts or to the notice date re-judges every appeal
 * against the decision: the history records that step as REJUDGE_TIMELINESS.
 */
export class DecisionAppealFacts1733860000000 implements MigrationInterface {
  name = 'DecisionAppealFacts1733860000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.decision
      ADD COLUMN reasons_requested_at date,
      ADD COLUMN reasons_received_at date,
      ADD COLUMN appeal_deadline_extended_to date,
      ADD COLUMN appeal_deadline_extended_on date`);
    await q.query(`ALTER TABLE app.appeal_event DROP CONSTRAINT appeal_event_event_check`);
    await q.query(`ALTER TABLE app.appeal_event ADD CONSTRAINT appeal_event_event_check CHECK (event IN (${EVENTS_BEFORE}, 'REJUDGE_TIMELINESS'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM app.appeal_event WHERE event = 'REJUDGE_TIMELINESS'`);
    await q.query(`ALTER TABLE app.appeal_event DROP CONSTRAINT appeal_event_event_check`);
    await q.query(`ALTER TABLE app.appeal_event ADD CONSTRAINT appeal_event_event_check CHECK (event IN (${EVENTS_BEFORE}))`);
    await q.query(`ALTER TABLE app.decision
      DROP COLUMN reasons_requested_at, DROP COLUMN reasons_received_at, DROP COLUMN appeal_deadline_extended_to, DROP COLUMN appeal_deadline_extended_on`);
  }
}
