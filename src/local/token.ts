import { parseArgs } from 'node:util';
import { signLocalToken } from '../auth/tokens.js';
import { isStaffGroup, staffGroups } from '../auth/caller.js';
import { loadLocalSecrets } from './localState.js';

/**
 * npm run token -- --group <group> [--group <another>] [--name <name>] [--hours 8]
 * Prints a staff bearer token that only this machine's local server accepts.
 */
const HELP = `npm run token -- --group <group> [--group <another>] [--name <name>] [--hours 8]

Prints a staff bearer token that only this machine's local server (npm start) accepts.
  --group   a staff group, repeatable: ${staffGroups.join(', ')}
  --name    the staff member's user name (default local.staff)
  --hours   how long the token lasts, more than 0 and at most 24 (default 8)
  --help    this help

Example: TOKEN=$(npm run -s token -- --group web-content --name sam.web)`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      group: { type: 'string', multiple: true, default: [] },
      name: { type: 'string', default: 'local.staff' },
      hours: { type: 'string', default: '8' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
  process.exit(1);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const groups = values.group ?? [];
const unknown = groups.filter((g) => !isStaffGroup(g));
if (groups.length === 0 || unknown.length > 0) {
  console.error(`Give --group with one of: ${staffGroups.join(', ')}${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}.`);
  process.exit(1);
}
const hours = Number(values.hours);
if (!(hours > 0 && hours <= 24)) {
  console.error('--hours must be more than 0 and at most 24.');
  process.exit(1);
}
const { signingKey } = loadLocalSecrets();
console.log(signLocalToken(signingKey, { name: values.name!, groups, expiresInSeconds: Math.round(hours * 3600) }));
