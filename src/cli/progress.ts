import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, rows: number): void;
  stop(): void;
}

/**
 * Progress on stderr: a bar with rows per second and the time left on a terminal; otherwise a
 * plain line at most once a second (logs, CI, and programs watching the job).
 */
export function progressBar(label: string): Progress {
  const started = performance.now();
  const rate = (rows: number): number => Math.round(rows / Math.max((performance.now() - started) / 1000, 0.001));
  if (!process.stderr.isTTY) {
    let last = 0;
    return {
      update(done, total, rows) {
        const now = performance.now();
        if (last !== 0 && now - last < 1000) return;
        last = now;
        process.stderr.write(`${label}: ${rows} rows, ${Math.round((100 * done) / Math.max(total, 1))}%, ${rate(rows)} rows/s\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
    hideCursor: true,
    etaBuffer: 20,
  }, cliProgress.Presets.shades_classic);
  let begun = false;
  return {
    update(done, total, rows) {
      if (!begun) {
        bar.start(total, done, { rows, rate: rate(rows) });
        begun = true;
      } else bar.update(done, { rows, rate: rate(rows) });
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}
