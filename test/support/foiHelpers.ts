import { foiCaseType } from '../../src/foi/caseType.js';
import { caseHelpers } from './caseHelpers.js';
import type { TestApp } from './testApp.js';

/** caseHelpers for FOI requests, read with the given fields, acted on by an information-rights officer. */
export const foiHelpers = (app: () => TestApp, fields: string) =>
  caseHelpers(app, {
    read: `query($reference: String!) { foiRequest(reference: $reference) { ${fields} } }`,
    readField: 'foiRequest',
    payloadField: 'foiRequest',
    fields,
    caseType: foiCaseType,
    token: () => app().token('information-rights', 'fay.foi'),
  });
