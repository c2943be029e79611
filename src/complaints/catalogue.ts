import categories from './data/allegationCategories.json';
import types from './data/commonComplaintTypes.json';

/** The lists kept as data: IOPC allegation categories and the force's common complaint types. */
export interface NamedCode {
  code: string;
  name: string;
}

export const allegationCategories: NamedCode[] = categories.categories;
export const commonComplaintTypes: NamedCode[] = types.types;
export const SOMETHING_ELSE = 'SOMETHING_ELSE';

export function named(list: NamedCode[], code: string): NamedCode {
  return list.find((c) => c.code === code) ?? { code, name: code };
}

export function isCode(list: NamedCode[], code: string): boolean {
  return list.some((c) => c.code === code);
}
