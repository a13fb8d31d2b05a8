import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';
import type { EligibilityPeriod } from '../../domain/eligibility';

/** The participant register (tenant table): a person registered in a municipality's case register. */
export const participantTable = defineTable(
  'participant',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    version: c.integer().default(1),
    full_name: c.text().collation('nb_no'),
    /** Fødselsnummer or D-number. Never an id, never in a URL, never in a log. */
    identity_number: c.char(11),
    birth_date: c.date(),
    permit_category: c.text(),
    permit_grant_date: c.date(),
    arrival_date: c.date(),
    settlement_date: c.date().nullable(),
    settled_by_agreement: c.boolean().default(false),
    request_date: c.date().nullable(),
    /** the programme offer date where it is recorded explicitly; else the first granted participation decision's date counts. */
    offer_date: c.date().nullable(),
    family_reference_years: c.numeric(5, 2).nullable(),
    highest_education: c.text().nullable(),
    has_upper_secondary: c.boolean().default(false),
    weekly_work_hours: c.numeric(4, 1).nullable(),
    children_birth_dates: c.date().array().defaultSql("'{}'"),
    lives_with_parent: c.boolean().default(false),
    languages: c.text().array().defaultSql("'{}'"),
    start_deadline: c.date().nullable(),
    status: c.text().default('REGISTERED'),
    assigned_to_sub: c.text().nullable(),
    assigned_to_name: c.text().collation('nb_no').nullable(),
    created_at: c.timestamptz().defaultSql('now()'),
    updated_at: c.timestamptz().defaultSql('now()'),
    transferred_from_municipality_id: c.smallint().nullable(),
    transferred_from_participant_id: c.uuid().nullable(),
    transferred_to_municipality_id: c.smallint().nullable(),
    transferred_at: c.date().nullable(),
    /** as dated data: the basis on every evaluation date, from this row's facts (eligibilityPeriods); rewritten with them. */
    eligibility_periods: c.jsonb<EligibilityPeriod[]>(),
    /**
     * Each basis's evaluation dates from eligibility_periods, as ranges: the case list's eligibility filter
     * is one range test per row. Written only by the trigger participant_eligibility_spans (any value a
     * writer gives is replaced by the periods' own).
     */
    eligibility_right_and_duty: c.datemultirange().defaultSql("'{}'"),
    eligibility_discretionary: c.datemultirange().defaultSql("'{}'"),
    eligibility_none: c.datemultirange().defaultSql("'{}'"),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    uniques: [{ columns: ['municipality_id', 'identity_number'] }],
    // The case list's orders, tie-breaker included, so the planner can stop after one page.
    indexes: [
      { name: 'participant_start_deadline', columns: ['municipality_id', 'start_deadline', 'id'] },
      { name: 'participant_name', columns: ['municipality_id', 'full_name', 'id'] },
      { name: 'participant_settlement', columns: ['municipality_id', 'settlement_date', 'id'] },
      { name: 'participant_status', columns: ['municipality_id', 'status', 'start_deadline', 'id'] },
    ],
    foreignKeys: [
      { columns: ['municipality_id'], references: { table: 'municipality', columns: ['id'] } },
      { columns: ['transferred_from_municipality_id'], references: { table: 'municipality', columns: ['id'] } },
      { columns: ['transferred_to_municipality_id'], references: { table: 'municipality', columns: ['id'] } },
    ],
  },
);
export type ParticipantRecord = RecordOf<typeof participantTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.participant': KyselyTable<typeof participantTable>;
  }
}
