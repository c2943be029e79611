import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KeyedHasher } from '../crypto/keyedHash.js';
import { checkLocalSigningKey, generateLocalSigningKey, type LocalSigningKey } from '../auth/tokens.js';

/**
 * The local server's own secrets, made on first run and kept in .local/ (git-ignored): the
 * application secret and the key pair that signs local staff tokens. Deleting the folder resets
 * everything local, data included.
 */
export const LOCAL_DIR = resolve(import.meta.dirname, '../..', '.local');

export interface LocalSecrets {
  appSecret: Buffer;
  signingKey: LocalSigningKey;
}

export function loadLocalSecrets(dir = LOCAL_DIR): LocalSecrets {
  const file = join(dir, 'secrets.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const fresh = { appSecret: KeyedHasher.randomSecret().toString('hex'), signingKey: generateLocalSigningKey() };
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { appSecret: string; signingKey: LocalSigningKey };
  checkLocalSigningKey(stored.signingKey);
  return { appSecret: Buffer.from(stored.appSecret, 'hex'), signingKey: stored.signingKey };
}
