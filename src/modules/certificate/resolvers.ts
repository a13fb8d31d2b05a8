/** The certificate module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
import { CertificateResolver } from './certificate.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CERTIFICATE_RESOLVERS: Function[] = [CertificateResolver];
