/**
 * Every message a caller can get as a violation exists in bokmål, nynorsk and English (issue 17, item 4).
 *
 * The codes and messages are found, not copied by hand:
 * - the violation codes src/graphql/errors.ts builds (object literals with `path` and `code`),
 * - class-validator's constraints on every input type of the schema (their default messages, made by
 *   class-validator itself, and every custom `{ message }`),
 * - the unmet eligibility conditions (UNMET_CONDITION_CODES),
 * - every message literal in src/ given to RuleViolation, InvalidInputError, badInput, the domain's
 *   refuse/fail/unmet/add helpers, a refusal table's `message: () => …` and an `…Problem()` function's return.
 * A failure names the code, the ruleId, the file and line and the language that is missing, so whoever adds
 * a rule knows what to add to src/http/messages.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { getMetadataStorage } from 'class-validator';
import { buildAppSchema } from '../../src/graphql/schema';
import { UNMET_CONDITION_CODES } from '../../src/domain/eligibility';
import { Language, MESSAGES, translate } from '../../src/http/messages';

const ROOT = path.join(__dirname, '../..');
const LANGUAGES: Language[] = ['nb', 'nn', 'en'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const parsed = sourceFiles(path.join(ROOT, 'src')).map((file) => ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));

function where(node: ts.Node): string {
  const sf = node.getSourceFile();
  return `${path.relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (c) => walk(c, visit));
}

/** What a `${name}` stands for when `name` is a local const of literals in the same function (else a value). */
function spanSamples(e: ts.Expression): string[] {
  if (ts.isIdentifier(e)) {
    let fn: ts.Node | undefined = e.parent;
    while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
    let found: string[] = [];
    if (fn) {
      walk(fn, (n) => {
        if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === e.text && n.initializer) found = samples(n.initializer);
      });
    }
    if (found.length) return found;
  }
  return [VALUE];
}

/** A value in a sample message: a number, so that it fits a pattern's (\d+) as well as its (\S+). */
const VALUE = '7';

/** The messages a literal can produce, each `${…}` a value; several for a ?: of literals; [] when not literal. */
function samples(e: ts.Expression | undefined): string[] {
  if (!e) return [];
  if (ts.isParenthesizedExpression(e)) return samples(e.expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isTemplateExpression(e)) {
    return e.templateSpans.reduce((acc, s) => acc.flatMap((head) => spanSamples(s.expression).map((v) => head + v + s.literal.text)), [e.head.text]);
  }
  if (ts.isConditionalExpression(e)) return [...samples(e.whenTrue), ...samples(e.whenFalse)];
  return [];
}

/** A rule id written as 'R-x.y' or LAW['R-x.y']. */
function ruleIdOf(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) && /^R-\d/.test(e.text)) return e.text;
  if (ts.isElementAccessExpression(e)) return ruleIdOf(e.argumentExpression);
  return undefined;
}

const calleeName = (e: ts.LeftHandSideExpression): string | undefined => (ts.isIdentifier(e) ? e.text : undefined);

function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) && n.name) return n.name.text;
  }
  return undefined;
}

function hasProperty(e: ts.Expression | undefined, names: string[]): boolean {
  return !!e && ts.isObjectLiteralExpression(e) && e.properties.some((p) => p.name && ts.isIdentifier(p.name) && names.includes(p.name.text));
}

interface Site {
  code: string;
  ruleId?: string;
  message: string;
  at: string;
}

/** Every message literal of src/ that becomes a violation's message. */
function messageSites(): Site[] {
  const out: Site[] = [];
  const add = (code: string, ruleId: string | undefined, messages: string[], node: ts.Node): void => {
    for (const message of messages) out.push({ code, ruleId, message, at: where(node) });
  };
  for (const sf of parsed) {
    const inDomain = sf.fileName.includes(`${path.sep}src${path.sep}domain${path.sep}`);
    walk(sf, (n) => {
      if (ts.isNewExpression(n) && n.arguments) {
        const name = calleeName(n.expression);
        const [a0, a1, a2, a3] = n.arguments;
        // A refusal for several unmet conditions or missing parts answers with each part (src/graphql/errors.ts).
        if (name === 'RuleViolation' && !hasProperty(a3, ['unmet', 'missing'])) add('RULE_VIOLATION', ruleIdOf(a0), samples(a2), n);
        if (name === 'InvalidInputError') add('INVALID', undefined, samples(a1), n);
      }
      if (ts.isCallExpression(n)) {
        const name = calleeName(n.expression);
        const args = n.arguments;
        if (name === 'badInput') add('INVALID', undefined, samples(args[1]), n);
        if (inDomain && (name === 'refuse' || name === 'fail')) {
          const ruleId = ruleIdOf(args[0]);
          add('RULE_VIOLATION', ruleId, samples(args.find((a) => samples(a).length && !ruleIdOf(a))), n);
        }
        if (inDomain && name === 'unmet' && args[0] && ts.isStringLiteral(args[0])) add(args[0].text, ruleIdOf(args[1]), samples(args[2]), n);
        if (inDomain && name === 'add' && /^missing/.test(enclosingFunctionName(n) ?? '')) add('MISSING', undefined, samples(args[1]), n);
      }
      if (inDomain && ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === 'message' && ts.isArrowFunction(n.initializer)) {
        if (!ts.isBlock(n.initializer.body)) add('RULE_VIOLATION', undefined, samples(n.initializer.body), n);
      }
      if (inDomain && ts.isReturnStatement(n) && /Problem$/.test(enclosingFunctionName(n) ?? '')) add('RULE_VIOLATION', undefined, samples(n.expression), n);
    });
  }
  return out;
}

/** The codes src/graphql/errors.ts gives violations: `code:` in an object literal that also has `path`. */
function builtViolationCodes(): string[] {
  const codes = new Set<string>();
  const sf = parsed.find((s) => s.fileName.endsWith(path.join('src', 'graphql', 'errors.ts')))!;
  walk(sf, (n) => {
    if (!ts.isObjectLiteralExpression(n) || !hasProperty(n, ['path'])) return;
    for (const p of n.properties) {
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'code') {
        walk(p.initializer, (x) => {
          if (ts.isStringLiteral(x) && /^[A-Z_]+$/.test(x.text)) codes.add(x.text);
        });
      }
    }
  });
  return [...codes];
}

/** As src/graphql/errors.ts: maxLength → MAX_LENGTH. */
const constraintCode = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

interface ValidationMetadataLike {
  name?: string;
  type: string;
  propertyName: string;
  constraints?: unknown[];
  constraintCls?: new () => { defaultMessage?: (args: unknown) => string };
  message?: unknown;
  each?: boolean;
}

/** class-validator's constraints on the schema's input types, each with the messages it can give. */
function constraintSites(): Site[] {
  buildAppSchema(); // registers every input class and its decorators
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadataLike[]> };
  const out: Site[] = [];
  for (const list of storage.validationMetadatas.values()) {
    for (const m of list) {
      if (m.type === 'conditionalValidation' || m.type === 'whitelistValidation') continue;
      const at = `class-validator ${m.name ?? m.type} on ${m.propertyName}`;
      if (m.type === 'nestedValidation') {
        out.push({ code: 'NESTED_VALIDATION', message: `nested property ${m.propertyName} must be either object or array`, at });
        continue;
      }
      const code = constraintCode(m.name ?? m.type);
      const texts = new Set<string>();
      if (typeof m.message === 'string') texts.add(m.message);
      else if (m.constraintCls) {
        const instance = new m.constraintCls();
        for (const value of [undefined, '', 'x'.repeat(100_000), -1e12, 1e12, 1.5]) {
          const text = instance.defaultMessage?.({ value, constraints: m.constraints ?? [], property: m.propertyName, targetName: 'T', object: {} });
          if (text) texts.add(text);
        }
      }
      if (!texts.size) out.push({ code, message: '', at });
      for (const t of texts) {
        const message = t
          .replace(/\$property/g, m.propertyName)
          .replace(/\$constraint(\d+)/g, (_, i: string) => String((m.constraints ?? [])[Number(i) - 1]))
          .replace(/\$value/g, VALUE);
        out.push({ code, message, at });
      }
    }
  }
  return out;
}

const sites = [...messageSites(), ...constraintSites()];
const codes = new Set([...builtViolationCodes(), ...UNMET_CONDITION_CODES, ...sites.map((s) => s.code)]);

test('the walk finds what it should (it would pass vacuously otherwise)', () => {
  expect(builtViolationCodes()).toEqual(expect.arrayContaining(['RULE_VIOLATION', 'MISSING', 'INVALID', 'INVALID_VALUE']));
  expect([...codes]).toEqual(expect.arrayContaining(['MAX_LENGTH', 'IS_LENGTH', 'MATCHES', 'AGE_BELOW_18', 'NESTED_VALIDATION']));
  expect(sites.filter((s) => s.code === 'RULE_VIOLATION').length).toBeGreaterThan(60);
  expect(sites.filter((s) => s.code === 'INVALID').length).toBeGreaterThan(40);
});

test('every code a caller can get as a violation has a text in nb, nn and en', () => {
  const lacking: string[] = [];
  for (const code of [...codes].sort()) {
    const entry = MESSAGES[code];
    const missing = LANGUAGES.filter((l) => !entry?.generic[l]?.trim());
    if (missing.length) lacking.push(`${code} lacks ${missing.join(', ')} (add MESSAGES.${code} in src/http/messages.ts)`);
  }
  expect(lacking).toEqual([]);
});

test('every message of the domain and the validation layer has a nb and nn pattern that keeps its values', () => {
  const lacking: string[] = [];
  for (const s of sites) {
    const got = translate({ code: s.code, ruleId: s.ruleId, message: s.message }, 'nb');
    if (got?.matched !== 'pattern') {
      lacking.push(
        `${s.code}${s.ruleId ? ` ${s.ruleId}` : ''} at ${s.at} lacks nb, nn for "${s.message}" (add a pattern to MESSAGES.${s.code} in src/http/messages.ts)`,
      );
    }
  }
  expect(lacking).toEqual([]);
});

test('a pattern keeps the values of the English message and English keeps the message as it is', () => {
  const v = {
    code: 'RULE_VIOLATION',
    ruleId: 'R-5.7',
    message: 'The programme can be extended by at most 12 months in total for end goal WORK; 6 already granted, 7 requested.',
  };
  expect(translate(v, 'nb')?.text).toBe(
    'Introduksjonsprogrammet kan forlenges med høyst 12 måneder i alt for sluttmålet WORK; 6 er allerede innvilget, 7 er søkt.',
  );
  expect(translate(v, 'nn')?.text).toBe(
    'Introduksjonsprogrammet kan forlengjast med høgst 12 månader i alt for sluttmålet WORK; 6 er allereie innvilga, 7 er søkt.',
  );
  expect(translate(v, 'en')?.text).toBe(v.message);
  const id = { code: 'INVALID', message: 'identityNumber is not a valid fødselsnummer or D-number: first check digit (K1) is wrong' };
  expect(translate(id, 'nb')?.text).toBe('identityNumber er ikke et gyldig fødselsnummer eller D-nummer: første kontrollsiffer (K1) er feil.');
  const len = { code: 'IS_LENGTH', message: 'idempotencyKey must be longer than or equal to 8 characters' };
  expect(translate(len, 'nn')?.text).toBe('idempotencyKey må ha minst 8 teikn.');
});

test('an unknown message of a known code falls back to the code text in the language, with the rule named', () => {
  const v = { code: 'RULE_VIOLATION', ruleId: 'R-9.9', lawReference: 'forvaltningsloven § 99', message: 'Something new.' };
  expect(translate(v, 'nb')?.text).toBe('Handlingen er ikke tillatt etter regel R-9.9 (forvaltningsloven § 99).');
  expect(translate(v, 'nn')?.text).toBe('Handlinga er ikkje tillaten etter regel R-9.9 (forvaltningsloven § 99).');
  expect(translate(v, 'en')?.text).toBe('Something new.');
  expect(translate({ code: 'NO_SUCH_CODE', message: 'x' }, 'nb')).toBeUndefined();
});
