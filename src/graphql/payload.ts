import { asUserErrors, type Outcome, type UserErrorShape } from '../errors.js';

type UserError = UserErrorShape & { rule: string | null };

/** A mutation payload from an Outcome: the value under its name, or null and the user errors. */
export function payload<K extends string, T>(name: K, outcome: Outcome<T>): { [P in K]: T | null } & { userErrors: UserError[] } {
  return (outcome.ok ? { [name]: outcome.value, userErrors: [] } : { [name]: null, userErrors: asUserErrors(outcome.userErrors) }) as {
    [P in K]: T | null;
  } & { userErrors: UserError[] };
}
