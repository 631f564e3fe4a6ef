import { Dataset } from '../dataset/dataset.js';
import { seededRandom } from '../model/random.js';
import type { LinkageSchema } from '../schema/field-role.js';

/** The columns of the small synthetic people the tests use. */
export const peopleSchema: LinkageSchema = [
  { column: 'given', role: 'given' },
  { column: 'surname', role: 'surname' },
  { column: 'dob', role: 'dateOfBirth' },
  { column: 'sex', role: 'sex' },
  { column: 'country', role: 'country' },
  { column: 'passport', role: 'document' },
  { column: 'city', role: 'locality' },
];

const givenNames = ['maria', 'jose', 'juan', 'ana', 'wei', 'li', 'mohammed', 'fatima', 'olga', 'sergei', 'john', 'mary', 'ahmed', 'aisha', 'carlos', 'lucia', 'pedro', 'elena', 'ivan', 'natalia', 'david', 'sarah', 'omar', 'yusuf', 'mei', 'jun', 'priya', 'rahul', 'grace', 'emeka'];
const surnames = ['garcia', 'lopez', 'hernandez', 'zhang', 'wang', 'chen', 'hassan', 'ali', 'ivanov', 'petrov', 'smith', 'jones', 'nguyen', 'tran', 'kim', 'patel', 'sharma', 'okafor', 'silva', 'santos', 'martinez', 'gonzalez', 'rodriguez', 'mendoza', 'castillo', 'morales', 'ortiz', 'ramos', 'flores', 'reyes'];
const countries = ['MEX', 'CHN', 'EGY', 'RUS', 'USA', 'IND', 'NGA', 'VNM', 'PHL', 'BRA'];
const cities = ['houston', 'chicago', 'miami', 'phoenix', 'seattle', 'denver', 'boston', 'atlanta'];

export interface PersonRow {
  readonly person: number;
  readonly values: (string | undefined)[];
}

/** One character changed, dropped or doubled: the kind of slip a clerk makes. */
function typo(text: string, random: () => number): string {
  if (text.length < 3) return text;
  const at = 1 + Math.floor(random() * (text.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return text.slice(0, at) + 'x' + text.slice(at + 1);
  if (kind === 1) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + text.charAt(at) + text.slice(at);
}

/**
 * `people` synthetic people, each written 1 to 3 times, duplicates carrying a typo in a name,
 * swapped names, a missing value or a swapped day and month. Deterministic for a seed.
 */
export function syntheticPeople(people: number, seed = 7): PersonRow[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const rows: PersonRow[] = [];
  for (let p = 0; p < people; p++) {
    const year = 1940 + Math.floor(random() * 70);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const dob = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const base = [pick(givenNames), pick(surnames), dob, random() < 0.5 ? 'F' : 'M', pick(countries), `P${String(1_000_000 + Math.floor(random() * 9_000_000))}`, pick(cities)];
    const copies = 1 + Math.floor(random() * 3);
    for (let k = 0; k < copies; k++) {
      const values: (string | undefined)[] = [...base];
      if (k > 0) {
        const error = Math.floor(random() * 5);
        if (error === 0) values[0] = typo(base[0], random);
        else if (error === 1) values[1] = typo(base[1], random);
        else if (error === 2) [values[0], values[1]] = [base[1], base[0]];
        else if (error === 3) values[5] = undefined;
        else if (day <= 12) values[2] = `${year}-${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}`;
      }
      rows.push({ person: p, values });
    }
  }
  return rows;
}

/** A dataset of `syntheticPeople`, with the true person of each record. */
export function peopleDataset(people: number, seed = 7): { dataset: Dataset; truth: number[] } {
  const dataset = new Dataset(peopleSchema);
  const truth: number[] = [];
  syntheticPeople(people, seed).forEach((row, i) => {
    dataset.add(`r${i}`, 'test', row.values);
    truth.push(row.person);
  });
  return { dataset, truth };
}
