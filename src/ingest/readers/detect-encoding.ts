import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { DocketError } from '../../core/errors/index.js';
import type { TextEncoding } from './source-item.js';

export interface EncodingVerdict {
  readonly encoding: TextEncoding;
  readonly hasBom: boolean;
  /** UTF-8 overall, with some rows that are not: those rows are checked and quarantined. */
  readonly checkUtf8: boolean;
}

/**
 * Reads the whole file once: valid UTF-8 is UTF-8; a file with no valid multi-byte UTF-8 at all
 * but other high bytes is Latin-1; a UTF-8 file with a few broken rows stays UTF-8 and those rows
 * are quarantined rather than the whole file being misread.
 */
export async function detectEncoding(path: string): Promise<EncodingVerdict> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let carry = Buffer.alloc(0);
    let position = 0;
    let first = true;
    let hasBom = false;
    let sawInvalid = false;
    let sawMultiByte = false;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      let bytes = carry.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      if (first) {
        first = false;
        if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
          throw new DocketError('invalid-input', `${path}: the file is UTF-16`, { hint: 'save it as UTF-8 (or Latin-1) and ingest it again' });
        }
        hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      }
      // Keep an incomplete multi-byte sequence at the end for the next chunk.
      let cut = bytes.length;
      for (let back = 1; back <= 3 && back <= bytes.length; back += 1) {
        const b = bytes[bytes.length - back] ?? 0;
        if ((b & 0xc0) === 0xc0) {
          cut = bytes.length - back;
          break;
        }
        if ((b & 0x80) === 0) break;
      }
      carry = Buffer.from(bytes.subarray(cut));
      bytes = bytes.subarray(0, cut);
      if (!sawMultiByte || !sawInvalid) {
        for (const line of splitLines(bytes)) {
          if (!hasHighByte(line)) continue;
          if (isUtf8(line)) sawMultiByte = true;
          else sawInvalid = true;
        }
      }
    }
    if (carry.length > 0) {
      if (isUtf8(carry)) sawMultiByte = true;
      else sawInvalid = true;
    }
    if (!sawInvalid) return { encoding: 'utf8', hasBom, checkUtf8: false };
    return sawMultiByte || hasBom ? { encoding: 'utf8', hasBom, checkUtf8: true } : { encoding: 'latin1', hasBom: false, checkUtf8: false };
  } finally {
    await handle.close();
  }
}

function hasHighByte(bytes: Buffer): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

function* splitLines(bytes: Buffer): Generator<Buffer> {
  let start = 0;
  for (;;) {
    const newline = bytes.indexOf(0x0a, start);
    if (newline === -1) {
      if (start < bytes.length) yield bytes.subarray(start);
      return;
    }
    yield bytes.subarray(start, newline);
    start = newline + 1;
  }
}
