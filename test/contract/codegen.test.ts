/**
 * The API contract as a client sees it (issue 17, "Must show"): graphql-codegen's TypeScript plugin over
 * the checked-in schema/schema.graphql, as a dashboard vendor would run it, and the generated types
 * compile under strict TypeScript. Enums come out as unions of literals, so a client cannot put an
 * unknown status into a filter without a compile error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

const SCHEMA = path.join(__dirname, '..', '..', 'schema', 'schema.graphql');

let generated: string;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'introsak-codegen-'));
  // In its own Node process, as a client's build runs it (the plugin's dependencies are ES modules, which jest's CommonJS runtime cannot load).
  const script = `
    const { codegen } = require('@graphql-codegen/core');
    const typescript = require('@graphql-codegen/typescript');
    const { parse } = require('graphql');
    const fs = require('node:fs');
    codegen({
      filename: 'types.ts',
      schema: parse(fs.readFileSync(process.argv[1], 'utf8')),
      documents: [],
      plugins: [{ typescript: {} }],
      pluginMap: { typescript },
      config: { enumsAsTypes: true },
    }).then((out) => fs.writeFileSync(process.argv[2], out));`;
  execFileSync(process.execPath, ['-e', script, SCHEMA, path.join(dir, 'types.ts')], { cwd: path.join(__dirname, '..', '..'), stdio: 'pipe' });
  generated = fs.readFileSync(path.join(dir, 'types.ts'), 'utf8');
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('enums are unions of literals; fields typed with them', () => {
  // Each literal may carry its enum value's description as a doc comment above it.
  expect(generated).toMatch(/export type ParticipantStatus =\s*(?:\/\*\*.*?\*\/\s*)?\|\s*'ACTIVE'/);
  expect(generated).toMatch(/export type Role =\s*(?:\/\*\*.*?\*\/\s*)?\|\s*'COUNTY'/);
  expect(generated).toMatch(/status: ParticipantStatus;/);
  expect(generated).toMatch(/currentEndGoal\?: Maybe<EndGoal>;/);
});

test('the generated types compile, and an unknown enum value does not', () => {
  fs.writeFileSync(
    path.join(dir, 'use.ts'),
    `import type { Participant, ParticipantFilter, PageInfo } from './types';
export const f: ParticipantFilter = { status: ['ACTIVE'], endGoal: ['WORK'] };
export const s = (p: Participant): 'ACTIVE' | string => p.status;
export const info = (i: PageInfo): boolean => i.hasPreviousPage && i.hasNextPage;
// @ts-expect-error not a status
export const bad: ParticipantFilter = { status: ['NOPE'] };
`,
  );
  const program = ts.createProgram([path.join(dir, 'types.ts'), path.join(dir, 'use.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    skipLibCheck: true,
    types: [],
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(diagnostics).toEqual([]);
});
