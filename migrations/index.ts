/** Every migration, in order. Listed explicitly so the compiled server, the CLI and the tests load the same set. */
import { Foundation1732700000000 } from './1732700000000-Foundation';
import { CaseFile1732800000000 } from './1732800000000-CaseFile';
import { Appeals1732900000000 } from './1732900000000-Appeals';
import { CareerGuidance1733000000000 } from './1733000000000-CareerGuidance';
import { AccessLog1733100000000 } from './1733100000000-AccessLog';
import { BackupRole1733200000000 } from './1733200000000-BackupRole';
import { Transfer1733300000000 } from './1733300000000-Transfer';
import { AccessLogPerRequest1733400000000 } from './1733400000000-AccessLogPerRequest';
import { AbsenceCorrection1733500000000 } from './1733500000000-AbsenceCorrection';
import { AuditAppendPath1733700000000 } from './1733700000000-AuditAppendPath';
import { EligibilityPeriods1733710000000 } from './1733710000000-EligibilityPeriods';

export const MIGRATIONS = [
  Foundation1732700000000,
  CaseFile1732800000000,
  Appeals1732900000000,
  CareerGuidance1733000000000,
  AccessLog1733100000000,
  BackupRole1733200000000,
  Transfer1733300000000,
  AccessLogPerRequest1733400000000,
  AbsenceCorrection1733500000000,
  AuditAppendPath1733700000000,
  EligibilityPeriods1733710000000,
];
