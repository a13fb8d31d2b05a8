/**
 * One owner per table: a table's SQL lives only in the module whose <part>.table.ts describes it.
 * Other modules call the owner's functions (through its index.ts). Migrations, the backup (which copies
 * every table by the catalogue) and the benchmark's reference server are outside the rule.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const MODULES = path.join(ROOT, 'src', 'modules');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** table name → owning module folder, read off the table descriptions. */
function owners(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files(MODULES).filter((f) => f.endsWith('.table.ts'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/defineTable\(\s*'([a-z_]+)'/g)) {
      expect({ table: m[1], owners: [out.get(m[1]), path.basename(path.dirname(file))].filter(Boolean) }).toEqual({
        table: m[1],
        owners: [path.basename(path.dirname(file))],
      });
      out.set(m[1], path.basename(path.dirname(file)));
    }
  }
  return out;
}

test('every table is described by exactly one module', () => {
  expect(owners().size).toBe(21); // app.care_leave (decision module, R-13.6) and app.element_attendance (programme module, R-13.11)
});

test("no file outside a table's module names the table in SQL", () => {
  const tables = owners();
  const violations: string[] = [];
  for (const file of files(path.join(ROOT, 'src'))) {
    const rel = path.relative(ROOT, file);
    const folder = rel.startsWith('src/modules/') ? rel.split('/')[2] : null;
    // Comments may name a table; code may not.
    const text = fs
      .readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const [table, owner] of tables) {
      if (folder === owner) continue;
      if (new RegExp(`\\bapp\\.${table}\\b`).test(text)) violations.push(`${rel} names app.${table} (owned by ${owner})`);
    }
  }
  expect(violations).toEqual([]);
});
