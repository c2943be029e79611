// A graphql-codegen plugin: emits the merged schema as TypeScript, so the server needs no schema
// files at run time. Two forms (issue 12, cold start):
// - `typeDefs` (src/generated/typeDefs.ts): the schema with every description, for introspection
//   (npm start, GraphiQL, clients' codegen) and the docs;
// - `runtimeTypeDefs` (src/generated/runtimeSchema.ts): the same schema without descriptions, a third
//   of the size to parse at a Lambda cold start, where introspection is off; with the facts the
//   server would otherwise read from the schema text at start-up, worked out here once.
const { printSchema, isObjectType, visit, parse, print } = require('graphql');

const HEADER = '/* Generated from schema/*.graphql by npm run codegen. Do not edit. */\n';

function withoutDescriptions(sdl) {
  return print(visit(parse(sdl, { noLocation: true }), { enter: (node) => ('description' in node && node.description ? { ...node, description: undefined } : undefined) }));
}

module.exports = {
  plugin(schema, _documents, config) {
    if (config.form !== 'runtime') return `${HEADER}export const typeDefs = ${JSON.stringify(printSchema(schema))};\n`;
    const objectTypes = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__'));
    const typesWithIds = objectTypes.filter((t) => 'id' in t.getFields()).map((t) => t.name);
    const query = schema.getQueryType();
    const paginatedQueryFields = Object.values(query.getFields())
      .filter((f) => f.args.some((a) => a.name === 'after'))
      .map((f) => f.name);
    return (
      HEADER +
      `/** The schema without its descriptions (see src/codegen/typeDefsPlugin.cjs). */\n` +
      `export const runtimeTypeDefs = ${JSON.stringify(withoutDescriptions(printSchema(schema)))};\n` +
      `/** The object types that have an \`id\` field. */\n` +
      `export const typesWithIds: readonly string[] = ${JSON.stringify(typesWithIds)};\n` +
      `/** The root Query fields that take \`after\`: the paginated lists. */\n` +
      `export const paginatedQueryFields: readonly string[] = ${JSON.stringify(paginatedQueryFields)};\n`
    );
  },
};
