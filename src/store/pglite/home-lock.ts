import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DocketError } from '../../core/errors/index.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database belongs to one process at a time; a second one would corrupt it.
 * A lock file holding the owner's pid says who has it; a lock left by a dead process is taken over.
 */
export function acquireHomeLock(home: string): () => void {
  const path = join(home, 'docket.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new DocketError('store-locked', `the embedded database in ${home} is in use by process ${owner}`, {
          hint: 'stop that process (for example `npm start`) first, or set DATABASE_URL to use PostgreSQL, which several processes can share',
        });
      }
      rmSync(path, { force: true });
    }
  }
  throw new DocketError('store-locked', `could not lock the embedded database in ${home}`, { hint: 'remove docket.lock if no Docket process is running' });
}
