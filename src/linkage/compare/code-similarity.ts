import type { CharStore } from './char-store.js';

/** Per character code, the positions where it occurs in the second string (bit j = position j). */
const positions = new Int32Array(65536);

/**
 * Jaro–Winkler similarity of entries `a` and `b` of a character store (prefix scale 0.1, at most
 * four characters). For entries of up to 31 characters the matching runs on bit masks: each
 * character of `a` takes the first free equal character of `b` inside the window in one step,
 * so the cost grows with the length instead of length × window.
 */
export function storeJaroWinkler(store: CharStore, a: number, b: number): number {
  const chars = store.chars;
  const sa = store.start[a];
  const la = store.length[a];
  const sb = store.start[b];
  const lb = store.length[b];
  if (la === 0 || lb === 0) return 0;
  if (la > 31 || lb > 31) return longJaroWinkler(chars, sa, la, sb, lb);
  const half = (la > lb ? la : lb) >> 1;
  const window = half > 0 ? half - 1 : 0;
  for (let j = 0; j < lb; j++) positions[chars[sb + j]] |= 1 << j;
  let matchedA = 0;
  let matchedB = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = i + window < lb - 1 ? i + window : lb - 1;
    // Bits lo..hi set; (2 << 30) - 1 wraps to 0x7fffffff in 32-bit arithmetic, as wanted.
    const inWindow = (((2 << hi) - 1) & ~((1 << lo) - 1)) | 0;
    const free = positions[chars[sa + i]] & inWindow & ~matchedB;
    if (free !== 0) {
      matchedB |= free & -free;
      matchedA |= 1 << i;
      matches++;
    }
  }
  for (let j = 0; j < lb; j++) positions[chars[sb + j]] = 0;
  if (matches === 0) return 0;
  // Half-transpositions: matched characters of a and b, read in order, that differ.
  let half2 = 0;
  let restA = matchedA;
  let restB = matchedB;
  while (restA !== 0) {
    const i = 31 - Math.clz32(restA & -restA);
    const j = 31 - Math.clz32(restB & -restB);
    if (chars[sa + i] !== chars[sb + j]) half2++;
    restA &= restA - 1;
    restB &= restB - 1;
  }
  const jaro = (matches / la + matches / lb + (matches - half2 / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = la < lb ? (la < 4 ? la : 4) : lb < 4 ? lb : 4;
  while (prefix < maxPrefix && chars[sa + prefix] === chars[sb + prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

function longJaroWinkler(chars: Uint16Array, sa: number, la: number, sb: number, lb: number): number {
  if (la > flagsA.length) flagsA = new Uint8Array(la * 2);
  if (lb > flagsB.length) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && chars[sb + j] === chars[sa + i]) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let half = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (chars[sa + i] !== chars[sb + k]) half++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - half / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && chars[sa + prefix] === chars[sb + prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Damerau–Levenshtein distance ≤ 1 between entries `a` and `b` of a character store, in one pass. */
export function storeWithinOneEdit(store: CharStore, a: number, b: number): boolean {
  const chars = store.chars;
  let sa = store.start[a];
  let la = store.length[a];
  let sb = store.start[b];
  let lb = store.length[b];
  if (la === lb) {
    let i = 0;
    while (i < la && chars[sa + i] === chars[sb + i]) i++;
    if (i >= la - 1) return true;
    let from = i + 1;
    if (chars[sa + i] === chars[sb + i + 1] && chars[sa + i + 1] === chars[sb + i]) from = i + 2;
    else if (chars[sa + i + 1] !== chars[sb + i + 1]) return false;
    for (let k = from; k < la; k++) if (chars[sa + k] !== chars[sb + k]) return false;
    return true;
  }
  if (la === lb + 1) {
    [sa, sb] = [sb, sa];
    [la, lb] = [lb, la];
  }
  if (lb !== la + 1) return false;
  let i = 0;
  while (i < la && chars[sa + i] === chars[sb + i]) i++;
  for (let k = i; k < la; k++) if (chars[sa + k] !== chars[sb + k + 1]) return false;
  return true;
}

/** Per character code, occurrences in one string minus occurrences in the other. */
const balance = new Int32Array(65536);

/**
 * A lower bound on the edit distance between two entries: every edit changes the character
 * counts by at most two, so half the difference of the counts is a floor. Cheap, and enough to
 * rule out most random pairs of document numbers before the full distance is computed.
 */
export function storeCountDistanceBound(store: CharStore, a: number, b: number): number {
  const chars = store.chars;
  const sa = store.start[a];
  const la = store.length[a];
  const sb = store.start[b];
  const lb = store.length[b];
  for (let k = 0; k < la; k++) balance[chars[sa + k]]++;
  for (let k = 0; k < lb; k++) balance[chars[sb + k]]--;
  let difference = 0;
  for (let k = 0; k < la; k++) {
    const c = chars[sa + k];
    difference += Math.abs(balance[c]);
    balance[c] = 0;
  }
  for (let k = 0; k < lb; k++) {
    const c = chars[sb + k];
    difference += Math.abs(balance[c]);
    balance[c] = 0;
  }
  return Math.ceil(difference / 2);
}
