import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = `${repoRoot}bin/docket.js`;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `docket` command as a user would, with its own environment. */
export function runCli(args: readonly string[], env: Readonly<Record<string, string | undefined>>, timeoutMs = 60_000): Promise<CliResult> {
  if (!existsSync(`${repoRoot}dist/cli/main.js`)) throw new Error('the CLI is not built: run `npm run build` first (npm test does)');
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env }, timeout: timeoutMs, cwd: repoRoot }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}
