// Module boundaries (issue #17), checked by `npm run boundaries` (part of `npm run check`).
// scripts/boundaries.mjs runs this rule set twice, once over the server and once over the web,
// because both workspaces spell their own folders `#modules/*`. Violations that existed when a
// rule arrived are listed in .dependency-cruiser-known-violations.json: debt to burn down, not
// a licence; anything not in that list fails the check.

/** Server domain modules: `server/src/modules/<name>/`. */
const SERVER_MODULE = '^server/src/modules/([^/]+)/';
/** Web features: `web/src/modules/<name>/`. */
const WEB_FEATURE = '^web/src/modules/([^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'server-module-private',
      comment: "A module's only public surface is its index.ts (DESIGN.md); its other files may change without notice.",
      severity: 'error',
      from: { path: SERVER_MODULE },
      to: { path: '^server/src/modules/', pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'server-module-cycle',
      comment:
        'Modules form a graph without cycles, so each can be understood, tested and moved alone; a side effect that would close a cycle goes through a domain event. Any import cycle that leaves a module and comes back counts, including one through index files.',
      severity: 'error',
      from: { path: SERVER_MODULE },
      to: { circular: true, path: '^server/src/modules/', pathNot: '^server/src/modules/$1/' },
    },
    {
      name: 'server-module-no-wiring',
      comment: 'The composition root (modules.ts, app.ts, main.ts, cli/) imports the modules, never the other way round: that is a cycle through every module.',
      severity: 'error',
      from: { path: '^server/src/modules/' },
      to: { path: ['^server/src/(modules|app|main)\\.ts$', '^server/src/cli/'] },
    },
    {
      name: 'platform-no-modules',
      comment: 'The platform never names a domain (DESIGN.md, "Objects"): domains plug into it, it does not reach into them.',
      severity: 'error',
      from: { path: '^server/src/platform/' },
      to: { path: ['^server/src/modules/', '^server/src/modules\\.ts$'] },
    },
    {
      name: 'db-no-platform-or-modules',
      comment: 'The database layer is the bottom: connections, transactions and migrations know nothing of the platform or of domains.',
      severity: 'error',
      from: { path: '^server/src/db/' },
      to: { path: ['^server/src/platform/', '^server/src/modules/', '^server/src/modules\\.ts$'] },
    },
    {
      name: 'src-no-bench',
      comment: 'Benchmark code (and its devDependencies, e.g. autocannon) never ships: nothing in server/src reaches server/bench, directly or not.',
      severity: 'error',
      from: { path: '^server/src/' },
      to: { path: '^server/bench/', reachable: true },
    },
    {
      name: 'web-feature-private',
      comment: "A web feature's only public surface is its index.ts(x), as for server modules.",
      severity: 'error',
      from: { path: WEB_FEATURE },
      to: { path: '^web/src/modules/', pathNot: ['^web/src/modules/$1/', '^web/src/modules/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'web-feature-cycle',
      comment:
        'Web features form a graph without cycles too: a feature two others need both ways goes through a slot or context the app shell fills (as record pages get object definitions from ObjectDefsProvider), or moves to shared/.',
      severity: 'error',
      from: { path: WEB_FEATURE },
      to: { circular: true, path: '^web/src/modules/', pathNot: '^web/src/modules/$1/' },
    },
    {
      name: 'web-shared-no-features',
      comment: 'shared/ is what every feature builds on; importing a feature (or the app shell) from it ties all features to that one.',
      severity: 'error',
      from: { path: '^web/src/shared/' },
      to: { path: ['^web/src/modules/', '^web/src/app/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    // `import type` counts: a type import is still a dependency on the other module's shape.
    tsPreCompilationDeps: true,
    // The server's `#db/*`, `#platform/*`, `#modules/*` resolve through server/package.json
    // "imports" (enhanced-resolve reads that field by default); the web's through the paths in
    // web/tsconfig.json, passed with --ts-config by scripts/boundaries.mjs.
    progress: { type: 'none' },
  },
};
