import { describe, expect, it } from 'vitest';
import { standardizePostcode, standardizeStreet } from './address.js';
import { standardizeCountry } from './country.js';
import { standardizeDocumentNumber } from './document-number.js';
import { foldText } from './fold-text.js';
import { nameCore, parseFullName, standardizeName } from './name.js';
import { areNameVariants } from './name-variants.js';
import { dayNumber, inferDateOrder, isRealDate, parseDate } from './parse-date.js';
import { standardizeSex } from './sex.js';
import { soundKey } from './sound-key.js';
import { givenNameGroups } from './tables/given-name-groups.js';
import { surnameGroups } from './tables/surname-groups.js';

describe('foldText', () => {
  it.each([
    ['  José-María  ÑÚÑEZ ', 'jose maria nunez'],
    ["O'Brien", 'obrien'],
    ['Müller-Lüdenscheidt', 'muller ludenscheidt'],
    ['Straße', 'strasse'],
    ['Łukasz Żółć', 'lukasz zolc'],
    ['Nguyễn Văn Thị', 'nguyen van thi'],
    ['Сергей Иванов', 'sergei ivanov'],
    ['Юлия Щербакова', 'iuliia shcherbakova'],
    ['Γιώργος', 'giorgos'],
    ['مُحَمَّد', 'mhmd'],
    ['الحسن', 'al hsn'],
    ['يوسف ولد علي', 'yusf wld ali'],
    ['عبد الرحمن ١٩٨٠', 'abd al rhmn 1980'],
    ['ÆSIR Øre', 'aesir ore'],
    ['plain text', 'plain text'],
    ['', ''],
  ])('folds %j to %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('standardizeName', () => {
  it.each([
    ["  O'Brien ", 'obrien'],
    ['Mc Donald', 'mcdonald'],
    ['Abd el-Rahman', 'abdulrahman'],
    ['Abdul Rahman', 'abdulrahman'],
    ['Abderrahmane', 'abdulrahmane'],
    ['Abdallah', 'abdullah'],
    ['Abd al Aziz', 'abdulaziz'],
    ['van der Berg', 'van der berg'],
    ['GARCÍA LÓPEZ', 'garcia lopez'],
  ])('standardizes %j to %j', (input, expected) => {
    expect(standardizeName(input)).toBe(expected);
  });

  it('leaves particles out of the core of a name', () => {
    expect(nameCore('van der berg')).toEqual(['berg']);
    expect(nameCore('al hassan')).toEqual(['hassan']);
    expect(nameCore('de la cruz')).toEqual(['cruz']);
    expect(nameCore('garcia lopez')).toEqual(['garcia', 'lopez']);
    expect(nameCore('de la')).toEqual(['de', 'la']);
  });
});

describe('parseFullName', () => {
  it.each([
    ['GARCIA LOPEZ, Juan Carlos', { given: 'juan', middle: 'carlos', surname: 'garcia lopez' }],
    ['Ludwig van Beethoven', { given: 'ludwig', middle: '', surname: 'van beethoven' }],
    ['Juan Carlos GARCIA LOPEZ', { given: 'juan', middle: 'carlos', surname: 'garcia lopez' }],
    ['Maria de los Angeles Perez', { given: 'maria', middle: 'de los angeles', surname: 'perez' }],
    ['Mohammed bin Salman', { given: 'mohammed', middle: '', surname: 'bin salman' }],
    ['Wei', { given: 'wei', middle: '', surname: '' }],
    ['ZHANG, Wei', { given: 'wei', middle: '', surname: 'zhang' }],
  ])('splits %j', (input, expected) => {
    expect(parseFullName(input)).toEqual(expected);
  });
});

describe('name variant tables', () => {
  const given: [string, string][] = [
    ['robert', 'bob'], ['william', 'bill'], ['richard', 'dick'], ['margaret', 'peggy'], ['elizabeth', 'betty'], ['katherine', 'kate'],
    ['mohammed', 'muhammad'], ['mohammed', 'mohamed'], ['mohamed', 'mehmet'], ['yusuf', 'youssef'], ['yusuf', 'yousef'], ['hussein', 'husain'],
    ['ahmed', 'ahmad'], ['omar', 'umar'], ['aisha', 'ayesha'], ['fatima', 'fatma'], ['ibrahim', 'ebrahim'], ['khalid', 'khaled'],
    ['abdullah', 'abdallah'], ['abdulrahman', 'abdurrahman'], ['sergei', 'sergey'], ['aleksandr', 'alexander'], ['dmitri', 'dmitry'],
    ['yuri', 'iouri'], ['natalia', 'natalya'], ['tatiana', 'tatyana'], ['yevgeny', 'evgeny'], ['alexei', 'aleksey'], ['yulia', 'iulia'],
    ['jose', 'pepe'], ['francisco', 'paco'], ['francisco', 'pancho'], ['guadalupe', 'lupe'], ['enrique', 'quique'], ['ignacio', 'nacho'],
    ['john', 'juan'], ['joseph', 'giuseppe'], ['wei', 'way'], ['xin', 'hsin'], ['jung', 'chung'],
  ];
  it.each(given)('%s and %s are one given name', (a, b) => {
    expect(areNameVariants(standardizeName(a), standardizeName(b), 'given')).toBe(true);
    expect(areNameVariants(standardizeName(b), standardizeName(a), 'given')).toBe(true);
  });

  const surnames: [string, string][] = [
    ['zhang', 'chang'], ['zhang', 'cheung'], ['wang', 'wong'], ['li', 'lee'], ['chen', 'chan'], ['liu', 'lau'], ['huang', 'hwang'],
    ['zhou', 'chow'], ['xu', 'hsu'], ['guo', 'kuo'], ['lin', 'lam'], ['xie', 'hsieh'], ['kim', 'gim'], ['park', 'pak'], ['choi', 'choe'],
    ['nguyen', 'nguen'], ['hussein', 'hussain'], ['ivanov', 'ivanoff'], ['kuznetsov', 'kusnezow'], ['shevchenko', 'schewtschenko'],
    ['gonzalez', 'gonzales'], ['rodriguez', 'rodrigues'], ['chaudhary', 'chowdhury'], ['mcdonald', 'macdonald'], ['schmidt', 'schmitt'],
  ];
  it.each(surnames)('%s and %s are one surname', (a, b) => {
    expect(areNameVariants(a, b, 'surname')).toBe(true);
  });

  it.each([['maria', 'mario'], ['john', 'jane'], ['ali', 'alice'], ['li', 'wang']])('%s and %s are different given names', (a, b) => {
    expect(areNameVariants(a, b, 'given')).toBe(false);
  });

  it('lists only folded spellings, several to a group', () => {
    for (const group of [...givenNameGroups, ...surnameGroups]) {
      const spellings = group.split(' ');
      expect(spellings.length).toBeGreaterThanOrEqual(2);
      for (const s of spellings) expect(foldText(s)).toBe(s);
    }
    expect(givenNameGroups.length).toBeGreaterThan(300);
    expect(surnameGroups.length).toBeGreaterThan(300);
  });
});

describe('soundKey', () => {
  it.each([
    ['mohammed', 'muhamad'], ['mohamed', 'mohammad'], ['sergei', 'sergey'], ['aleksandr', 'alexander'], ['ivanov', 'ivanoff'],
    ['ivanov', 'iwanow'], ['zhang', 'chang'], ['zhang', 'cheung'], ['khalid', 'halid'], ['qasim', 'kasim'], ['gonzalez', 'gonsales'],
    ['elena', 'yelena'], ['philip', 'filip'], ['tsvetkov', 'zvetkov'], ['schmidt', 'shmidt'], ['hussein', 'husain'],
  ])('%s and %s sound alike', (a, b) => {
    expect(soundKey(a)).toBe(soundKey(b));
  });

  it.each([['maria', 'peter'], ['garcia', 'lopez'], ['wang', 'zhang']])('%s and %s do not', (a, b) => {
    expect(soundKey(a)).not.toBe(soundKey(b));
  });

  it.each([
    ['محمد', 'Mohammed'], ['مُحَمَّد', 'Muhammad'], ['يوسف', 'Youssef'], ['الحسن', 'Al-Hassan'], ['عمر', 'Omar'], ['أحمد', 'Ahmed'],
    ['علي', 'Ali'], ['عبد الرحمن', 'Abdul Rahman'], ['وليد', 'Walid'], ['فاطمة', 'Fatima'], ['إبراهيم', 'Ibrahim'], ['حسين', 'Hussein'],
    ['مصطفى', 'Mustafa'], ['مريم', 'Maryam'], ['عبدالله', 'Abdullah'], ['زينب', 'Zainab'],
  ])('%s in Arabic script sounds like %s', (arabic, latin) => {
    const key = (name: string) => nameCore(standardizeName(name)).map(soundKey).join(' ');
    expect(key(arabic)).not.toBe('');
    expect(key(arabic)).toBe(key(latin));
  });

  it('is empty for no letters', () => {
    expect(soundKey('')).toBe('');
    expect(soundKey('123')).toBe('');
  });
});

describe('parseDate', () => {
  it.each([
    ['1980-03-12', 'mdy', '19800312'],
    ['19800312', 'mdy', '19800312'],
    ['12.03.1980', 'mdy', '19800312'],
    ['03/12/1980', 'mdy', '19800312'],
    ['03/12/1980', 'dmy', '19801203'],
    ['13/03/1980', 'mdy', '19800313'],
    ['03/13/1980', 'dmy', '19800313'],
    ['12 Mar 1980', 'mdy', '19800312'],
    ['12-MAR-1980', 'mdy', '19800312'],
    ['March 12, 1980', 'mdy', '19800312'],
    ['1980-03-12T00:00:00Z', 'mdy', '19800312'],
    ['19561309', 'mdy', '19561309'],
    ['1956409', 'mdy', '1956409'],
  ] as const)('reads %j (%s) as %s', (input, order, expected) => {
    expect(parseDate(input, order)).toBe(expected);
  });

  it.each(['', 'unknown', '1980-13-01', '31/31/1980', 'Smarch 3, 1980'])('gives nothing for %j', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });

  it('settles the order of slashed dates from the column', () => {
    expect(inferDateOrder(['01/02/1990', '25/12/1980', '03/04/1970'])).toBe('dmy');
    expect(inferDateOrder(['01/02/1990', '12/25/1980'])).toBe('mdy');
    expect(inferDateOrder(['01/02/1990', '03/04/1970'], 'dmy')).toBe('dmy');
    expect(inferDateOrder(['1990-01-02'])).toBe('mdy');
  });

  it('knows real days', () => {
    expect(isRealDate('20000229')).toBe(true);
    expect(isRealDate('19000229')).toBe(false);
    expect(isRealDate('19561309')).toBe(false);
    expect(dayNumber('19700102')).toBe(1);
    expect(dayNumber('19700230')).toBeNaN();
  });
});

describe('other fields', () => {
  it.each([
    ['Mexico', 'MEX'], ['mex', 'MEX'], ['MX', 'MEX'], ['Viet Nam', 'VNM'], ['Vietnam', 'VNM'], ['Côte d’Ivoire', 'CIV'], ['The Gambia', 'GMB'],
    ['United States of America', 'USA'], ['Burma', 'MMR'], ['Russian Federation', 'RUS'], ['Atlantis', 'atlantis'],
  ])('country %j is %s', (input, expected) => {
    expect(standardizeCountry(input)).toBe(expected);
  });

  it('writes document numbers without separators or letter/digit confusions', () => {
    expect(standardizeDocumentNumber('A-0l2 345')).toBe('a012345');
    expect(standardizeDocumentNumber('AO12345')).toBe(standardizeDocumentNumber('A012345'));
    expect(standardizeDocumentNumber('X1I5S')).toBe(standardizeDocumentNumber('X1155'));
    expect(standardizeDocumentNumber('  ')).toBe('');
  });

  it('reads sex codes', () => {
    expect(['M', 'male', 'Hombre', '1'].map(standardizeSex)).toEqual(['m', 'm', 'm', 'm']);
    expect(['f', 'Female', 'mujer', '2'].map(standardizeSex)).toEqual(['f', 'f', 'f', 'f']);
    expect(standardizeSex('unknown')).toBe('');
  });

  it('writes out street abbreviations and trims postcodes', () => {
    expect(standardizeStreet('12 Wallaby Pl.')).toBe('12 wallaby place');
    expect(standardizeStreet('5 N Main St')).toBe('5 north main street');
    expect(standardizePostcode('SW1A 1AA')).toBe('sw1a1aa');
    expect(standardizePostcode('12345-6789')).toBe('12345');
  });
});
