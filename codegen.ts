import type { CodegenConfig } from '@graphql-codegen/cli';

// Schema first: schema/*.graphql is the source of truth. This writes the resolver types
// (src/generated/graphql.ts, types only), the merged SDL (src/generated/typeDefs.ts) and the SDL
// without descriptions the server runs on (src/generated/runtimeSchema.ts).
// It runs on npm install, npm start, npm test and cdk synth; src/generated is not committed.
const config: CodegenConfig = {
  schema: 'schema/**/*.graphql',
  silent: true,
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../graphql/context.js#GraphQLContext',
        scalars: { Date: 'string', DateTime: 'string' },
        mappers: {
          PageRating: '../pageRatings/model.js#PageRatingRecord',
          Complaint: '../complaints/model.js#ComplaintRecord',
          Allegation: '../complaints/model.js#AllegationRecord',
          SubjectAccessRequest: '../subjectAccess/model.js#SarRecord',
          FoiRequest: '../foi/model.js#FoiRecord',
          AuditEntry: '../audit/model.js#AuditRecord',
          PageInfo: '../graphql/pageInfo.js#ListPageInfo',
          // Without their id, which src/graphql/ids.ts adds:
          TrackedCase: '../graphql/ids.js#TrackedCaseRow',
          SubmissionReceipt: '../graphql/ids.js#SubmissionReceiptRow',
          DisclosureEntry: '../graphql/ids.js#DisclosureEntryRow',
          ComplaintQueueItem: '../graphql/ids.js#ComplaintQueueItemRow',
          SubjectAccessQueueItem: '../graphql/ids.js#SubjectAccessQueueItemRow',
          FoiQueueItem: '../graphql/ids.js#FoiQueueItemRow',
          DataProtectionComplaintQueueItem: '../graphql/ids.js#DataProtectionComplaintQueueItemRow',
          DataProtectionComplaint: '../graphql/ids.js#DataProtectionComplaintRow',
          RatedPage: '../graphql/ids.js#RatedPageRow',
          ResearchContact: '../graphql/ids.js#ResearchContactRow',
        },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
      },
    },
    'src/generated/typeDefs.ts': {
      plugins: ['./src/codegen/typeDefsPlugin.cjs'],
    },
    // What the server builds its schema from: the same schema without descriptions (issue 12).
    'src/generated/runtimeSchema.ts': {
      plugins: [{ './src/codegen/typeDefsPlugin.cjs': { form: 'runtime' } }],
    },
    // The public pages' operations (web/operations.ts), typed by the client preset. String
    // documents: the browser sends the text as it is, the form routes run the same text.
    'src/generated/web/': {
      preset: 'client',
      documents: ['web/operations.ts'],
      presetConfig: { fragmentMasking: false },
      config: { documentMode: 'string', useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string', DateTime: 'string' } },
    },
  },
};

export default config;
