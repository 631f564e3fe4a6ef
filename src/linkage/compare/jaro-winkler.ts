// Scratch flags for strings too long for the bit-mask path below.
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/**
 * Jaro–Winkler similarity in [0, 1], with the usual prefix scale 0.1 over at most four characters.
 * Names are short, so strings of up to 31 characters keep their match flags in two integers.
 * @example jaroWinkler('martha', 'marhta') ≈ 0.961
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > 31 || lb > 31) return jaroWinklerLong(a, b);
  const half = (la > lb ? la : lb) >> 1;
  const window = half > 0 ? half - 1 : 0;
  let matchedA = 0;
  let matchedB = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = i + window < lb - 1 ? i + window : lb - 1;
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if ((matchedB & (1 << j)) === 0 && b.charCodeAt(j) === ca) {
        matchedA |= 1 << i;
        matchedB |= 1 << j;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if ((matchedA & (1 << i)) === 0) continue;
    while ((matchedB & (1 << k)) === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  return winkler(a, b, matches, halfTranspositions);
}

function winkler(a: string, b: string, matches: number, halfTranspositions: number): number {
  const jaro = (matches / a.length + matches / b.length + (matches - halfTranspositions / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, a.length, b.length);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function jaroWinklerLong(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la > flagsA.length) flagsA = new Uint8Array(la * 2);
  if (lb > flagsB.length) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ca) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  return winkler(a, b, matches, halfTranspositions);
}
