import { open, type FileHandle } from 'node:fs/promises';

/**
 * A file read forward in large chunks, keeping the unconsumed tail so a parser can look ahead,
 * ask for more, and step back within the bytes it has not yet released.
 */
export class ByteSource {
  private handle: FileHandle | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  /** Absolute file offset of buffer[0]. */
  private base: number;
  private filePosition: number;
  private ended = false;

  private constructor(handle: FileHandle, start: number, private readonly chunkSize: number) {
    this.handle = handle;
    this.base = start;
    this.filePosition = start;
  }

  static async open(path: string, start = 0, chunkSize = 1 << 20): Promise<ByteSource> {
    return new ByteSource(await open(path, 'r'), start, chunkSize);
  }

  get bytes(): Buffer {
    return this.buffer;
  }

  get offset(): number {
    return this.base;
  }

  get atEnd(): boolean {
    return this.ended;
  }

  /** Reads another chunk onto the end; false when the file has no more. */
  async more(): Promise<boolean> {
    if (this.ended || this.handle === undefined) return false;
    const chunk = Buffer.allocUnsafe(this.chunkSize);
    const { bytesRead } = await this.handle.read(chunk, 0, this.chunkSize, this.filePosition);
    if (bytesRead === 0) {
      this.ended = true;
      return false;
    }
    this.filePosition += bytesRead;
    this.buffer = this.buffer.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([this.buffer, chunk.subarray(0, bytesRead)]);
    return true;
  }

  /** Drops the bytes before absolute `offset`: the parser is done with them. */
  release(offset: number): void {
    const drop = offset - this.base;
    if (drop <= 0) return;
    this.buffer = this.buffer.subarray(drop);
    this.base = offset;
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }
}
