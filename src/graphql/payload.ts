import type { Outcome } from '../errors.js';

/** A mutation payload from an Outcome: the value under its name, or null and the user errors. */
export function payload<K extends string, T>(name: K, outcome: Outcome<T>): { [P in K]: T | null } & { userErrors: import('../errors.js').UserErrorShape[] } {
  return (outcome.ok
    ? { [name]: outcome.value, userErrors: [] }
    : { [name]: null, userErrors: outcome.userErrors }) as { [P in K]: T | null } & { userErrors: import('../errors.js').UserErrorShape[] };
}
