import type { Dataset } from '../dataset/dataset.js';
import type { FieldRole } from '../schema/field-role.js';
import { CodeComparator, TextComparator } from './simple-comparators.js';

/** Address levels, in the order of `comparisonLevels.address`. */
export const AddressLevel = { all: 1, allButOne: 2, several: 3, one: 4, different: 5 } as const;

interface PartComparator {
  agrees(a: number, b: number): boolean;
  prepare(): void;
}

const exactOnly: PartComparator = { agrees: (a, b) => a === b, prepare: () => undefined };

function partComparator(role: FieldRole, dataset: Dataset, feature: number): PartComparator {
  const dictionary = dataset.dictionaries[feature];
  if (role === 'streetNumber' || role === 'postcode') return new CodeComparator(dictionary);
  if (role === 'street' || role === 'locality') return new TextComparator(dictionary);
  return exactOnly;
}

/**
 * Compares the parts of two addresses together (street lines, house number, locality, postcode,
 * region): a part agrees when equal or mistyped by a little, and the level says how many of the
 * parts present on both sides agree: all of them (two or more), all but one (of three or more),
 * several, one, none. Scored as one comparison, an address shared by a household or a building
 * counts once, not once per part.
 */
export class AddressComparator {
  private readonly parts: readonly PartComparator[];
  private readonly columns: Int32Array[];

  constructor(private readonly dataset: Dataset, private readonly features: readonly number[]) {
    this.parts = features.map((f) => partComparator(dataset.features[f].role, dataset, f));
    this.columns = features.map((f) => dataset.column(f));
  }

  refresh(): void {
    for (let p = 0; p < this.features.length; p++) this.columns[p] = this.dataset.column(this.features[p]);
  }

  /** Lays out every part's values now. */
  prepare(): void {
    for (const part of this.parts) part.prepare();
  }

  compare(i: number, j: number): number {
    let present = 0;
    let agreeing = 0;
    for (let p = 0; p < this.parts.length; p++) {
      const a = this.columns[p][i];
      const b = this.columns[p][j];
      if (a < 0 || b < 0) continue;
      present++;
      if (this.parts[p].agrees(a, b)) agreeing++;
    }
    if (present === 0) return 0;
    if (agreeing === 0) return AddressLevel.different;
    if (agreeing === present && present >= 2) return AddressLevel.all;
    if (agreeing === present - 1 && present >= 3) return AddressLevel.allButOne;
    return agreeing >= 2 ? AddressLevel.several : AddressLevel.one;
  }
}

/** Whether two records share a country (of birth or citizenship, in any column): shared, different, or missing. */
export class CountriesComparator {
  private readonly columns: Int32Array[];

  constructor(private readonly dataset: Dataset, private readonly features: readonly number[]) {
    this.columns = features.map((f) => dataset.column(f));
  }

  refresh(): void {
    for (let p = 0; p < this.features.length; p++) this.columns[p] = this.dataset.column(this.features[p]);
  }

  prepare(): void {
    // Countries are compared as the dictionary's own strings: nothing to lay out.
  }

  compare(i: number, j: number): number {
    let seenA = false;
    let seenB = false;
    const dictionaries = this.dataset.dictionaries;
    for (let p = 0; p < this.columns.length; p++) {
      const a = this.columns[p][i];
      if (a < 0) continue;
      seenA = true;
      const value = dictionaries[this.features[p]].value(a);
      for (let q = 0; q < this.columns.length; q++) {
        const b = this.columns[q][j];
        if (b < 0) continue;
        seenB = true;
        if (p === q ? a === b : value === dictionaries[this.features[q]].value(b)) return 1;
      }
    }
    if (!seenB) for (const column of this.columns) if (column[j] >= 0) seenB = true;
    return seenA && seenB ? 2 : 0;
  }
}
