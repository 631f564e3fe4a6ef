/**
 * Every legal rule Docket applies, with its citation and a one-line statement. Findings, gates and
 * case events name rules by id; the citation comes from here so it is written once.
 */
export const LegalRule = {
  // Citizenship and nationality: any indication stops everything (GAO-21-487 counted the failures).
  'citizenship.us-passport': { citation: '22 U.S.C. 2705', statement: 'A US passport is proof of US citizenship.' },
  'citizenship.naturalization': { citation: 'INA 310-338 (8 U.S.C. 1421-1449)', statement: 'Naturalization confers US citizenship; its certificate is proof of it.' },
  'citizenship.certificate': { citation: 'INA 341 (8 U.S.C. 1452); 22 U.S.C. 2705', statement: 'A certificate of citizenship is proof of US citizenship.' },
  'citizenship.claim-pending': { citation: 'INA 341 (8 U.S.C. 1452); 8 CFR 341.1', statement: 'A pending application for a certificate of citizenship (N-600/N-600K) is a claim to citizenship.' },
  'citizenship.listed': { citation: 'INA 101(a)(3) (8 U.S.C. 1101(a)(3))', statement: 'A source record lists US citizenship; only non-citizens and non-nationals are aliens.' },
  'citizenship.birth-in-us': { citation: 'U.S. Const. amend. XIV, s. 1; INA 301(a) (8 U.S.C. 1401(a))', statement: 'A person born in the United States is a citizen at birth.' },
  'citizenship.birth-in-territory': {
    citation: 'INA 302, 306, 307, 308 (8 U.S.C. 1402, 1406, 1407, 1408); Covenant with the Northern Mariana Islands s. 303',
    statement: 'Birth in Puerto Rico, the US Virgin Islands, Guam or the Northern Mariana Islands after the cut-off date confers citizenship; birth in American Samoa or Swains Island confers US nationality.',
  },
  'citizenship.derivation-ina-320': {
    citation: 'INA 320 (8 U.S.C. 1431); Child Citizenship Act of 2000, Pub. L. 106-395',
    statement: 'A child under 18, a lawful permanent resident, residing in the legal and physical custody of a US-citizen parent, becomes a citizen automatically (on or after 27 February 2001).',
  },
  'citizenship.former-ina-321': {
    citation: 'former INA 321 (8 U.S.C. 1432, repealed 2001)',
    statement: 'Before 27 February 2001 derivation followed different conditions; whether they were met is a question for counsel.',
  },
  'citizenship.acquisition-ina-301': {
    citation: 'INA 301(c), (d), (g) and 309 (8 U.S.C. 1401, 1409)',
    statement: 'A child born abroad to a US-citizen parent may be a citizen at birth.',
  },

  'permanent-residence.evidence': { citation: 'INA 101(a)(20) (8 U.S.C. 1101(a)(20))', statement: 'Lawful permanent residence, shown by a grant, a card, an approved adjustment or a naturalization application.' },
  'permanent-residence.terminated': { citation: '8 CFR 1001.1(p)', statement: 'Permanent resident status ends when a final administrative order of removal is entered.' },

  'admission.period': { citation: 'INA 214(a)(1) (8 U.S.C. 1184(a)(1)); 8 CFR 214.1(a)(3)-(4)', statement: 'The authorized stay is the admit-until date on the arrival record, or duration of status.' },
  'admission.visa-validity': { citation: '22 CFR 41.112', statement: 'A visa governs entry only; its expiry neither shortens nor lengthens an authorized stay.' },
  'admission.duration-of-status-ended': {
    citation: '8 CFR 214.2(f)(5)(i), (iv); 8 CFR 214.2(j)(1)(ii); 8 CFR 214.2(f)(10)-(11)',
    statement: 'Duration of status ends when the program is completed and its grace period (60 days for F, 30 for J) passes, or when status is no longer maintained; practical training extends it.',
  },
  'admission.extended': { citation: '8 CFR 214.1(c); 8 CFR 248.1', statement: 'An approved extension or change of status begins a new authorized stay.' },

  'unlawful-presence.start': {
    citation: 'INA 212(a)(9)(B)(ii) (8 U.S.C. 1182(a)(9)(B)(ii)); USCIS Adjudicator\'s Field Manual ch. 40.9.2',
    statement: 'Unlawful presence begins the day after the authorized stay ends, or the day after a formal finding of a status violation or a removal order, whichever is first.',
  },
  'unlawful-presence.duration-of-status': {
    citation: 'INA 212(a)(9)(B)(ii); USCIS Adjudicator\'s Field Manual ch. 40.9.2; Guilford College v. Wolf, No. 1:18-cv-891 (M.D.N.C. Feb. 6, 2020)',
    statement: 'For a person admitted for duration of status, unlawful presence begins only the day after a formal finding of a status violation or a removal order, not at the violation itself.',
  },
  'unlawful-presence.tolling.minor': { citation: 'INA 212(a)(9)(B)(iii)(I)', statement: 'No time under the age of 18 counts as unlawful presence.' },
  'unlawful-presence.tolling.asylum': { citation: 'INA 212(a)(9)(B)(iii)(II)', statement: 'No time while a bona fide asylum application is pending counts, absent unauthorized employment.' },
  'unlawful-presence.tolling.extension': {
    citation: 'INA 212(a)(9)(B)(iv); USCIS Adjudicator\'s Field Manual ch. 40.9.2',
    statement: 'No time while a timely, non-frivolous extension or change-of-status application is pending counts, absent unauthorized employment.',
  },
  'unlawful-presence.tolling.adjustment': { citation: 'USCIS Adjudicator\'s Field Manual ch. 40.9.2', statement: 'A pending adjustment-of-status application is a period of stay authorized.' },
  'unlawful-presence.tolling.deferred-action': { citation: 'USCIS Adjudicator\'s Field Manual ch. 40.9.2; 8 CFR 274a.12(c)(14)', statement: 'Deferred action in effect is a period of stay authorized.' },
  'unlawful-presence.tolling.tps': { citation: 'INA 244(f)(4) (8 U.S.C. 1254a(f)(4))', statement: 'A TPS beneficiary is treated as maintaining lawful status.' },
  'unlawful-presence.tolling.status': { citation: 'INA 101(a)(20); INA 101(a)(3)', statement: 'A permanent resident or citizen does not accrue unlawful presence.' },

  'reentry-bar.three-year': {
    citation: 'INA 212(a)(9)(B)(i)(I) (8 U.S.C. 1182(a)(9)(B)(i)(I))',
    statement: 'More than 180 days and less than one year of unlawful presence, then a voluntary departure before removal proceedings began: inadmissible for 3 years from the departure.',
  },
  'reentry-bar.ten-year': {
    citation: 'INA 212(a)(9)(B)(i)(II) (8 U.S.C. 1182(a)(9)(B)(i)(II))',
    statement: 'One year or more of unlawful presence, then a departure or removal: inadmissible for 10 years from the departure.',
  },

  'court.appeal-deadline': {
    citation: '8 CFR 1003.38(b)',
    statement: 'An appeal must be received within 30 calendar days of the decision; a deadline on a Saturday, Sunday or legal holiday moves to the next business day.',
  },
  'court.in-absentia-not-appealable': {
    citation: 'INA 240(b)(5)(C) (8 U.S.C. 1229a(b)(5)(C)); Matter of Guzman, 22 I&N Dec. 722 (BIA 1999)',
    statement: 'An order made in absentia cannot be appealed; a motion to reopen is the remedy.',
  },
  'court.order-vacated': {
    citation: '8 CFR 1003.1(d)(7); 8 CFR 1003.23(b); INA 242(a) (8 U.S.C. 1252(a))',
    statement: 'An order set aside on appeal, reopened on motion or vacated on a petition for review is no longer operative.',
  },
  'court.relief-or-termination': { citation: 'INA 240(c) (8 U.S.C. 1229a(c))', statement: 'Proceedings that end in relief or termination leave no removal order.' },

  'finality.appeal-dismissed': { citation: '8 CFR 1241.1(a)', statement: 'An order becomes final when the Board dismisses the appeal.' },
  'finality.appeal-waived': { citation: '8 CFR 1241.1(b)', statement: 'An order becomes final when appeal is waived.' },
  'finality.appeal-period-expired': { citation: '8 CFR 1241.1(c)', statement: 'An order becomes final when the appeal period expires without an appeal.' },
  'finality.in-absentia': { citation: '8 CFR 1241.1(e)', statement: 'An order made in absentia is final immediately.' },
  'finality.voluntary-departure-overstayed': { citation: '8 CFR 1241.1(f); INA 240B(d)', statement: 'The alternate removal order becomes final when the voluntary-departure period is overstayed.' },
  'finality.not-final': { citation: '8 CFR 1241.1', statement: 'None of the grounds of finality has occurred.' },

  'stay.automatic.appeal-period': { citation: '8 CFR 1003.6(a)', statement: 'A decision is not executed while the time to appeal runs.' },
  'stay.automatic.appeal-pending': { citation: '8 CFR 1003.6(a)', statement: 'A decision is not executed while an appeal is pending.' },
  'stay.automatic.in-absentia-reopening': {
    citation: 'INA 240(b)(5)(C); 8 CFR 1003.23(b)(4)(ii)',
    statement: 'Removal is stayed while a motion to reopen an in absentia order is pending.',
  },
  'stay.petition-for-review': {
    citation: 'INA 242(b)(3)(B) (8 U.S.C. 1252(b)(3)(B))',
    statement: 'A petition for review does not stay removal by itself; a stay ordered by the court does.',
  },
  'stay.granted': {
    citation: '8 CFR 1003.6(b); 8 CFR 1003.23(b)(1)(v); 8 CFR 241.6; INA 242(b)(3)(B)',
    statement: 'A stay granted by an immigration judge, the Board, a federal court or the agency stops removal while it lasts.',
  },

  'protection.withholding': {
    citation: 'INA 241(b)(3)(A) (8 U.S.C. 1231(b)(3)(A)); 8 CFR 1208.16',
    statement: 'Withholding of removal forbids removal to the protected country, and only to it.',
  },
  'protection.cat': {
    citation: '8 CFR 1208.16(c), 1208.17; FARRA s. 2242, Pub. L. 105-277',
    statement: 'Protection under the Convention Against Torture forbids removal to the protected country, and only to it.',
  },
  'protection.tps': { citation: 'INA 244(a)(1)(A), (d)(4) (8 U.S.C. 1254a)', statement: 'A person with Temporary Protected Status in effect may not be removed, nor detained on the basis of status.' },
  'protection.deferred-action': { citation: '8 CFR 274a.12(c)(14)', statement: 'Deferred action in effect defers removal.' },
  'protection.asylum': { citation: 'INA 208(c)(1)(A) (8 U.S.C. 1158(c)(1)(A))', statement: 'A person granted asylum may not be removed.' },
  'protection.relief-granted': { citation: 'INA 240(c)', statement: 'The immigration court granted relief from removal.' },

  'application.pending': { citation: 'Docket hard stop; the authority of the application filed', statement: 'A benefit application still pending is decided before any removal.' },

  'voluntary-departure.limit-before-conclusion': {
    citation: 'INA 240B(a)(2)(A) (8 U.S.C. 1229c(a)(2)(A)); 8 CFR 1240.26',
    statement: 'Voluntary departure granted before proceedings conclude may not exceed 120 days.',
  },
  'voluntary-departure.limit-at-conclusion': {
    citation: 'INA 240B(b)(2) (8 U.S.C. 1229c(b)(2)); 8 CFR 1240.26',
    statement: 'Voluntary departure granted at the conclusion of proceedings may not exceed 60 days.',
  },
  'voluntary-departure.running': { citation: 'INA 240B', statement: 'The voluntary-departure period is running: no removal before it ends.' },
  'voluntary-departure.complied': { citation: 'INA 240B', statement: 'The person departed within the voluntary-departure period.' },
  'voluntary-departure.overstayed': {
    citation: 'INA 240B(d)(1); 8 CFR 1241.1(f)',
    statement: 'Overstaying voluntary departure makes the alternate removal order final, brings a civil penalty and ten years of ineligibility for cancellation, adjustment, change of status, registry and voluntary departure.',
  },
  'voluntary-departure.suspended': {
    citation: '8 CFR 1003.6(a); 8 CFR 1240.26',
    statement: 'An appeal received within the voluntary-departure period stays it; the Board\'s decision sets a new period.',
  },
  'voluntary-departure.terminated': {
    citation: '8 CFR 1240.26(e)(1), (i); 73 Fed. Reg. 76927 (Dec. 18, 2008)',
    statement: 'A motion to reopen or a petition for review filed during the period ends the grant; the alternate removal order takes effect and the overstay penalties do not apply.',
  },

  'movement.departed': { citation: 'INA 101(g) (8 U.S.C. 1101(g))', statement: 'The last recorded movement is a departure from the United States.' },
  'movement.present-after-departure': {
    citation: 'INA 208(a)(1), 244(c)(1)(A), 245(a) (8 U.S.C. 1158(a)(1), 1254a(c)(1)(A), 1255(a)); 8 CFR 214.1(c)',
    statement: 'A hearing attended or a filing that requires physical presence after a recorded exit shows a return that was not recorded.',
  },
  'status.undetermined': {
    citation: 'INA 240(c)(3)(A) (8 U.S.C. 1229a(c)(3)(A)); Woodby v. INS, 385 U.S. 276 (1966)',
    statement: 'The records do not establish a status; the government bears the burden, so no adverse conclusion is drawn from missing records.',
  },
  'law.unsettled': { citation: 'Docket rule: where the law or the record is unsettled, a person decides', statement: 'The question is not settled by the records and the rules; a person must decide.' },
  'record.conflict': { citation: 'Docket rule: conflicting records are read in the person\'s favour', statement: 'Sources disagree; the reading least adverse to the person is used.' },
} as const satisfies Record<string, { readonly citation: string; readonly statement: string }>;

export type LegalRuleId = keyof typeof LegalRule;
