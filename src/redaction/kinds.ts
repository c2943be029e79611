/**
 * The kinds of personal data the redactor finds, each with the marker that replaces it. The order
 * is the order in which `redact` lists the kinds it found.
 */
export const personalDataKinds = [
  'NAME',
  'EMAIL',
  'PHONE',
  'ADDRESS',
  'POSTCODE',
  'DATE_OF_BIRTH',
  'NATIONAL_INSURANCE',
  'NHS_NUMBER',
  'BANK_DETAILS',
  'PAYMENT_CARD',
  'VEHICLE_REGISTRATION',
  'CRIME_REFERENCE',
] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];

export const markers: Record<PersonalDataKind, string> = {
  NAME: '[name removed]',
  EMAIL: '[email removed]',
  PHONE: '[phone number removed]',
  ADDRESS: '[address removed]',
  POSTCODE: '[postcode removed]',
  DATE_OF_BIRTH: '[date of birth removed]',
  NATIONAL_INSURANCE: '[National Insurance number removed]',
  NHS_NUMBER: '[NHS number removed]',
  BANK_DETAILS: '[bank details removed]',
  PAYMENT_CARD: '[card number removed]',
  VEHICLE_REGISTRATION: '[vehicle registration removed]',
  CRIME_REFERENCE: '[crime reference removed]',
};

/** Words for each kind, for messages to staff ("an NHS number at characters 12–24"). */
export const kindWords: Record<PersonalDataKind, string> = {
  NAME: 'a name',
  EMAIL: 'an email address',
  PHONE: 'a phone number',
  ADDRESS: 'a street address',
  POSTCODE: 'a postcode',
  DATE_OF_BIRTH: 'a date of birth',
  NATIONAL_INSURANCE: 'a National Insurance number',
  NHS_NUMBER: 'an NHS number',
  BANK_DETAILS: 'bank details',
  PAYMENT_CARD: 'a payment card number',
  VEHICLE_REGISTRATION: 'a vehicle registration',
  CRIME_REFERENCE: 'a crime reference',
};

/**
 * One piece of personal data in a text: its kind and where it is (`text.slice(start, end)`).
 * Deliberately no copy of the value: a finding can be logged or returned in an error safely.
 */
export interface Finding {
  kind: PersonalDataKind;
  start: number;
  end: number;
}
