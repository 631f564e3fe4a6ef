import { foldText } from './fold-text.js';

/** Street-type and direction abbreviations, written out so "wallaby pl" meets "wallaby place". */
const abbreviations: Readonly<Record<string, string>> = {
  st: 'street', str: 'street', rd: 'road', ave: 'avenue', av: 'avenue', blvd: 'boulevard', dr: 'drive', ln: 'lane',
  pl: 'place', ct: 'court', crt: 'court', cres: 'crescent', cr: 'crescent', tce: 'terrace', ter: 'terrace',
  hwy: 'highway', pde: 'parade', cct: 'circuit', cl: 'close', sq: 'square', pkwy: 'parkway', cir: 'circle',
  apt: 'apartment', ste: 'suite', fl: 'floor', bldg: 'building', n: 'north', s: 'south', e: 'east', w: 'west',
  ne: 'northeast', nw: 'northwest', se: 'southeast', sw: 'southwest', mt: 'mount', ft: 'fort',
  avda: 'avenida', no: 'number', nr: 'number',
};

/**
 * Standardizes a street line: folded, with common abbreviations written out.
 * @example standardizeStreet('12 Wallaby Pl.') === '12 wallaby place'
 */
export function standardizeStreet(raw: string): string {
  const folded = foldText(raw);
  if (folded === '') return '';
  return folded.split(' ').map((t) => abbreviations[t] ?? t).join(' ');
}

/** Postcodes and ZIP codes: upper-case letters and digits only, ZIP+4 cut to five digits. */
export function standardizePostcode(raw: string): string {
  const compact = foldText(raw).replace(/ /g, '');
  return /^\d{9}$/.test(compact) ? compact.slice(0, 5) : compact;
}
