#!/usr/bin/env node
/**
 * Compiles the TypeScript (tsc -p tsconfig.build.json) only when a source file is newer than the last
 * build, then runs the compiled script named on the command line, in this same process:
 *
 *   node scripts/build-if-stale.js                      build if needed
 *   node scripts/build-if-stale.js dist/scripts/token.js --role MUNICIPALITY --org 4601
 *
 * Plain JavaScript on purpose: checking ~200 file times takes milliseconds, where a tsc run that finds
 * nothing to do still takes 10 s or more. npm run token, npm start and the maintenance scripts use it.
 * `npm run build` always runs tsc.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['src', 'scripts', 'migrations', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** The newest modification time among the sources (TypeScript files and the build's configuration). */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else if (/\.(ts|json)$/.test(p) && !p.endsWith('.d.ts')) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const s of SOURCES) visit(path.join(root, s));
  return newest;
}

/** When dist/ was last built: this script's stamp, or tsc's own build info (npm run build). */
function stampTime() {
  let t = -1;
  for (const f of [stamp, path.join(root, 'dist', '.tsbuildinfo')]) {
    try {
      t = Math.max(t, fs.statSync(f).mtimeMs);
    } catch {
      /* not built that way yet */
    }
  }
  return t;
}

function buildIfStale() {
  if (stampTime() > newestSource()) return;
  process.stderr.write('compiling TypeScript into dist/ (sources changed since the last build)…\n');
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    process.stderr.write('TypeScript is not installed: run `npm ci` first (it is a development dependency).\n');
    process.exit(1);
  }
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('The TypeScript build failed (errors above): fix them and run the command again.\n');
    process.exit(r.status || 1);
  }
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, new Date().toISOString() + '\n');
}

buildIfStale();
const [script, ...args] = process.argv.slice(2);
if (script) {
  const file = path.resolve(root, script);
  process.argv = [process.argv[0], file, ...args];
  require(file);
}
