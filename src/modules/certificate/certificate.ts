/** Transitional: the resolver under its old path, until src/graphql/schema.ts imports the module's index. */
export { CertificateResolver } from './certificate.resolver';
