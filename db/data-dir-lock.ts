import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from "node:fs";

/** Another live process has the embedded database open; opening it here too would lose data. */
export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims a PGlite data directory for this process with a `<dir>.lock` file naming its pid. PGlite
 * itself does not lock, and two instances on one directory silently lose data; a lock left by a
 * process that is gone is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = `${dataDir}.lock`;
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, mine);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(path, "utf8").trim());
      if (holder === process.pid) break;
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new DatabaseInUseError(
          `The embedded database at ${dataDir} is open in another process (pid ${holder}), most likely the Parkline server. ` +
            `Stop that process and run this again, then start the server. (If no such process is Parkline, delete ${path}.)`,
        );
      }
      writeFileSync(path, mine); // the holder is gone: take the stale lock over
      break;
    }
  }
  const release = () => {
    try {
      if (readFileSync(path, "utf8").trim() === mine) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}
