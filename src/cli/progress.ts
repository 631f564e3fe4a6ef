import cliProgress from 'cli-progress';

/** A progress bar on stderr with rows per second and the time left; silent when stderr is not a terminal. */
export function progressBar(label: string): { update(done: number, total: number, rows: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const started = performance.now();
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
    hideCursor: true,
    etaBuffer: 20,
  }, cliProgress.Presets.shades_classic);
  let begun = false;
  return {
    update(done, total, rows) {
      const rate = Math.round(rows / Math.max((performance.now() - started) / 1000, 0.001));
      if (!begun) {
        bar.start(total, done, { rows, rate });
        begun = true;
      } else bar.update(done, { rows, rate });
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}
