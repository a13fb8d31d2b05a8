import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLContext } from '../graphql/context';
import { Language, translate } from './messages';

/**
 * The violations' messages in the caller's language (issue 17, item 4): bokmål by default, nynorsk or
 * English from Accept-Language. Codes stay as they are (stable and language-free); the wording is in
 * ./messages (every code the validation layer and the domain can emit; test/unit/error-messages.test.ts).
 */
export type { Language };

/** The first of nb, nn (no, nb-NO, nn-NO …) or en the header asks for, by its q weights; bokmål when none. */
export function languageOf(header: string | null | undefined): Language {
  const asked = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((a) => a.tag && a.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of asked) {
    const primary = tag.split('-')[0];
    if (primary === 'nn') return 'nn';
    if (primary === 'nb' || primary === 'no') return 'nb';
    if (primary === 'en') return 'en';
  }
  return 'nb';
}

interface ViolationLike {
  code?: unknown;
  message?: unknown;
  ruleId?: unknown;
  lawReference?: unknown;
  path?: unknown;
}

const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** Rewrites violations[].message in the request's language, in place; returns the language used. */
export function localiseViolations(errors: readonly { extensions?: Record<string, unknown> }[] | undefined, language: Language): void {
  for (const e of errors ?? []) {
    const violations = e.extensions?.violations;
    if (!Array.isArray(violations)) continue;
    for (const v of violations as ViolationLike[]) {
      if (typeof v.code !== 'string') continue;
      const t = translate({ code: v.code, message: str(v.message), ruleId: str(v.ruleId), lawReference: str(v.lawReference), path: str(v.path) }, language);
      if (t) v.message = t.text;
    }
    e.extensions!.language = language;
  }
}

export const errorLanguagePlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ request }) {
    const language = languageOf(request.http?.headers.get('accept-language'));
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single') localiseViolations(response.body.singleResult.errors as never, language);
      },
    };
  },
};
