import { describe, expect, it } from 'vitest';
import { copyText, pgArray } from './copy-text.js';

describe('copyText', () => {
  it('writes tab-separated rows with NULL as \\N and booleans as t/f', () => {
    expect(copyText([[1, 'a', null, true], [2.5, '', false, 'x']])).toBe('1\ta\t\\N\tt\n2.5\t\tf\tx\n');
  });

  it('escapes what would end a value or a row early', () => {
    expect(copyText([['tab\there', 'line\nbreak\r', 'back\\slash']])).toBe('tab\\there\tline\\nbreak\\r\tback\\\\slash\n');
  });

  it('keeps JSON text whole, backslash escapes included', () => {
    const json = JSON.stringify({ name: 'O\'Brien "Jr"\n', path: 'C:\\x' });
    expect(copyText([[json]])).toBe(`${json.replaceAll('\\', '\\\\')}\n`);
  });

  it('refuses numbers COPY cannot read back', () => {
    expect(() => copyText([[Number.NaN]])).toThrow(RangeError);
    expect(() => copyText([[Number.POSITIVE_INFINITY]])).toThrow(RangeError);
  });
});

describe('pgArray', () => {
  it('writes an integer array literal', () => {
    expect(pgArray([3, 1, 2])).toBe('{3,1,2}');
    expect(pgArray([])).toBe('{}');
  });

  it('refuses anything but integers', () => {
    expect(() => pgArray([1.5])).toThrow(RangeError);
  });
});
