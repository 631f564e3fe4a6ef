/**
 * Categories of data Docket refuses by design (product brief, "Declined by design").
 * Each has a rule id that refusals name, and the words that identify it however a
 * registrant spells the category.
 */
export const DeclinedCategory = [
  { rule: 'DECLINED-SOCIAL-MEDIA', category: 'social-media', reason: 'Docket does not collect or monitor social-media content or identifiers', terms: ['social media', 'social network', 'social handle', 'facebook', 'twitter', 'instagram', 'tiktok', 'online post', 'username handle'] },
  { rule: 'DECLINED-POLITICAL-ACTIVITY', category: 'political-activity', reason: 'Docket does not collect political activity or opinion', terms: ['political', 'protest', 'demonstration attendance', 'party membership', 'activism'] },
  { rule: 'DECLINED-RELIGIOUS-ACTIVITY', category: 'religious-activity', reason: 'Docket does not collect religious activity or belief', terms: ['religious', 'religion', 'worship', 'congregation', 'mosque', 'church attendance', 'faith'] },
  { rule: 'DECLINED-ASSOCIATIONS', category: 'associations', reason: 'Docket does not collect associations or memberships', terms: ['association', 'membership', 'affiliation', 'network analysis', 'known associates'] },
  { rule: 'DECLINED-SPEECH', category: 'speech', reason: 'Docket does not collect speech or expression', terms: ['speech', 'expression', 'publication', 'statements online'] },
  { rule: 'DECLINED-PHONE-RECORDS', category: 'phone-records', reason: 'Docket does not collect phone records', terms: ['phone record', 'call record', 'call detail', 'telephone record', 'cdr', 'text message', 'sms'] },
  { rule: 'DECLINED-LOCATION-TRACKING', category: 'location-tracking', reason: 'Docket does not collect location tracking', terms: ['location', 'geolocation', 'gps', 'cell tower', 'cell site', 'tracking', 'geofence'] },
  { rule: 'DECLINED-LICENCE-PLATE-READS', category: 'licence-plate-reads', reason: 'Docket does not collect licence-plate reads', terms: ['licence plate', 'license plate', 'plate read', 'alpr', 'anpr', 'lpr camera'] },
] as const;
export type DeclinedCategory = (typeof DeclinedCategory)[number];

/** Lower case, separators as spaces, so "License-Plate_Reads" meets "license plate". */
function normalize(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The declined category a text speaks of, if any: used on the category and on the description. */
export function findDeclinedCategory(text: string): DeclinedCategory | undefined {
  const padded = ` ${normalize(text)} `;
  return DeclinedCategory.find(
    (declined) => padded.includes(` ${normalize(declined.category)} `) || declined.terms.some((term) => padded.includes(` ${normalize(term)}`)),
  );
}
