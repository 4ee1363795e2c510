// drizzle-orm names every driver it supports as an optional peer. pg-boss brings `pg` and the
// OpenTelemetry api into the api's graph, and pnpm then resolved a second drizzle-orm for the api
// (with them) beside the db package's: two copies, whose SQL objects and tables the other copy does
// not recognise. Pratica runs drizzle on postgres.js and PGlite only, so drizzle is told of neither.
function readPackage(pkg) {
  if (pkg.name === "drizzle-orm") {
    for (const name of ["pg", "@opentelemetry/api"]) {
      if (pkg.peerDependencies) delete pkg.peerDependencies[name];
      if (pkg.peerDependenciesMeta) delete pkg.peerDependenciesMeta[name];
    }
  }
  return pkg;
}

module.exports = { hooks: { readPackage } };
