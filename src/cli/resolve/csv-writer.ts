import { openSync, writeSync, closeSync } from 'node:fs';
import { DocketError } from '../../core/errors/index.js';

const needsQuotes = /[",\r\n]|^\s|\s$/;

/** One CSV field, quoted when it holds a comma, quote, line break or edge space. */
export function csvField(value: string): string {
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes CSV rows to a file through a buffer, so a million rows cost a few system calls. */
export class CsvWriter {
  private readonly fd: number;
  private chunk = '';

  constructor(private readonly path: string, header: readonly string[]) {
    try {
      this.fd = openSync(path, 'w');
    } catch (error) {
      throw new DocketError('io', `cannot write ${path}: ${(error as Error).message}`, { hint: 'check that the folder exists and is writable', cause: error });
    }
    this.row(header);
  }

  row(fields: readonly string[]): void {
    this.chunk += fields.map(csvField).join(',') + '\n';
    if (this.chunk.length > 1 << 20) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.chunk === '') return;
    try {
      writeSync(this.fd, this.chunk);
    } catch (error) {
      throw new DocketError('io', `cannot write ${this.path}: ${(error as Error).message}`, { hint: 'check the free disk space', cause: error });
    }
    this.chunk = '';
  }
}
