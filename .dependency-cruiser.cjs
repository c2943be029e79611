// The layering rules, checked by `npm run depcruise` (and so by `npm test`).
//
// Violations that exist today and are being removed by the case-machinery refactor are recorded in
// .dependency-cruiser-known-violations.json and ignored (`--ignore-known`); any new one fails.
// When you remove one, regenerate the baseline:
//   npm run depcruise:baseline

/** The case-type folders. */
const AREAS = '(complaints|subjectAccess|foi|dataProtection|pageRatings)';

/** Pure domain code: the rules, clocks and calendars, testable without AWS or GraphQL. */
const DOMAIN = [
  '^src/(calendar|clocks|retention|redaction)/',
  `^src/${AREAS}/`,
  '^src/cases/(workflow[^/]*|contract|rules[^/]*)\\.ts$',
];
/** ...except the adapters: resolvers, repositories, services and stores. */
const NOT_DOMAIN = [
  '^src/clocks/resolvers\\.ts$',
  `^src/${AREAS}/(resolvers|repository|service)\\.ts$`,
  `^src/${AREAS}/.+/(resolvers|repository|service)\\.ts$`,
  `^src/${AREAS}/.*(Repository|Service|Store)\\.ts$`,
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-pure',
      severity: 'error',
      comment:
        'Domain code (calendar, clocks, retention, redaction, the rules/actions/validation/models of each case type, ' +
        'and the shared case workflow/contract/rules) must stay pure: no AWS SDK, no GraphQL runtime and ' +
        'nothing from src/store/, so it can be unit-tested without a database or a server and reused by any ' +
        'adapter. Type-only imports are allowed (they vanish at compile time).',
      from: { path: DOMAIN, pathNot: NOT_DOMAIN },
      to: {
        path: [
          '^(node_modules/)?(@aws-sdk|@apollo|@as-integrations|@envelop|@escape\\.tech)/',
          '^(node_modules/)?graphql(/|$)',
          '^src/store/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'store-imports-no-domain',
      severity: 'error',
      comment:
        'src/store/ is the DynamoDB layer below the domain: it may use src/errors.ts, the generated GraphQL ' +
        'types (src/generated/) and the retention schedule, but nothing else from src/, so that the domain ' +
        'depends on the store and never the other way round.',
      from: { path: '^src/store/' },
      to: {
        path: '^src/',
        pathNot: ['^src/store/', '^src/errors\\.ts$', '^src/generated/', '^src/retention/'],
      },
    },
    {
      name: 'areas-independent',
      severity: 'error',
      comment:
        'Each case type (complaints, subject access, FOI, data protection, page ratings) stands alone: ' +
        'what they share lives in src/cases/ (or below), so one can change or be removed without touching ' +
        'the others.',
      from: { path: `^src/${AREAS}/` },
      to: { path: `^src/${AREAS}/`, pathNot: '^src/$1/' },
    },
    {
      name: 'resolvers-no-store',
      severity: 'error',
      comment:
        'Resolvers are thin: they hand the request to a service and shape the answer. Reaching the store ' +
        'directly would skip validation, authorization-aware rules and auditing in the service.',
      from: { path: '(^|/)resolvers\\.ts$' },
      to: { path: '^src/store/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles among src/ files: a cycle makes load order matter and the modules impossible ' +
        'to understand (or test) one at a time. Type-only imports count too, with one exception: cycles ' +
        'through src/generated/ are allowed, because the generated resolver types must name our models and ' +
        'context (codegen mappers) while those modules use the generated types; they are all type-only ' +
        '(the generated file has no runtime imports of ours) and vanish at compile time.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { pathNot: ['^src/generated/'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Keep `import type` edges in the graph (and mark them type-only) so the rules can tell them apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
