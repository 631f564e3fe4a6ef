import { UniqueNumbers } from './unique-number.js';

const LETTERS = 'ABCDEFGHIJKLMNPRSTUVWXYZ';
const ALNUM = 'CFGHJKLMNPRTVWXYZ0123456789';

/** How many distinct numbers a layout holds. */
export function layoutCapacity(layout: string): number {
  let capacity = 1;
  for (const char of layout) {
    if (char === '#') capacity *= 10;
    else if (char === 'L') capacity *= LETTERS.length;
    else if (char === 'X') capacity *= ALNUM.length;
  }
  return capacity;
}

/** Writes `value` in a layout (`#` digit, `L` letter, `X` letter or digit), least significant position last. */
export function formatLayout(layout: string, value: number): string {
  let rest = value;
  let out = '';
  for (let i = layout.length - 1; i >= 0; i--) {
    const char = layout.charAt(i);
    if (char === '#') { out = String(rest % 10) + out; rest = Math.floor(rest / 10); }
    else if (char === 'L') { out = LETTERS.charAt(rest % LETTERS.length) + out; rest = Math.floor(rest / LETTERS.length); }
    else if (char === 'X') { out = ALNUM.charAt(rest % ALNUM.length) + out; rest = Math.floor(rest / ALNUM.length); }
    else out = char + out;
  }
  return out;
}

/**
 * Unique, unguessable numbers in a layout: number k of a series is the image of k under a keyed
 * permutation of the layout's capacity, so two keys never share a number.
 */
export class NumberSeries {
  private readonly permutation: UniqueNumbers;

  constructor(key: number, readonly layout: string) {
    this.permutation = new UniqueNumbers(key, Math.min(layoutCapacity(layout), 2 ** 52));
  }

  number(index: number): string {
    return formatLayout(this.layout, this.permutation.of(index));
  }
}
