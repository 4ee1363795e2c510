/**
 * The api's layering, checked by `pnpm lint:layers` (part of `pnpm test`, so `.ci/run` fails on a
 * violation): core ← modules ← app (the composition) ← server. See docs/architecture.md.
 *
 * Type-only imports count (`tsPreCompilationDeps: true`). They vanish from the emitted code, so
 * they cannot break start-up order, but they are still knowledge: core must not know a module
 * even by a type's name, and a module that names another's class cannot be read, changed or
 * compiled without it, so a cycle of them ties two folders together as much as a runtime one.
 *
 * One folder is exempt from the cycle rule, by name, until it is split: notification. It is both
 * the store the thread, library and deliverable services write to (they name `NotificationService`)
 * and the reader of those modules' subjects (its resolver's `subject`, its visibility filter from
 * their `*.scope.ts`). The cut: the reading half moves to a folder above them, then the exemption
 * goes. (dependency-cruiser's known-violations baseline does not match folder-scope cycles, so the
 * exemption is written here, where it is seen.)
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
      from: { path: "^api/src/modules/(?!notification$)[^/]+$" },
      to: { path: "^api/src/modules/(?!notification$)[^/]+$", circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "api/tsconfig.json" },
    includeOnly: "^api/src/",
  },
};
