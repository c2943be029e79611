import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import { UnauthenticatedError } from '../errors.js';
import { isStaffGroup, type StaffGroup } from './caller.js';

/**
 * Bearer tokens. Deployed, staff sign in to the Cognito user pool and send its access token, which
 * is verified in full (signature against the pool's keys, issuer, client, expiry, token use) by
 * aws-jwt-verify. Locally, a key pair made on first run signs tokens that only the local server
 * accepts, with the same claims a Cognito access token has, verified by the same library.
 */
export interface VerifiedStaff {
  id: string;
  name: string;
  groups: StaffGroup[];
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedStaff>;
}

function staffFrom(payload: Record<string, unknown>): VerifiedStaff {
  const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as unknown[]) : [];
  return {
    id: String(payload.sub),
    name: String(payload.username ?? payload['cognito:username'] ?? payload.sub),
    groups: groups.filter((g): g is StaffGroup => typeof g === 'string' && isStaffGroup(g)),
  };
}

async function verified(check: () => Promise<Record<string, unknown>>): Promise<VerifiedStaff> {
  try {
    return staffFrom(await check());
  } catch {
    // The library's message may quote claims from the token: it is not passed on.
    throw new UnauthenticatedError();
  }
}

export function cognitoTokenVerifier(options: { userPoolId: string; clientId: string }): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId: options.userPoolId, clientId: options.clientId, tokenUse: 'access' });
  return { verify: (token) => verified(() => verifier.verify(token) as Promise<Record<string, unknown>>) };
}

export const LOCAL_ISSUER = 'https://contact-counts.local/issuer';
export const LOCAL_AUDIENCE = 'contact-counts-local';

export interface LocalSigningKey {
  kid: string;
  privateKeyPem: string;
  publicJwk: Record<string, unknown>;
}

export function generateLocalSigningKey(): LocalSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  return {
    kid,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
  };
}

export function localTokenVerifier(key: LocalSigningKey): TokenVerifier {
  const verifier = JwtRsaVerifier.create({
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    jwksUri: `${LOCAL_ISSUER}/jwks.json`,
  });
  verifier.cacheJwks({ keys: [key.publicJwk as never] });
  return { verify: (token) => verified(() => verifier.verify(token) as Promise<Record<string, unknown>>) };
}

/** Signs a local staff token (RS256) carrying the same claims as a Cognito access token. */
export function signLocalToken(
  key: LocalSigningKey,
  claims: { name: string; groups: string[]; id?: string; expiresInSeconds?: number; now?: Date },
): string {
  const iat = Math.floor((claims.now ?? new Date()).getTime() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: key.kid };
  const payload = {
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    sub: claims.id ?? `local-${claims.name}`,
    username: claims.name,
    'cognito:groups': claims.groups,
    token_use: 'access',
    iat,
    exp: iat + (claims.expiresInSeconds ?? 8 * 3600),
  };
  const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(payload)}`;
  const signature = sign('sha256', Buffer.from(unsigned), createPrivateKey(key.privateKeyPem)).toString('base64url');
  return `${unsigned}.${signature}`;
}

/** Checks a stored key pair still fits together (a hand-edited key file fails here, clearly). */
export function checkLocalSigningKey(key: LocalSigningKey): void {
  const fromPrivate = createPublicKey(createPrivateKey(key.privateKeyPem)).export({ format: 'jwk' });
  if (fromPrivate.n !== key.publicJwk.n) throw new Error('the local signing key pair does not match');
}
