import type { Random } from './random.js';
import { WeightedTable } from './weighted-table.js';

/** A US address where a household lives. */
export interface UsAddress {
  readonly line1: string;
  readonly city: string;
  readonly state: string;
  readonly postcode: string;
}

/** Metro areas weighted roughly by where immigrants live; each with its ZIP prefixes. */
const cities = WeightedTable.of<readonly [string, string, readonly string[]]>([
  [['Los Angeles', 'CA', ['900', '902', '910', '917']], 90], [['New York', 'NY', ['100', '104', '112', '113', '114']], 100],
  [['Houston', 'TX', ['770', '772', '774']], 55], [['Miami', 'FL', ['331', '330', '333']], 60], [['Chicago', 'IL', ['606', '604', '601']], 40],
  [['Dallas', 'TX', ['752', '750', '760']], 35], [['San Jose', 'CA', ['951', '950']], 20], [['San Francisco', 'CA', ['941', '945', '946']], 20],
  [['Washington', 'DC', ['200', '208', '220', '222']], 30], [['Atlanta', 'GA', ['303', '300']], 20], [['Phoenix', 'AZ', ['850', '852', '853']], 18],
  [['Seattle', 'WA', ['981', '980']], 15], [['Boston', 'MA', ['021', '020', '018']], 18], [['Newark', 'NJ', ['071', '070', '073']], 25],
  [['San Diego', 'CA', ['921', '919']], 15], [['Riverside', 'CA', ['925', '923']], 15], [['Orlando', 'FL', ['328', '327']], 12],
  [['Philadelphia', 'PA', ['191', '190']], 12], [['Denver', 'CO', ['802', '800']], 10], [['Las Vegas', 'NV', ['891', '890']], 10],
  [['Minneapolis', 'MN', ['554', '553']], 8], [['Detroit', 'MI', ['482', '481']], 8], [['Austin', 'TX', ['787', '786']], 8],
  [['San Antonio', 'TX', ['782', '781']], 10], [['Charlotte', 'NC', ['282', '280']], 7], [['Salt Lake City', 'UT', ['841', '840']], 5],
  [['Omaha', 'NE', ['681', '680']], 3], [['Columbus', 'OH', ['432', '430']], 5], [['Nashville', 'TN', ['372', '370']], 5],
  [['Raleigh', 'NC', ['276', '275']], 5], [['McAllen', 'TX', ['785']], 4], [['El Paso', 'TX', ['799']], 4], [['Fresno', 'CA', ['937']], 4],
]);

const streets = WeightedTable.zipf([
  'Main St', 'Oak Ave', 'Maple St', 'Park Ave', 'Cedar St', 'Pine St', 'Elm St', 'Washington Ave', 'Lake St', 'Hill Rd',
  'Broadway', '2nd St', '3rd St', '1st Ave', 'Sunset Blvd', 'Lincoln Ave', 'Jefferson St', 'Madison Ave', 'Franklin St', 'Church St',
  'Spring St', 'Highland Ave', 'Center St', 'Union St', 'River Rd', 'Mill St', 'Walnut St', 'Chestnut St', 'Grove St', 'Jackson St',
  'Valley View Dr', 'Meadow Ln', 'Forest Ave', 'Lakeview Dr', 'Mission St', 'Alameda St', 'Bergenline Ave', 'Roosevelt Ave',
  'Flushing Ave', 'Kennedy Blvd', 'Bissonnet St', 'Westheimer Rd', 'Flagler St', 'Calle Ocho', 'Pulaski Rd', 'Devon Ave',
  'Grand Ave', 'Central Ave', 'Victory Blvd', 'Vermont Ave', 'Harbor Blvd', 'Beach Blvd', 'Martin Luther King Jr Blvd',
], 3);

/** A random address; households share one (and sometimes move). */
export function randomAddress(random: Random): UsAddress {
  const [city, state, zips] = cities.sample(random);
  const number = random.chance(0.5) ? random.between(100, 9999) : random.between(1, 99999);
  const unit = random.chance(0.4) ? ` Apt ${random.chance(0.5) ? random.between(1, 40) : `${random.between(1, 30)}${'ABCDEF'.charAt(random.below(6))}`}` : '';
  return { line1: `${number} ${streets.sample(random)}${unit}`, city, state, postcode: `${random.pick(zips)}${String(random.between(1, 99)).padStart(2, '0')}` };
}
