/**
 * An exclusive lock on the embedded database folder. PGlite does not lock its
 * folder, and two processes opening it corrupt it, so the first process writes a
 * lock file created with O_EXCL holding its pid; a second process finds it and
 * stops with a message naming the folder and the other process. A lock left by a
 * process that no longer exists (crash, SIGKILL) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Samraad process (pid ${pid}). ` +
        `Stop that process first, or start this one with another DATA_DIR.`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type DataDirLock = { file: string; release(): void };

export function lockDataDir(dataDir: string): DataDirLock {
  // The data folder holds the whole database and the documents: readable by this user only (0700),
  // whatever the umask; an existing folder is tightened too (issue 14).
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    fs.chmodSync(dataDir, 0o700);
  } catch {
    // not ours to change (a mounted volume): its owner decides
  }
  const file = path.join(dataDir, 'samraad.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      if (Number.isFinite(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      // Stale lock from a dead process: remove it and try again.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}`);
}
