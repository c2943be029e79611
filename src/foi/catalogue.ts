import data from './data/exemptions.json';

/** The FOIA exemptions police use most, kept as data. */
export interface Exemption {
  section: string;
  name: string;
  absolute: boolean;
}

export const exemptions: Exemption[] = data.exemptions;

export function exemption(section: string): Exemption | undefined {
  return exemptions.find((e) => e.section === section);
}
