import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The empty, initialised PGlite data directory `npm install` keeps as a tarball
 * (db/scripts/pglite-template.mjs, which writes it at this same path). Loading it instead of running
 * initdb makes a first start on the embedded database, and each PGlite test database, about 5–8 s
 * faster. Named by PGlite's version: a tarball from another version is never loaded.
 */
export function pgliteTemplateFile(): string | undefined {
  const root = /*turbopackIgnore: true*/ process.cwd();
  try {
    const { version } = JSON.parse(readFileSync(join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string };
    const file = join(root, "node_modules", ".cache", "parkline", `pglite-${version}.tar.gz`);
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

export function readPgliteTemplate(file: string | undefined = pgliteTemplateFile()): Blob | undefined {
  return file ? new Blob([readFileSync(file)]) : undefined;
}
