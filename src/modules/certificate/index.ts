/** The participation certificate: the one door other modules use. */
import { CertificateResolver } from './certificate.resolver';

export { certificateTable } from './certificate.table';
export type { CertificateRecord } from './certificate.table';
export { CertificateService, toCertificate } from './certificate.service';
export { CertificateLanguageEnum, CertificateLine, ParticipationCertificate } from './certificate.types';
export { CertificateResolver };

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CERTIFICATE_RESOLVERS: Function[] = [CertificateResolver];
