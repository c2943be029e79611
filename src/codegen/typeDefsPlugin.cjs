// A graphql-codegen plugin: emits the merged schema (with its descriptions) as a TypeScript string,
// so the server needs no schema files at run time and the Lambda bundle is one file.
const { printSchema } = require('graphql');

module.exports = {
  plugin(schema) {
    return `/* Generated from schema/*.graphql by npm run codegen. Do not edit. */\nexport const typeDefs = ${JSON.stringify(printSchema(schema))};\n`;
  },
};
