import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person registered in a municipality's introduction-programme case register (tenant table). */
@Entity({ schema: 'app', name: 'participant' })
export class ParticipantEntity {
  @PrimaryColumn({ name: 'municipality_id', type: 'smallint' })
  municipalityId: number;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  /** Fødselsnummer or D-number. Never an id, never in a URL, never in a log. */
  @Column({ name: 'identity_number', type: 'char', length: 11 })
  identityNumber: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'permit_category', type: 'text' })
  permitCategory: string;

  @Column({ name: 'permit_grant_date', type: 'date' })
  permitGrantDate: string;

  @Column({ name: 'arrival_date', type: 'date' })
  arrivalDate: string;

  @Column({ name: 'settlement_date', type: 'date', nullable: true })
  settlementDate: string | null;

  @Column({ name: 'settled_by_agreement', type: 'boolean', default: false })
  settledByAgreement: boolean;

  @Column({ name: 'request_date', type: 'date', nullable: true })
  requestDate: string | null;

  @Column({ name: 'family_reference_years', type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) } })
  familyReferenceYears: number | null;

  @Column({ name: 'highest_education', type: 'text', nullable: true })
  highestEducation: string | null;

  @Column({ name: 'has_upper_secondary', type: 'boolean', default: false })
  hasUpperSecondary: boolean;

  @Column({ name: 'weekly_work_hours', type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) } })
  weeklyWorkHours: number | null;

  @Column({ name: 'children_birth_dates', type: 'date', array: true, default: () => "'{}'" })
  childrenBirthDates: string[];

  @Column({ name: 'lives_with_parent', type: 'boolean', default: false })
  livesWithParent: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ name: 'start_deadline', type: 'date', nullable: true })
  startDeadline: string | null;

  @Column({ type: 'text', default: 'REGISTERED' })
  status: string;

  @Column({ name: 'assigned_to_sub', type: 'text', nullable: true })
  assignedToSub: string | null;

  @Column({ name: 'assigned_to_name', type: 'text', nullable: true })
  assignedToName: string | null;

  @Column({ name: 'transferred_from_municipality_id', type: 'smallint', nullable: true })
  transferredFromMunicipalityId: number | null;

  @Column({ name: 'transferred_to_municipality_id', type: 'smallint', nullable: true })
  transferredToMunicipalityId: number | null;

  @Column({ name: 'transferred_at', type: 'date', nullable: true })
  transferredAt: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
