/** The participation certificate: the one door other modules use. */

export { certificateTable } from './certificate.table';
export type { CertificateRecord } from './certificate.table';
export { CertificateService, toCertificate } from './certificate.service';
export { CertificateLanguageEnum, CertificateLine, ParticipationCertificate } from './certificate.types';
