import { dayOf } from './calendar.js';
import type { Day } from './calendar.js';
import { arabic } from './names/arabic.js';
import { chinese } from './names/chinese.js';
import type { NameCulture } from './names/culture.js';
import { cyrillic } from './names/cyrillic.js';
import { european } from './names/european.js';
import { filipino } from './names/filipino.js';
import { haitian } from './names/haitian.js';
import { hispanic } from './names/hispanic.js';
import { indian } from './names/indian.js';
import { nigerian } from './names/nigerian.js';
import { portuguese } from './names/portuguese.js';
import { vietnamese } from './names/vietnamese.js';
import { WeightedTable } from './weighted-table.js';

/** The broad route a household takes through the immigration system. */
export const Pathway = ['visitor', 'student', 'worker', 'immigrant', 'humanitarian', 'undocumented', 'citizen-abroad'] as const;
export type Pathway = (typeof Pathway)[number];

/** A Temporary Protected Status designation (synthetic dates in the shape of real ones). */
export interface TpsDesignation {
  readonly since: Day;
  readonly until: Day;
}

export interface Origin {
  /** ISO 3166-1 alpha-3. */
  readonly code: string;
  readonly culture: NameCulture;
  readonly regions: WeightedTable<string>;
  /** BCP 47 language for notices. */
  readonly language: string;
  /** Passport number layout: `#` a digit, `L` a letter, `X` a letter or digit, anything else literal. */
  readonly passport: string;
  readonly visaWaiver: boolean;
  readonly landBorder: 'MEX' | 'CAN' | undefined;
  readonly tps: TpsDesignation | undefined;
  /** Chance an adult also uses an adopted English given name (common for Chinese and Vietnamese immigrants). */
  readonly englishName: number;
  readonly pathways: WeightedTable<Pathway>;
}

interface OriginSpec {
  readonly code: string;
  readonly weight: number;
  readonly culture: NameCulture;
  readonly regions?: readonly (readonly [string, number])[];
  readonly language: string;
  readonly passport: string;
  readonly visaWaiver?: boolean;
  readonly landBorder?: 'MEX' | 'CAN';
  readonly tps?: readonly [string, string];
  readonly englishName?: number;
  /** Weights in the order of `Pathway`. */
  readonly pathways: readonly [number, number, number, number, number, number, number];
}

function iso(text: string): Day {
  const [y = 2000, m = 1, d = 1] = text.split('-').map(Number);
  return dayOf(y, m, d);
}

const specs: readonly OriginSpec[] = [
  { code: 'MEX', weight: 220, culture: hispanic, regions: [['mx', 1]], language: 'es', passport: 'L########', landBorder: 'MEX', pathways: [30, 2, 10, 25, 8, 22, 3] },
  { code: 'GTM', weight: 50, culture: hispanic, regions: [['gt', 1]], language: 'es', passport: '#########', pathways: [10, 1, 6, 12, 36, 34, 1] },
  { code: 'HND', weight: 40, culture: hispanic, regions: [['hn', 1]], language: 'es', passport: 'L########', tps: ['1999-01-05', '2026-07-05'], pathways: [10, 1, 5, 12, 35, 36, 1] },
  { code: 'SLV', weight: 40, culture: hispanic, regions: [['sv', 1]], language: 'es', passport: 'L########', tps: ['2001-03-09', '2026-09-09'], pathways: [10, 1, 5, 14, 30, 39, 1] },
  { code: 'COL', weight: 30, culture: hispanic, regions: [['co', 1]], language: 'es', passport: 'AL#######', pathways: [40, 6, 5, 20, 15, 12, 2] },
  { code: 'VEN', weight: 40, culture: hispanic, regions: [['ve', 1]], language: 'es', passport: '#########', tps: ['2021-03-09', '2026-09-10'], pathways: [25, 5, 3, 10, 40, 15, 2] },
  { code: 'ECU', weight: 20, culture: hispanic, regions: [['ec', 1]], language: 'es', passport: 'L########', pathways: [35, 4, 3, 20, 18, 18, 2] },
  { code: 'PER', weight: 15, culture: hispanic, regions: [['pe', 1]], language: 'es', passport: '#########', pathways: [42, 6, 5, 22, 10, 13, 2] },
  { code: 'BRA', weight: 25, culture: portuguese, language: 'pt', passport: 'LL######', pathways: [45, 8, 10, 12, 8, 15, 2] },
  { code: 'HTI', weight: 30, culture: haitian, language: 'ht', passport: 'RL#######', tps: ['2010-01-21', '2026-02-03'], pathways: [15, 2, 2, 30, 30, 20, 1] },
  { code: 'CHN', weight: 50, culture: chinese, regions: [['cn', 1]], language: 'zh', passport: 'EL#######', englishName: 0.3, pathways: [30, 30, 15, 15, 8, 2, 1] },
  { code: 'TWN', weight: 8, culture: chinese, regions: [['tw', 1]], language: 'zh', passport: '#########', englishName: 0.5, visaWaiver: true, pathways: [40, 25, 15, 15, 1, 1, 3] },
  { code: 'IND', weight: 70, culture: indian, regions: [['north', 55], ['south', 45]], language: 'hi', passport: 'L#######', pathways: [20, 25, 35, 15, 3, 2, 1] },
  { code: 'PHL', weight: 40, culture: filipino, language: 'tl', passport: 'P#######L', pathways: [35, 5, 15, 37, 1, 5, 2] },
  { code: 'VNM', weight: 25, culture: vietnamese, language: 'vi', passport: 'L#######', englishName: 0.35, pathways: [30, 20, 3, 42, 2, 2, 1] },
  { code: 'EGY', weight: 12, culture: arabic, language: 'ar', passport: 'L########', pathways: [30, 20, 8, 25, 15, 1, 1] },
  { code: 'IRQ', weight: 10, culture: arabic, language: 'ar', passport: 'LL#######', pathways: [20, 10, 3, 40, 25, 1, 1] },
  { code: 'SYR', weight: 7, culture: arabic, language: 'ar', passport: 'N#########', tps: ['2012-03-29', '2026-09-30'], pathways: [20, 10, 3, 25, 40, 1, 1] },
  { code: 'YEM', weight: 6, culture: arabic, language: 'ar', passport: '0#########', tps: ['2015-09-03', '2026-03-03'], pathways: [15, 8, 2, 40, 33, 1, 1] },
  { code: 'JOR', weight: 5, culture: arabic, language: 'ar', passport: 'L#######', pathways: [40, 20, 10, 25, 3, 1, 1] },
  { code: 'MAR', weight: 5, culture: arabic, language: 'ar', passport: 'LL#######', pathways: [40, 15, 10, 25, 5, 4, 1] },
  { code: 'LBN', weight: 4, culture: arabic, language: 'ar', passport: 'LR#######', pathways: [40, 20, 10, 25, 3, 1, 1] },
  { code: 'RUS', weight: 15, culture: cyrillic, regions: [['ru', 1]], language: 'ru', passport: '#########', pathways: [30, 15, 10, 15, 25, 3, 2] },
  { code: 'UKR', weight: 20, culture: cyrillic, regions: [['ua', 1]], language: 'uk', passport: 'LL######', tps: ['2022-04-19', '2026-10-19'], pathways: [30, 5, 5, 20, 37, 2, 1] },
  { code: 'NGA', weight: 15, culture: nigerian, language: 'en', passport: 'L########', pathways: [40, 25, 5, 20, 5, 4, 1] },
  { code: 'CAN', weight: 50, culture: european, regions: [['en', 75], ['fr', 25]], language: 'en', passport: 'LL######', landBorder: 'CAN', visaWaiver: true, pathways: [60, 5, 15, 10, 0, 2, 8] },
  { code: 'GBR', weight: 25, culture: european, regions: [['en', 1]], language: 'en', passport: '#########', visaWaiver: true, pathways: [60, 10, 15, 10, 0, 2, 3] },
  { code: 'DEU', weight: 15, culture: european, regions: [['de', 1]], language: 'de', passport: 'CXXXXXXXX', visaWaiver: true, pathways: [60, 10, 15, 10, 0, 2, 3] },
  { code: 'FRA', weight: 10, culture: european, regions: [['fr', 1]], language: 'fr', passport: '##LL#####', visaWaiver: true, pathways: [60, 12, 13, 10, 0, 2, 3] },
  { code: 'POL', weight: 8, culture: european, regions: [['pl', 1]], language: 'pl', passport: 'LL#######', visaWaiver: true, pathways: [55, 8, 12, 15, 0, 8, 2] },
  { code: 'ITA', weight: 8, culture: european, regions: [['it', 1]], language: 'it', passport: 'LL#######', visaWaiver: true, pathways: [60, 12, 13, 10, 0, 2, 3] },
];

export const ORIGINS: readonly Origin[] = specs.map((spec) => ({
  code: spec.code,
  culture: spec.culture,
  regions: WeightedTable.of(spec.regions ?? [['', 1]]),
  language: spec.language,
  passport: spec.passport,
  visaWaiver: spec.visaWaiver ?? false,
  landBorder: spec.landBorder,
  tps: spec.tps === undefined ? undefined : { since: iso(spec.tps[0]), until: iso(spec.tps[1]) },
  englishName: spec.englishName ?? 0,
  pathways: WeightedTable.of(Pathway.map((pathway, i) => [pathway, spec.pathways[i] ?? 0] as const)),
}));

/** Origins weighted by their share of the synthetic population. */
export const originTable = WeightedTable.of(ORIGINS.map((origin, i) => [origin, specs[i]?.weight ?? 0] as const));
