/** The municipality's dashboard: the case list and the caseload summary, across every part of the case. */
export { CaseloadResolver } from './caseload.resolver';
export { CaseloadService } from './caseload.service';
