import { describe, expect, it } from 'vitest';
import { generate } from './generate.js';
import { tempOutput } from './testing/temp-output.js';

describe('memory', () => {
  const out = tempOutput('memory');

  it('stays flat while the number of people grows (chunks are written and dropped)', async () => {
    const heap: number[] = [];
    await generate({ people: 60_000, seed: 8, outDir: out, workers: 0, onProgress: () => heap.push(process.memoryUsage().heapUsed) });
    const third = Math.floor(heap.length / 3);
    const early = Math.max(...heap.slice(0, third));
    const late = Math.max(...heap.slice(-third));
    expect(heap.length).toBeGreaterThan(12);
    // Sixty thousand people held at once would be several hundred megabytes; a chunk is a few tens.
    expect(Math.max(...heap)).toBeLessThan(300 * 1024 * 1024);
    expect(late).toBeLessThan(early * 1.6 + 40 * 1024 * 1024);
  });
});
