import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { DocketError } from '../../core/errors/index.js';

/** One output file written in chunks; awaiting each write keeps memory bounded however large the file grows. */
export class FileSink {
  rows = 0;
  bytes = 0;

  private constructor(readonly path: string, private readonly handle: FileHandle) {}

  static async create(path: string): Promise<FileSink> {
    try {
      return new FileSink(path, await open(path, 'w'));
    } catch (error) {
      throw new DocketError('io', `cannot create ${path}`, { hint: 'check that the output folder is writable', cause: error });
    }
  }

  async write(buffer: Uint8Array, rows: number): Promise<void> {
    if (buffer.length === 0) return;
    let offset = 0;
    while (offset < buffer.length) {
      const { bytesWritten } = await this.handle.write(buffer, offset, buffer.length - offset);
      offset += bytesWritten;
    }
    this.bytes += buffer.length;
    this.rows += rows;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
