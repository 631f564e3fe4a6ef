import { describe, expect, it } from 'vitest';
import { Random } from '../random.js';
import { arabic } from './arabic.js';
import { chinese, WADE_GILES } from './chinese.js';
import { cyrillic, FRENCH, ICAO, OLD_PASSPORT, POPULAR } from './cyrillic.js';
import { filipino } from './filipino.js';
import { hispanic } from './hispanic.js';
import type { NamePart, PersonName } from './name-token.js';
import { foldToAscii } from './name-token.js';
import { portuguese } from './portuguese.js';
import { vietnamese } from './vietnamese.js';

function forms(part: NamePart | undefined): readonly string[] {
  return part?.token.forms ?? [];
}

function spelled(name: PersonName): string {
  return [...name.given, ...name.middle, ...name.surname].map((part) => part.token.render(part.form, 'title-unicode')).join(' ');
}

/** Draws names until one matches, so tests can ask for a particular name without knowing the draw order. */
function find(make: (random: Random) => PersonName, match: (name: PersonName) => boolean): PersonName {
  const random = new Random(3);
  for (let i = 0; i < 20_000; i++) {
    const name = make(random);
    if (match(name)) return name;
  }
  throw new Error('no such name drawn');
}

describe('Cyrillic names', () => {
  it('romanizes one name by every system a record may use', () => {
    const yuliya = find((r) => cyrillic.name(r, 'F', {}, 'ru'), (n) => forms(n.given[0]).includes('Iuliia'));
    expect(forms(yuliya.given[0])[POPULAR]).toBe('Yuliya');
    expect(forms(yuliya.given[0])[ICAO]).toBe('Iuliia');
    expect(forms(yuliya.given[0])[OLD_PASSPORT]).toBe('Yuliya');
    expect(forms(yuliya.given[0])[FRENCH]).toBe('Ioulia');
    const shcherbakov = find((r) => cyrillic.name(r, 'M', {}, 'ru'), (n) => forms(n.surname[0]).includes('Shcherbakov'));
    expect(forms(shcherbakov.surname[0])[FRENCH]).toBe('Chtcherbakov');
  });

  it('derives patronymics and feminine surnames in a family', () => {
    const father = find((r) => cyrillic.name(r, 'M', {}, 'ru'), (n) => forms(n.given[0])[POPULAR] === 'Sergey' && forms(n.surname[0])[POPULAR] === 'Ivanov');
    const daughter = cyrillic.name(new Random(1), 'F', { father }, 'ru');
    expect(forms(daughter.middle[0])[POPULAR]).toBe('Sergeyevna');
    expect(forms(daughter.surname[0])[POPULAR]).toBe('Ivanova');
    const ukrainian = find((r) => cyrillic.name(r, 'M', {}, 'ua'), (n) => forms(n.given[0])[POPULAR] === 'Andriy');
    expect(forms(ukrainian.given[0])[ICAO]).toBe('Andrii');
    const son = cyrillic.name(new Random(2), 'M', { father: ukrainian }, 'ua');
    expect(forms(son.middle[0])[POPULAR]).toBe('Andriyovych');
  });
});

describe('Chinese, Vietnamese and Arabic names', () => {
  it('keeps pinyin and Wade–Giles spellings, Taiwanese passports in Wade–Giles', () => {
    const zhang = find((r) => chinese.name(r, 'M', {}, 'cn'), (n) => forms(n.surname[0])[0] === 'Zhang' && n.given[0]?.token.forms.length === 5);
    expect(forms(zhang.surname[0])).toEqual(['Zhang', 'Chang', 'Cheung']);
    const taiwanese = chinese.name(new Random(9), 'F', {}, 'tw');
    expect(taiwanese.surname[0]?.form).toBe(WADE_GILES);
  });

  it('writes Vietnamese names with diacritics and folds Đ to D', () => {
    const nguyen = find((r) => vietnamese.name(r, 'M', {}, ''), (n) => forms(n.surname[0])[0] === 'Nguyễn');
    expect(forms(nguyen.surname[0])[1]).toBe('Nguyen');
    expect(foldToAscii('Đặng Thị Hương')).toBe('Dang Thi Huong');
    let nguyens = 0;
    const random = new Random(4);
    for (let i = 0; i < 4000; i++) if (forms(vietnamese.name(random, 'F', {}, '').surname[0])[0] === 'Nguyễn') nguyens++;
    expect(nguyens / 4000).toBeGreaterThan(0.3);
    expect(nguyens / 4000).toBeLessThan(0.45);
  });

  it('gives Arabic names several transliterations and passes the father’s name down', () => {
    const father = find((r) => arabic.name(r, 'M', {}, ''), (n) => forms(n.given[0]).includes('Muhammad'));
    expect(forms(father.given[0])).toEqual(expect.arrayContaining(['Mohammed', 'Mohamed', 'Mohammad']));
    const son = arabic.name(new Random(5), 'M', { father }, '');
    expect(son.middle[0]).toBe(father.given[0]);
    expect(son.surname).toBe(father.surname);
  });
});

describe('family naming customs', () => {
  it('gives Spanish children the father’s and the mother’s first surnames', () => {
    const random = new Random(6);
    const father = hispanic.name(random, 'M', {}, 'mx');
    const mother = hispanic.name(random, 'F', {}, 'mx');
    const child = hispanic.name(random, 'F', { father, mother }, 'mx');
    expect(child.surname[0]).toBe(father.surname[0]);
    if (father.surname[0]?.token !== mother.surname[0]?.token) expect(child.surname[1]).toBe(mother.surname[0]);
  });

  it('puts the mother’s maiden name in a Filipino child’s middle name', () => {
    const random = new Random(7);
    const father = filipino.name(random, 'M', {}, '');
    const bride = filipino.name(random, 'F', {}, '');
    const mother = filipino.married(random, bride, father);
    const child = filipino.name(random, 'M', { father, mother }, '');
    expect(child.middle[0]?.token).toBe(bride.surname[0]?.token);
    expect(child.surname).toBe(father.surname);
  });

  it('ends a Brazilian child’s name with the father’s surname', () => {
    const random = new Random(8);
    const father = portuguese.name(random, 'M', {}, '');
    const mother = portuguese.name(random, 'F', {}, '');
    const child = portuguese.name(random, 'M', { father, mother }, '');
    expect(child.surname.at(-1)?.token).toBe(father.surname.at(-1)?.token);
  });

  it('draws common names far more often than rare ones (Zipf-like)', () => {
    const random = new Random(10);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = spelled(hispanic.name(random, 'M', {}, 'mx'));
      const surname = key.split(' ').at(-2) ?? '';
      counts.set(surname, (counts.get(surname) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0] ?? 0).toBeGreaterThan(10 * (sorted[40] ?? 1));
  });
});
