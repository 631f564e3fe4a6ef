// Three rolling rows of the optimal-string-alignment table, grown on demand.
let rowPrev2 = new Int32Array(64);
let rowPrev = new Int32Array(64);
let rowCur = new Int32Array(64);

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions
 * and adjacent transpositions), stopping early once it must exceed `max`; then returns `max + 1`.
 * @example damerauLevenshtein('19560409', '19650409', 2) === 1
 */
export function damerauLevenshtein(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (lb + 1 > rowCur.length) {
    rowPrev2 = new Int32Array((lb + 1) * 2);
    rowPrev = new Int32Array((lb + 1) * 2);
    rowCur = new Int32Array((lb + 1) * 2);
  }
  for (let j = 0; j <= lb; j++) rowPrev[j] = j;
  for (let i = 1; i <= la; i++) {
    rowCur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let d = Math.min((rowPrev[j] ?? 0) + 1, (rowCur[j - 1] ?? 0) + 1, (rowPrev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, (rowPrev2[j - 2] ?? 0) + 1);
      rowCur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = rowPrev2;
    rowPrev2 = rowPrev;
    rowPrev = rowCur;
    rowCur = t;
  }
  return Math.min(rowPrev[lb] ?? 0, max + 1);
}
