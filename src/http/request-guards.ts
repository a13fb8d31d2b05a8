/**
 * Checks on a GraphQL request's body before Apollo sees it: input that no field of the schema can
 * take, and that would otherwise fail deep inside (a stack overflow in variable coercion, a JSON value
 * PostgreSQL refuses), is answered at once as HTTP 400 BAD_USER_INPUT.
 *
 * - Nesting deeper than MAX_NESTING (a variable nested 20 000 deep overflowed graphql-js's recursive
 *   coercion: HTTP 500). The schema's deepest input is a handful of levels.
 * - Strings that are not well-formed text: a lone UTF-16 surrogate ("\ud800", which JSON may carry
 *   but PostgreSQL's JSON and text refuse) or a NUL character (which PostgreSQL text cannot hold).
 *
 * The walk is iterative (no recursion: the check itself cannot overflow) and stops at the first problem.
 */
export const MAX_NESTING = 64;

export interface BodyProblem {
  message: string;
  /** Where in the body, as a dotted path (variables.input.name), so the client sees which value. */
  field: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be input, or null. */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(s)) return 'contains an unpaired UTF-16 surrogate (not well-formed text)';
  return null;
}

/** The first problem in a parsed body (POST JSON, or GET's decoded parameters), or null. */
export function bodyProblem(body: unknown): BodyProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { message: `The value at ${path || 'the body'} ${problem}`, field: path };
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_NESTING) return { message: `The request nests values deeper than ${MAX_NESTING} levels`, field: path };
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, v] of entries) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { message: `A key at ${path || 'the body'} ${keyProblem}`, field: path };
      stack.push({ value: v, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return null;
}

/** GET carries variables and extensions as JSON in the query string: the same checks on what they decode to. */
export function searchProblem(search: URLSearchParams): BodyProblem | null {
  const decoded: Record<string, unknown> = {};
  for (const [key, value] of search) {
    if (key === 'variables' || key === 'extensions') {
      try {
        decoded[key] = JSON.parse(value);
      } catch {
        decoded[key] = value; // Apollo answers invalid JSON itself
      }
    } else decoded[key] = value;
  }
  return bodyProblem(decoded);
}

/**
 * The 400 answer to a body problem, in GraphQL's error shape and with the same `fields` list argument
 * validation gives (paths inside the variables, `filter.nameContains`), so a client handles both alike.
 */
export function bodyProblemAnswer(problem: BodyProblem): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  const inVariables = problem.field.startsWith('variables.') ? problem.field.slice('variables.'.length) : problem.field;
  return {
    errors: [
      { message: problem.message, extensions: { code: 'BAD_USER_INPUT', field: problem.field, fields: [{ field: inVariables, problems: [problem.message] }] } },
    ],
  };
}
