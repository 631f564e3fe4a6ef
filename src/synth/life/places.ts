import type { Random } from '../random.js';
import { WeightedTable } from '../weighted-table.js';

/** Ports of entry and exit, by how people travel. */
export const AIRPORTS = WeightedTable.zipf(['JFK', 'LAX', 'MIA', 'IAH', 'ORD', 'ATL', 'SFO', 'EWR', 'DFW', 'IAD', 'BOS', 'SEA', 'FLL', 'MCO', 'PHX', 'DEN', 'SAN', 'DTW', 'CLT', 'LAS'], 2);
export const MEXICAN_BORDER = WeightedTable.zipf(['SYS', 'ELP', 'LRD', 'HID', 'NOG', 'BRO', 'CAL', 'DOU', 'EGP', 'OTM'], 1);
export const CANADIAN_BORDER = WeightedTable.zipf(['BLA', 'BUF', 'DET', 'CHM', 'PHU', 'SWB', 'DRB', 'HIG'], 1);

const US_CARRIERS = ['AA', 'DL', 'UA', 'B6', 'NK', 'AS', 'WN'];
/** Carriers that fly to each origin, for flight numbers on manifests. */
const CARRIERS: Readonly<Record<string, readonly string[]>> = {
  MEX: ['AM', 'Y4', 'VB'], GTM: ['AV', 'CM'], HND: ['AV', 'CM'], SLV: ['AV', 'CM'], COL: ['AV', 'CM', 'LA'], VEN: ['CM', 'AV'],
  ECU: ['AV', 'LA'], PER: ['LA', 'AV'], BRA: ['LA', 'G3', 'AD'], HTI: ['AA', 'B6'], CHN: ['CA', 'MU', 'CZ'], TWN: ['BR', 'CI'],
  IND: ['AI', 'EK', 'QR'], PHL: ['PR'], VNM: ['VN', 'CX', 'KE'], EGY: ['MS', 'TK'], IRQ: ['QR', 'TK', 'EK'], SYR: ['TK', 'QR'],
  YEM: ['EK', 'QR'], JOR: ['RJ'], MAR: ['AT'], LBN: ['ME', 'TK'], RUS: ['TK', 'EK'], UKR: ['LO', 'LH'], NGA: ['ET', 'KL', 'AF'],
  CAN: ['AC', 'WS'], GBR: ['BA', 'VS'], DEU: ['LH'], FRA: ['AF'], POL: ['LO'], ITA: ['AZ'],
};

/** A carrier and flight number for a departure to `country`. */
export function flightTo(random: Random, country: string): { readonly carrier: string; readonly flight: string } {
  const carriers = CARRIERS[country] ?? US_CARRIERS;
  const carrier = random.chance(0.35) ? random.pick(US_CARRIERS) : random.pick(carriers);
  return { carrier, flight: `${carrier}${random.between(1, 2999)}` };
}

/** Removal flights are charters with their own flight numbers. */
export function removalFlight(random: Random): { readonly carrier: string; readonly flight: string } {
  const carrier = random.pick(['GXA', 'SWQ', 'WAL']);
  return { carrier, flight: `${carrier}${random.between(100, 999)}` };
}

/** Immigration courts, for cases heard away from home (detained dockets, changes of venue). */
export const COURTS = WeightedTable.zipf(['NYC', 'LOS', 'MIA', 'HOU', 'SFR', 'CHI', 'DAL', 'ARL', 'ATL', 'NEW', 'BOS', 'SEA', 'PHO', 'DEN', 'SND', 'ORL', 'ELP', 'HLG', 'LVG', 'SLC'], 2);

/** The immigration court that hears cases from each city the generator places households in. */
const COURT_OF_CITY: Readonly<Partial<Record<string, string>>> = {
  'Los Angeles': 'LOS', Riverside: 'LOS', 'San Francisco': 'SFR', 'San Jose': 'SFR', Fresno: 'SFR', 'San Diego': 'SND', 'New York': 'NYC',
  Houston: 'HOU', Dallas: 'DAL', Austin: 'SNA', 'San Antonio': 'SNA', 'El Paso': 'ELP', McAllen: 'HLG', Miami: 'MIA', Orlando: 'ORL',
  Chicago: 'CHI', Washington: 'ARL', Atlanta: 'ATL', Newark: 'NEW', Boston: 'BOS', Seattle: 'SEA', Phoenix: 'PHO', Denver: 'DEN',
  'Las Vegas': 'LVG', 'Salt Lake City': 'SLC', Philadelphia: 'PHI', Minneapolis: 'BLM', Detroit: 'DET', Charlotte: 'CHL', Raleigh: 'CHL',
  Nashville: 'MEM', Omaha: 'OMA', Columbus: 'CLE',
};

/** The court for someone living in `city`; one case in five is heard elsewhere. */
export function courtFor(random: Random, city: string | undefined): string {
  const local = city === undefined ? undefined : COURT_OF_CITY[city];
  return local !== undefined && random.chance(0.8) ? local : COURTS.sample(random);
}

/** Schools for student records. */
export const SCHOOLS = WeightedTable.zipf([
  'New York University', 'Northeastern University', 'Columbia University', 'University of Southern California',
  'Arizona State University', 'University of Illinois Urbana-Champaign', 'Boston University', 'Purdue University',
  'University of California, Los Angeles', 'Carnegie Mellon University', 'University of Texas at Dallas', 'Texas A&M University',
  'University of Washington', 'Stevens Institute of Technology', 'University of Michigan', 'Miami Dade College',
  'Santa Monica College', 'Georgia Institute of Technology', 'Pace University', 'University of Florida',
], 2);

/** Consular posts that issue visas, by origin. */
export const POSTS: Readonly<Record<string, readonly string[]>> = {
  MEX: ['CDJ', 'MTR', 'GDL', 'MEX', 'TIJ', 'HML', 'NLD'], GTM: ['GTM'], HND: ['TGG'], SLV: ['SNS'], COL: ['BGT'], VEN: ['CRS', 'BGT'],
  ECU: ['GYQ', 'QTO'], PER: ['LMA'], BRA: ['SPL', 'RDJ', 'BRA'], HTI: ['PTP'], CHN: ['BEJ', 'SHG', 'GUZ', 'SNY'], TWN: ['TAI'],
  IND: ['CHN', 'MUM', 'NWD', 'HYD', 'KOL'], PHL: ['MNL'], VNM: ['HCM', 'HAN'], EGY: ['CRO'], IRQ: ['BGH', 'ERB'], SYR: ['AMM', 'BRT'],
  YEM: ['DJI', 'CRO'], JOR: ['AMM'], MAR: ['CSB'], LBN: ['BRT'], RUS: ['MOS', 'WRW'], UKR: ['KEV', 'WRW'], NGA: ['LGS', 'ABJ'],
  CAN: ['OTT', 'MTL'], GBR: ['LND'], DEU: ['FRN', 'BRL'], FRA: ['PRS'], POL: ['WRW'], ITA: ['ROM'],
};

export const OFFENCES = WeightedTable.of([
  ['traffic', 30], ['dui', 18], ['theft', 12], ['drug-possession', 10], ['assault', 8], ['domestic-violence', 5], ['fraud', 5],
  ['burglary', 3], ['illegal-entry', 4], ['weapons', 2], ['drug-trafficking', 2], ['robbery', 1],
] as const);

/** State criminal courts by the city of the household. */
const CRIMINAL_COURT_OF_CITY: Readonly<Partial<Record<string, string>>> = {
  'Los Angeles': 'Los Angeles County Superior Court', Riverside: 'Riverside County Superior Court', 'San Diego': 'San Diego County Superior Court',
  'San Francisco': 'San Francisco Superior Court', 'San Jose': 'Santa Clara County Superior Court', Fresno: 'Fresno County Superior Court',
  'New York': 'New York City Criminal Court', Houston: 'Harris County District Court', Dallas: 'Dallas County District Court',
  'San Antonio': 'Bexar County District Court', Austin: 'Travis County District Court', 'El Paso': 'El Paso County District Court',
  McAllen: 'Hidalgo County District Court', Miami: 'Miami-Dade County Court', Orlando: 'Orange County Court (Florida)', Chicago: 'Cook County Circuit Court',
  Washington: 'Fairfax County General District Court', Atlanta: 'Fulton County State Court', Newark: 'Essex County Superior Court',
  Boston: 'Boston Municipal Court', Seattle: 'King County District Court', Phoenix: 'Maricopa County Superior Court', Denver: 'Denver County Court',
  'Las Vegas': 'Clark County Justice Court', Philadelphia: 'Philadelphia Municipal Court', Minneapolis: 'Hennepin County District Court',
  Detroit: '36th District Court (Detroit)', Charlotte: 'Mecklenburg County District Court', Raleigh: 'Wake County District Court',
  Nashville: 'Davidson County General Sessions Court', Omaha: 'Douglas County Court', Columbus: 'Franklin County Municipal Court',
  'Salt Lake City': 'Salt Lake County Justice Court',
};

/** The criminal court for someone living in `city`. */
export function criminalCourtFor(city: string | undefined): string {
  return (city === undefined ? undefined : CRIMINAL_COURT_OF_CITY[city]) ?? 'Superior Court';
}
