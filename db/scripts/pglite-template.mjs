// Run by `npm install` (postinstall), plain JavaScript so it needs nothing but the installed packages:
// initialises an empty embedded PostgreSQL once and keeps it as a tarball, so a first start on PGlite
// (and each test database) loads it instead of running PostgreSQL's initdb — 6–10 s of CPU on these
// machines against about 2 s to load. db/pglite-template.ts reads it; the two agree on the path below.
// Never fails the install: without the tarball the app simply runs initdb as before.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
const { version } = JSON.parse(readFileSync(join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8"));
const dir = join(root, "node_modules", ".cache", "parkline");
const file = join(dir, `pglite-${version}.tar.gz`);

try {
  if (existsSync(file)) {
    console.log(`pglite-template: ${file} is there`);
  } else {
    const started = Date.now();
    const { PGlite } = await import("@electric-sql/pglite");
    const pg = new PGlite();
    await pg.waitReady;
    const tarball = Buffer.from(await (await pg.dumpDataDir("gzip")).arrayBuffer());
    await pg.close();
    mkdirSync(dir, { recursive: true });
    // Written whole, then renamed: a reader never sees half a tarball.
    writeFileSync(`${file}.${process.pid}`, tarball);
    renameSync(`${file}.${process.pid}`, file);
    console.log(`pglite-template: an empty embedded database in ${Date.now() - started} ms, kept in ${file}`);
  }
} catch (error) {
  console.warn(`pglite-template: skipped (${error instanceof Error ? error.message : String(error)}); the first start will initialise the database itself`);
}
