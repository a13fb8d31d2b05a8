/** The competence mapping. Minimal for now: what the decision module needs (competence-mapping.for-decision.ts); the module's owner adds the rest. */
export { mappingStatus } from './competence-mapping.for-decision';
