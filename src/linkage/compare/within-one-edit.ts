/**
 * True when `a` becomes `b` by at most one insertion, deletion, substitution or swap of two
 * adjacent characters: Damerau–Levenshtein ≤ 1 in one linear pass, without a table.
 * @example withinOneEdit('19560409', '19650409') === false; withinOneEdit('1956', '1965') === true
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let i = 0;
    while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i >= la - 1) return true;
    // Either a substitution at i, or a swap of i and i+1; the rest must then match.
    if (a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i)) return a.slice(i + 2) === b.slice(i + 2);
    return a.slice(i + 1) === b.slice(i + 1);
  }
  if (la === lb + 1) return oneInsertion(b, a);
  if (lb === la + 1) return oneInsertion(a, b);
  return false;
}

/** `long` is `short` with one character inserted. */
function oneInsertion(short: string, long: string): boolean {
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  return short.slice(i) === long.slice(i + 1);
}
