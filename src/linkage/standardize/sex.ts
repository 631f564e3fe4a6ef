import { foldText } from './fold-text.js';

const codes: Readonly<Record<string, string>> = {
  m: 'm', male: 'm', man: 'm', h: 'm', hombre: 'm', masculino: 'm', masculin: 'm', 1: 'm',
  f: 'f', female: 'f', woman: 'f', w: 'f', mujer: 'f', femenino: 'f', feminin: 'f', 2: 'f',
  x: 'x', other: 'x', nonbinary: 'x', 'non binary': 'x',
};

/** Sex as recorded: `m`, `f` or `x`; unknown codes give '' (missing). */
export function standardizeSex(raw: string): string {
  return codes[foldText(raw)] ?? '';
}
