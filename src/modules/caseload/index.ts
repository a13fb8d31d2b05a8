/** The municipality's dashboard: the case list and the caseload summary, across every part of the case. */
export { CaseloadService } from './caseload.service';
