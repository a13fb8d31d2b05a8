/**
 * The module boundaries of introsak, checked in CI (`npm run lint:deps`). See CONTRIBUTING.md.
 * - the law (src/domain) imports nothing of ours;
 * - infrastructure (src/db, src/auth, src/http) imports no module;
 * - a module imports another module only through that module's index.ts (its one door); src/graphql also
 *   through resolvers.ts (the schema's door: the module's resolvers, which orchestrate other modules and so
 *   are kept out of index.ts to keep the module graph acyclic);
 * - no import cycles, not even between files of one module.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make the order of module loading matter and hide a missing boundary.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain is the law as pure functions: it imports nothing of ours outside src/domain.',
      from: { path: '^src/domain/' },
      to: { path: '^(src/(?!domain/)|scripts/|migrations/)' },
    },
    {
      name: 'infrastructure-imports-no-module',
      severity: 'error',
      comment: 'src/db, src/auth and src/http are infrastructure: the modules use them, never the other way round.',
      from: { path: '^src/(db|auth|http)/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'modules-through-their-index',
      severity: 'error',
      comment: 'Another module is reached only through its index.ts (its one door).',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.+', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-code-through-module-index',
      severity: 'error',
      comment: 'Code outside src/modules reaches a module only through its index.ts (and src/graphql through resolvers.ts).',
      from: { path: '^(src/(?!modules/|graphql/)|scripts/|ormconfig)' },
      to: { path: '^src/modules/[^/]+/.+', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'graphql-through-module-doors',
      severity: 'error',
      comment: "src/graphql builds the schema from each module's resolvers.ts and otherwise uses its index.ts.",
      from: { path: '^src/graphql/' },
      to: { path: '^src/modules/[^/]+/.+', pathNot: '^src/modules/[^/]+/(index|resolvers)\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
