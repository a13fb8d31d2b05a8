import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError, AuthenticationError as TgAuthenticationError, AuthorizationError as TgAuthorizationError } from 'type-graphql';
import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors';
import { DatabaseUnavailableError, isConnectionError } from '../db/connection-errors';
import { RequestBudgetExceededError } from '../db/request-transaction';
import { RuleViolation } from '../domain/rule-violation';

/**
 * The stable error codes a client can rely on (extensions.code). Documented in the README.
 * Apollo's own request-level codes (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_REQUEST,
 * OPERATION_RESOLUTION_FAILURE, PERSISTED_QUERY_NOT_FOUND) pass through as they are.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'RULE_VIOLATION',
  'CONFLICT',
  'TIMEOUT',
  'QUERY_TOO_COMPLEX',
  'UNAVAILABLE',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const PASS_THROUGH = new Set<string>([
  ...ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** The same answer for a missing id and for another tenant's id: nothing tells them apart. */
export function notFound(what: string): GraphQLError {
  return appError('NOT_FOUND', `${what} not found`);
}

export function badInput(field: string, message: string): GraphQLError {
  return appError('BAD_USER_INPUT', message, { field });
}

/**
 * The one answer to every transient failure: the server is shutting down, the database is
 * unreachable, the connection was lost mid-request, the wait for a connection timed out, or the
 * COMMIT failed. Sent with HTTP 503 and Retry-After; retrying with the same idempotency key is safe.
 */
export const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable; try again (with the same idempotency key)';
export function unavailableError(message = UNAVAILABLE_MESSAGE): GraphQLFormattedError {
  return { message, extensions: { code: 'UNAVAILABLE', retryable: true } };
}

export function conflict(message = 'The record was changed by someone else; reload and try again'): GraphQLError {
  return appError('CONFLICT', message, { retryable: false });
}

const SUGGESTION = / ?Did you mean[^?]*\?/g;

/**
 * One problem of one input (issue 17): every refused input answers with all of its problems in
 * extensions.violations, whatever found them (GraphQL's own coercion, the input's validation, a rule).
 * `code` is stable and language-free; `path` is the dotted path into the arguments, null for the whole input.
 */
export interface Violation {
  path: string | null;
  code: string;
  ruleId?: string;
  lawReference?: string;
  message: string;
}

/** class-validator's constraint names as stable codes: maxLength → MAX_LENGTH. */
function constraintCode(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function ruleViolations(v: RuleViolation): Violation[] {
  const unmet = (v.details as { unmet?: { code: string; ruleId: string; lawReference: string; message: string }[] } | undefined)?.unmet;
  // A refusal for several unmet conditions names each of them.
  if (Array.isArray(unmet) && unmet.length) {
    return unmet.map((u) => ({ path: null, code: u.code, ruleId: u.ruleId, lawReference: u.lawReference, message: u.message }));
  }
  const missing = (v.details as { missing?: ({ field: string; message: string } | string)[] } | undefined)?.missing;
  // Required content missing (R-4.1 the plan's, R-5.3 the programme's): each part on its own.
  if (Array.isArray(missing) && missing.length) {
    return missing.map((m) =>
      typeof m === 'string'
        ? { path: null, code: 'MISSING', ruleId: v.ruleId, lawReference: v.lawReference, message: m }
        : { path: `input.${m.field}`, code: 'MISSING', ruleId: v.ruleId, lawReference: v.lawReference, message: m.message },
    );
  }
  return [{ path: null, code: 'RULE_VIOLATION', ruleId: v.ruleId, lawReference: v.lawReference, message: v.message }];
}

/** GraphQL's coercion of a variable or literal: `… at "filter.status[0]"; …` names the path. */
function coercionViolation(message: string, field: unknown): Violation {
  const at = / at "([^"]+)"/.exec(message)?.[1] ?? /^Variable "\$([^"]+)"/.exec(message)?.[1] ?? (typeof field === 'string' ? field : null);
  return { path: at, code: typeof field === 'string' ? 'INVALID' : 'INVALID_VALUE', message };
}

interface PgLikeError {
  code?: string;
}

/** Maps what a resolver threw to what the client may see; everything unexpected is masked. */
export function toClientError(formatted: GraphQLFormattedError, error: unknown, log: (err: unknown, code: string) => void): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message.replace(SUGGESTION, ''), locations: formatted.locations, path: formatted.path };

  if (original instanceof RuleViolation) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: 'RULE_VIOLATION',
        ruleId: original.ruleId,
        lawReference: original.lawReference,
        ...(original.details ? { details: original.details } : {}),
        violations: ruleViolations(original),
      },
    };
  }
  // The case logic's own refusals (src/domain/errors.ts): the one place they become GraphQL errors.
  if (original instanceof NotFoundError) {
    return { ...base, message: original.message, extensions: { code: 'NOT_FOUND' } };
  }
  if (original instanceof ConflictError) {
    return { ...base, message: original.message, extensions: { code: 'CONFLICT', retryable: original.retryable } };
  }
  if (original instanceof InvalidInputError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: 'BAD_USER_INPUT', field: original.field, violations: [{ path: original.field, code: 'INVALID', message: original.message }] },
    };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = flattenValidation(original.extensions.validationErrors as ValidationLike[] | undefined);
    return {
      ...base,
      message: 'Invalid input: ' + fields.map((f) => `${f.field} (${f.problems.join('; ')})`).join(', '),
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: fields.map(({ field, problems }) => ({ field, problems })),
        violations: fields.flatMap((f) => Object.entries(f.constraints).map(([name, message]) => ({ path: f.field, code: constraintCode(name), message }))),
      },
    };
  }
  if (original instanceof TgAuthenticationError) {
    return { ...base, message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } };
  }
  if (original instanceof TgAuthorizationError) {
    return { ...base, message: 'Not allowed for your role', extensions: { code: 'FORBIDDEN' } };
  }
  if (original instanceof DatabaseUnavailableError || isConnectionError(original)) {
    log(original, 'UNAVAILABLE');
    return { ...base, ...unavailableError() };
  }
  if (original instanceof RequestBudgetExceededError) {
    return { ...base, message: 'The request ran past its time budget; ask for less, or try again', extensions: { code: 'TIMEOUT', retryable: true } };
  }
  const pgCode = (original as PgLikeError | undefined)?.code;
  if (pgCode === '57014' || pgCode === '55P03') {
    log(original, 'TIMEOUT');
    return { ...base, message: 'The database took too long; try again', extensions: { code: 'TIMEOUT', retryable: true } };
  }
  if (pgCode === '40001' || pgCode === '40P01') {
    log(original, 'CONFLICT');
    return { ...base, message: 'A concurrent change got in the way; try again', extensions: { code: 'CONFLICT', retryable: true } };
  }
  if (pgCode === '23505') {
    log(original, 'CONFLICT');
    return { ...base, message: 'A record with these details already exists', extensions: { code: 'CONFLICT', retryable: false } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && PASS_THROUGH.has(code)) {
    const extensions: Record<string, unknown> = { ...formatted.extensions };
    delete extensions.stacktrace;
    delete extensions.exception;
    if (code === 'BAD_USER_INPUT' && !Array.isArray(extensions.violations)) extensions.violations = [coercionViolation(base.message, extensions.field)];
    return { ...base, extensions };
  }
  log(original ?? error, 'INTERNAL_SERVER_ERROR');
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

interface ValidationLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationLike[];
}

function flattenValidation(errors: ValidationLike[] | undefined, prefix = ''): { field: string; problems: string[]; constraints: Record<string, string> }[] {
  const out: { field: string; problems: string[]; constraints: Record<string, string> }[] = [];
  for (const e of errors ?? []) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out.push({ field, problems: Object.values(e.constraints), constraints: e.constraints });
    out.push(...flattenValidation(e.children, field));
  }
  return out;
}
