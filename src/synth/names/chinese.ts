import type { Random } from '../random.js';
import { WeightedTable } from '../weighted-table.js';
import type { NameCulture, NamingFamily, Sex } from './culture.js';
import { keepsName } from './culture.js';
import type { PersonName } from './name-token.js';
import { NameToken, part } from './name-token.js';

/** Form indexes of Chinese names: Hanyu Pinyin (mainland), Wade–Giles (Taiwan and older records), Cantonese. */
export const PINYIN = 0;
export const WADE_GILES = 1;

function surnameTokens(list: string): NameToken[] {
  return list.split(',').map((entry) => new NameToken(entry.trim().split('|')));
}

const surnames = WeightedTable.zipf(surnameTokens(`Wang|Wang|Wong, Li|Li|Lee, Zhang|Chang|Cheung, Liu|Liu|Lau, Chen|Chen|Chan,
  Yang|Yang|Yeung, Huang|Huang|Wong, Zhao|Chao|Chiu, Wu|Wu|Ng, Zhou|Chou|Chow, Xu|Hsu|Hui, Sun|Sun|Suen, Ma|Ma|Ma,
  Zhu|Chu|Chu, Hu|Hu|Wu, Guo|Kuo|Kwok, He|Ho|Ho, Lin|Lin|Lam, Gao|Kao|Ko, Luo|Lo|Law, Zheng|Cheng|Cheng, Liang|Liang|Leung,
  Xie|Hsieh|Tse, Song|Sung|Sung, Tang|Tang|Tong, Han|Han|Hon, Feng|Feng|Fung, Deng|Teng|Tang, Cao|Tsao|Cho, Peng|Peng|Pang,
  Zeng|Tseng|Tsang, Xiao|Hsiao|Siu, Tian|Tien|Tin, Dong|Tung|Tung, Pan|Pan|Poon, Yuan|Yuan|Yuen, Cai|Tsai|Choi,
  Jiang|Chiang|Keung, Yu|Yu|Yu, Du|Tu|To, Ye|Yeh|Yip, Cheng|Cheng|Ching, Wei|Wei|Ngai, Su|Su|So, Lü|Lu|Lui, Ding|Ting|Ting,
  Ren|Jen|Yam, Shen|Shen|Sum, Yao|Yao|Yiu, Cui|Tsui|Tsui, Zhong|Chung|Chung, Tan|Tan|Tam, Lu|Lu|Luk, Fan|Fan|Fan,
  Jin|Chin|Kam, Qian|Chien|Chin, Qiu|Chiu|Yau, Fu|Fu|Foo, Kong|Kung|Hung, Bai|Pai|Pak, Mao|Mao|Mo`), 0.5);

/** Given-name syllables: pinyin, then Wade–Giles. */
const SYLLABLES: Readonly<Record<string, string>> = {
  wei: 'wei', jie: 'chieh', hao: 'hao', yu: 'yu', jun: 'chun', jian: 'chien', ming: 'ming', hua: 'hua', ling: 'ling',
  li: 'li', na: 'na', xiu: 'hsiu', ying: 'ying', fang: 'fang', min: 'min', jing: 'ching', hui: 'hui', yan: 'yen',
  xin: 'hsin', qing: 'ching', zhi: 'chih', qiang: 'chiang', lei: 'lei', tao: 'tao', bin: 'pin', bo: 'po', chao: 'chao',
  peng: 'peng', gang: 'kang', yong: 'yung', dong: 'tung', long: 'lung', xiao: 'hsiao', mei: 'mei', lan: 'lan',
  hong: 'hung', xia: 'hsia', yun: 'yun', feng: 'feng', kai: 'kai', hai: 'hai', jia: 'chia', zhen: 'chen', zhong: 'chung',
  guo: 'kuo', wen: 'wen', rui: 'jui', xuan: 'hsuan', zi: 'tzu', han: 'han', yi: 'yi', shu: 'shu', ting: 'ting',
  qian: 'chien', jin: 'chin', yue: 'yueh', xue: 'hsueh', shan: 'shan', ping: 'ping', de: 'te', cheng: 'cheng', hang: 'hang',
};
const maleSyllables = WeightedTable.zipf(['wei', 'jie', 'hao', 'jun', 'jian', 'ming', 'qiang', 'lei', 'tao', 'yong', 'bin', 'bo',
  'chao', 'peng', 'gang', 'dong', 'long', 'feng', 'kai', 'hai', 'zhen', 'zhong', 'guo', 'wen', 'hang', 'de', 'cheng', 'zhi',
  'hua', 'yu', 'xin', 'jin', 'rui', 'xuan', 'zi', 'han', 'yi', 'shan', 'ping', 'xiao'], 3);
const femaleSyllables = WeightedTable.zipf(['li', 'na', 'mei', 'ling', 'xiu', 'ying', 'fang', 'jing', 'hui', 'yan', 'xia', 'lan',
  'hong', 'yun', 'ting', 'qian', 'xue', 'yue', 'shan', 'jia', 'xin', 'rui', 'yi', 'min', 'xiao', 'qing', 'zi', 'han', 'wen', 'yu'], 3);

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const givenCache = new Map<string, NameToken>();

/** A given name of one or two syllables with its pinyin and Wade–Giles spellings, joined, spaced and hyphenated. */
function givenName(syllables: readonly string[]): NameToken {
  const key = syllables.join(' ');
  const cached = givenCache.get(key);
  if (cached !== undefined) return cached;
  const wade = syllables.map((syllable) => SYLLABLES[syllable] ?? syllable);
  const token = syllables.length === 1
    ? new NameToken([capitalize(key), capitalize(wade[0] ?? key)])
    : new NameToken([
      capitalize(syllables.join('')),
      capitalize(wade.join('-')),
      syllables.map(capitalize).join(' '),
      wade.map(capitalize).join(' '),
      capitalize(wade.join('')),
    ]);
  givenCache.set(key, token);
  return token;
}

/**
 * Chinese naming: a surname from a very concentrated distribution and a given name of one or
 * two syllables; children take the father's surname, a wife keeps hers. Region `tw` spells in
 * Wade–Giles as Taiwanese passports do.
 */
export const chinese: NameCulture = {
  id: 'chinese',
  name(random: Random, sex: Sex, family: NamingFamily, region: string): PersonName {
    const form = region === 'tw' ? WADE_GILES : PINYIN;
    const table = sex === 'M' ? maleSyllables : femaleSyllables;
    const first = table.sample(random);
    const syllables = random.chance(0.65) ? [first, table.sample(random)] : [first];
    const surname = family.father?.surname ?? [part(surnames.sample(random), form)];
    return { given: [part(givenName(syllables), form === WADE_GILES && syllables.length > 1 ? 1 : form)], middle: [], surname };
  },
  married: keepsName,
};
