/** Locking a case and forgetting its cached rows. Minimal door, until the module is converted: only what other modules call today. */
export { forgetCase } from './case-access';
