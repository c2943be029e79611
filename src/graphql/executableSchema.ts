import {
  buildASTSchema,
  GraphQLScalarType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';

type ResolverMap = Record<string, unknown>;

/**
 * The executable schema: the SDL built once (no locations kept, the SDL taken as valid: it is
 * codegen's own print of a schema graphql-js has already validated, and test/unit/executableSchema
 * .test.ts validates it again) and the resolvers set on its fields in place.
 *
 * This is what `makeExecutableSchema` does for Apollo, without its second and third passes (merging
 * the type definitions, validating the SDL, then rebuilding the whole schema to add resolvers),
 * which were most of a Lambda cold start (issue 12). Like it, a resolver for a type or field the
 * schema does not have is an error at start-up, not a silent no-op.
 */
export function buildExecutableSchema(sdl: string, resolvers: ResolverMap): GraphQLSchema {
  // assumeValid: graphql-js would otherwise validate the whole schema again on the first request;
  // codegen built this text from a schema graphql-js validated, and a unit test validates it too.
  const schema = buildASTSchema(parse(sdl, { noLocation: true }), { assumeValidSDL: true, assumeValid: true });
  for (const [typeName, typeResolvers] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!type) throw new Error(`resolvers for ${typeName}, which the schema does not have`);
    if (isScalarType(type)) {
      if (!(typeResolvers instanceof GraphQLScalarType)) throw new Error(`the scalar ${typeName} needs a GraphQLScalarType`);
      type.serialize = typeResolvers.serialize;
      type.parseValue = typeResolvers.parseValue;
      type.parseLiteral = typeResolvers.parseLiteral;
      continue;
    }
    for (const [name, resolver] of Object.entries(typeResolvers as ResolverMap)) {
      if (name === '__resolveType' && (isInterfaceType(type) || isUnionType(type))) {
        type.resolveType = resolver as typeof type.resolveType;
      } else if (name === '__isTypeOf' && isObjectType(type)) {
        type.isTypeOf = resolver as typeof type.isTypeOf;
      } else if (isObjectType(type) || isInterfaceType(type)) {
        const field = type.getFields()[name];
        if (!field) throw new Error(`a resolver for ${typeName}.${name}, which the schema does not have`);
        field.resolve = (typeof resolver === 'function' ? resolver : (resolver as { resolve: unknown }).resolve) as GraphQLFieldResolver<unknown, unknown>;
      } else {
        throw new Error(`resolvers for ${typeName}.${name} are not supported (only fields, __resolveType, __isTypeOf and scalars)`);
      }
    }
  }
  return schema;
}
