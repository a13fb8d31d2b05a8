import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLContext } from '../graphql/context';

/**
 * The violations' messages in the caller's language (issue 17, item 4): bokmål by default, nynorsk or
 * English from Accept-Language. Codes stay as they are (stable and language-free); a code without a
 * translation keeps its message (the law's own wording from the rule).
 */
export type Language = 'nb' | 'nn' | 'en';

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

const MESSAGES: Record<string, Record<Language, string>> = {
  MAX_LENGTH: { nb: 'Verdien er for lang.', nn: 'Verdien er for lang.', en: 'The value is too long.' },
  MIN_LENGTH: { nb: 'Verdien er for kort.', nn: 'Verdien er for kort.', en: 'The value is too short.' },
  LENGTH: { nb: 'Verdien har feil lengde.', nn: 'Verdien har feil lengd.', en: 'The value has the wrong length.' },
  MIN: { nb: 'Verdien er for liten.', nn: 'Verdien er for lita.', en: 'The value is too small.' },
  MAX: { nb: 'Verdien er for stor.', nn: 'Verdien er for stor.', en: 'The value is too large.' },
  IS_IN: { nb: 'Verdien er ikke en av de tillatte.', nn: 'Verdien er ikkje ein av dei tillatne.', en: 'The value is not one of those allowed.' },
  MATCHES: {
    nb: 'Verdien har ugyldige tegn eller feil form.',
    nn: 'Verdien har ugyldige teikn eller feil form.',
    en: 'The value has invalid characters or the wrong form.',
  },
  IS_INT: { nb: 'Verdien må være et heltall.', nn: 'Verdien må vere eit heiltal.', en: 'The value must be a whole number.' },
  IS_BOOLEAN: { nb: 'Verdien må være sann eller usann.', nn: 'Verdien må vere sann eller usann.', en: 'The value must be true or false.' },
  ARRAY_MAX_SIZE: { nb: 'Listen har for mange elementer.', nn: 'Lista har for mange element.', en: 'The list has too many items.' },
  INVALID_VALUE: { nb: 'Verdien er ugyldig for denne typen.', nn: 'Verdien er ugyldig for denne typen.', en: 'The value is not valid for its type.' },
};

interface ViolationLike {
  code?: unknown;
  message?: unknown;
}

/** Rewrites violations[].message in the request's language, in place; returns the language used. */
export function localiseViolations(errors: readonly { extensions?: Record<string, unknown> }[] | undefined, language: Language): void {
  for (const e of errors ?? []) {
    const violations = e.extensions?.violations;
    if (!Array.isArray(violations)) continue;
    for (const v of violations as ViolationLike[]) {
      const text = typeof v.code === 'string' ? MESSAGES[v.code]?.[language] : undefined;
      if (text) v.message = text;
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
