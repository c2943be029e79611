import data from './data/exemptions.json';

/** Whether an exemption may be relied on to neither confirm nor deny holding the information. */
export type NcndAvailability = 'AVAILABLE' | 'NOT_AVAILABLE' | 'ONLY';

/** The FOIA exemptions police use most, kept as data (src/foi/data/exemptions.json). */
export interface Exemption {
  section: string;
  name: string;
  absolute: boolean;
  /** NOT_AVAILABLE for s.21 (and 40(1), 40(2): s.40's NCND is 40(5)); ONLY for 40(5). */
  ncnd: NcndAvailability;
  /** 40(1): the requester's own data, a subject access request. */
  routesToSubjectAccess: boolean;
  /** Sections cited in the alternative (23/24): either one, without saying which. */
  inTheAlternative: string[];
}

export const exemptions: Exemption[] = data.exemptions.map((e) => ({
  section: e.section,
  name: e.name,
  absolute: e.absolute,
  ncnd: e.ncnd as NcndAvailability,
  routesToSubjectAccess: 'routesToSubjectAccess' in e ? Boolean(e.routesToSubjectAccess) : false,
  inTheAlternative: 'inTheAlternative' in e ? (e.inTheAlternative as string[]) : [],
}));

export function exemption(section: string): Exemption | undefined {
  return exemptions.find((e) => e.section === section);
}

/** The subsections a section is recorded by, when it is recorded by subsection (s.40: 40(1), 40(2), 40(5)). */
export function subsectionsOf(section: string): string[] {
  return exemptions.filter((e) => e.section.startsWith(`${section}(`)).map((e) => e.section);
}

/** An exemption as shown for a section recorded before the list changed (for example a bare "40"). */
export function named(section: string): Exemption {
  return exemption(section) ?? { section, name: section, absolute: false, ncnd: 'AVAILABLE', routesToSubjectAccess: false, inTheAlternative: [] };
}

/** An exemption as the GraphQL FoiExemption shows it. */
export function exemptionView(e: Exemption) {
  return {
    section: e.section,
    name: e.name,
    absolute: e.absolute,
    neitherConfirmNorDeny: e.ncnd,
    routesToSubjectAccess: e.routesToSubjectAccess,
    inTheAlternative: e.inTheAlternative,
  };
}
