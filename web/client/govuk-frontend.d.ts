// govuk-frontend ships JavaScript without type declarations: the one function the pages use.
declare module 'govuk-frontend' {
  export function initAll(config?: { scope?: Element }): void;
}
