/**
 * Every table's description, from the module that owns it: what the drift check and
 * `npm run migration:generate` compare with the database.
 */
import type { Table } from '../db/table';
import { absenceTable } from './absence/absence.table';
import { accessLogTable } from './access-log/access-log.table';
import { appealEventTable, appealTable } from './appeal/appeal.table';
import { auditChainHeadTable, auditEventTable, idempotencyKeyTable } from './audit/audit.table';
import { careerGuidanceReferralTable } from './career-guidance/career-guidance.table';
import { certificateTable } from './certificate/certificate.table';
import { competenceMappingTable } from './competence-mapping/competence-mapping.table';
import { careLeaveTable } from './decision/care-leave.table';
import { decisionTable } from './decision/decision.table';
import { planGuidanceLinkTable, planVersionTable } from './integration-plan/integration-plan.table';
import { participantTable } from './participant/participant.table';
import { elementAttendanceTable, programmeTable } from './programme/programme.table';
import { countyTable, municipalityTable, statsforvalterAreaTable } from './reference/reference.table';
import { caseTransferTable } from './transfer/transfer.table';

export const TABLES: Table[] = [
  statsforvalterAreaTable,
  countyTable,
  municipalityTable,
  participantTable,
  auditChainHeadTable,
  auditEventTable,
  idempotencyKeyTable,
  competenceMappingTable,
  planVersionTable,
  programmeTable,
  decisionTable,
  absenceTable,
  careLeaveTable,
  certificateTable,
  appealTable,
  appealEventTable,
  careerGuidanceReferralTable,
  planGuidanceLinkTable,
  accessLogTable,
  caseTransferTable,
  elementAttendanceTable,
] as Table[];

export const ENTITIES = TABLES.map((t) => t.entity);
