/**
 * The api's layering, checked by `pnpm lint:layers` (part of `pnpm test`, so `.ci/run` fails on a
 * violation): core ← modules ← app (the composition) ← server. See docs/architecture.md.
 *
 * Type-only imports count (`tsPreCompilationDeps: true`). They vanish from the emitted code, so
 * they cannot break start-up order, but they are still knowledge: core must not know a module
 * even by a type's name, and a module that names another's class cannot be read, changed or
 * compiled without it, so a cycle of them ties two folders together as much as a runtime one.
 *
 * The notifications are two modules for this reason: notification/ (low) stores who hears of
 * what inside the other modules' writes; inbox/ (above them) reads them back, filtered by each
 * subject's read rule.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "core-imports-no-module",
      comment: "core/ is the ground floor: it knows the shape of a module (core/module.ts), never a module",
      severity: "error",
      from: { path: "^api/src/core/" },
      to: { path: "^api/src/(modules|app|server)/" },
    },
    {
      name: "module-imports-no-server",
      comment: "a module is reached through the composition (app/); it never reaches up into it or the server",
      severity: "error",
      from: { path: "^api/src/modules/" },
      to: { path: "^api/src/(app|server)/" },
    },
    {
      name: "no-cycle-between-modules",
      comment: "module folders form a hierarchy (app/modules.ts lists them in its order); files within one may cycle",
      severity: "error",
      scope: "folder",
      from: { path: "^api/src/modules/[^/]+$" },
      to: { path: "^api/src/modules/[^/]+$", circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "api/tsconfig.json" },
    includeOnly: "^api/src/",
  },
};
