/**
 * What the case logic refuses, independent of the transport: services raise these, and one place
 * (src/graphql/errors.ts) turns them into GraphQL errors with stable codes. A refusal by a rule of the
 * law is a RuleViolation (./rule-violation).
 */

/** The record does not exist for the caller: a missing id and another tenant's id are the same answer. */
export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** The record changed since the caller read it, already exists, or a key was reused for something else. */
export class ConflictError extends Error {
  constructor(
    message = 'The record was changed by someone else; reload and try again',
    /** Whether the same request can simply be sent again. */
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** An argument is invalid; `field` names it (a dotted path into the input). */
export class InvalidInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
