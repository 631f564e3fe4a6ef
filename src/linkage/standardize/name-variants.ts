import { standardizeName } from './name.js';
import { givenNameGroups } from './tables/given-name-groups.js';
import { surnameGroups } from './tables/surname-groups.js';

/** Which name table a lookup uses: given names and surnames have different variant families. */
export type NameKind = 'given' | 'surname';

const none: readonly number[] = [];

function indexGroups(groups: readonly string[], offset: number): Map<string, number[]> {
  const index = new Map<string, number[]>();
  groups.forEach((group, i) => {
    for (const written of group.split(' ')) {
      // Index the standardized spelling, the form lookups are made with (abdallah → abdullah);
      // table spellings are folded single words, which only the "Abd al-" compounds change.
      const spelling = written.startsWith('abd') ? standardizeName(written) : written;
      if (spelling === '') continue;
      const ids = index.get(spelling);
      if (ids === undefined) index.set(spelling, [offset + i]);
      else if (!ids.includes(offset + i)) ids.push(offset + i);
    }
  });
  return index;
}

// Surname ids start after the given-name ids so one number space serves both tables.
const givenIndex = indexGroups(givenNameGroups, 0);
const surnameIndex = indexGroups(surnameGroups, givenNameGroups.length);

/**
 * The variant families a folded name token belongs to (nicknames, spellings, transliterations).
 * @example variantGroups('bob', 'given') shares an id with variantGroups('robert', 'given')
 */
export function variantGroups(token: string, kind: NameKind): readonly number[] {
  return (kind === 'given' ? givenIndex : surnameIndex).get(token) ?? none;
}

/** True when two folded tokens are listed as the same name in the table of `kind`. */
export function areNameVariants(a: string, b: string, kind: NameKind): boolean {
  if (a === b) return true;
  const ga = variantGroups(a, kind);
  if (ga.length === 0) return false;
  const gb = variantGroups(b, kind);
  for (const id of ga) if (gb.includes(id)) return true;
  return false;
}
