import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, printSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decideNode, nodeReadFields, operationPolicy } from '../../src/auth/policy.js';
import { typeDefs } from '../../src/generated/typeDefs.js';
import { globalId, parseGlobalId, STAFF_ID_TYPES } from '../../src/graphql/ids.js';
import { paginatedQueryFields, runtimeTypeDefs, typesWithIds } from '../../src/generated/runtimeSchema.js';

const schema = buildSchema(typeDefs);
const objectTypes = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));

/** Objects with a reference that are not records of their own, and why. */
const VALUE_OBJECTS: Record<string, string> = {
  LinkedComplaint: 'a link recorded on its complaint (reason, by, day): the other complaint is read by its reference',
};

describe('client conventions in the schema', () => {
  it('every object a client may cache by identity (anything with a reference) has id: ID!', () => {
    const missing = objectTypes.filter((t) => t.getFields().reference && !t.getFields().id && !VALUE_OBJECTS[t.name]).map((t) => t.name);
    expect(missing).toEqual([]);
    for (const t of objectTypes.filter((t) => t.getFields().id)) expect(String(t.getFields().id!.type), t.name).toBe('ID!');
  });

  it('Node is implemented by exactly the kinds node(id:) may fetch, each with a policy entry of its own', () => {
    const node = schema.getType('Node');
    expect(isInterfaceType(node)).toBe(true);
    const implementers = schema.getPossibleTypes(node as never).map((t) => t.name).sort();
    expect(implementers).toEqual(Object.keys(nodeReadFields).sort());
    for (const [type, field] of Object.entries(nodeReadFields)) {
      expect(operationPolicy.Query[field], `${type} is read with ${field}`).toMatchObject({ kind: 'staff' });
      expect(STAFF_ID_TYPES.has(type), type).toBe(true);
    }
  });

  it('node(id:) refuses any kind not listed, and a kind of another team (deny by default)', () => {
    const staff = (group: 'web-content' | 'professional-standards') => ({ kind: 'staff' as const, id: 's', name: 's', groups: [group], sourceHash: 'h' });
    expect(decideNode(staff('web-content'), 'PageRating')).toBe('ALLOWED');
    expect(decideNode(staff('web-content'), 'Complaint')).toBe('FORBIDDEN');
    expect(decideNode(staff('professional-standards'), 'Complaint')).toBe('ALLOWED');
    for (const kind of ['ComplaintQueueItem', 'TrackedCase', 'Query', 'constructor', '__proto__', 'toString']) {
      expect(decideNode(staff('professional-standards'), kind), kind).toBe('FORBIDDEN');
    }
    expect(decideNode({ kind: 'anonymous', sourceHash: 'h' }, 'PageRating')).toBe('UNAUTHENTICATED');
  });

  it('staff ids are global ids; every other type with an id (every public one) gets an opaque one', () => {
    for (const type of STAFF_ID_TYPES) expect(typesWithIds, type).toContain(type);
    for (const publicType of ['TrackedCase', 'SubmissionReceipt', 'DisclosureEntry']) {
      expect(typesWithIds).toContain(publicType);
      expect(STAFF_ID_TYPES.has(publicType), publicType).toBe(false);
    }
    const id = globalId('Complaint', 'CMP-2026-000001');
    expect(parseGlobalId(id)).toEqual({ type: 'Complaint', key: 'CMP-2026-000001' });
    for (const bad of ['', 'not-an-id', `${id}=`, `${id}.x`, Buffer.from('complaint:CMP').toString('base64url'), 'a'.repeat(500)]) expect(parseGlobalId(bad), bad).toBeUndefined();
  });

  it('the server runs on the described schema without its descriptions; codegen lists its id types and paginated lists', () => {
    const undescribed = buildSchema(typeDefs);
    undescribed.description = undefined;
    for (const type of Object.values(undescribed.getTypeMap())) {
      type.description = undefined;
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          field.description = undefined;
          for (const arg of 'args' in field ? field.args : []) arg.description = undefined;
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) value.description = undefined;
    }
    for (const directive of undescribed.getDirectives()) {
      directive.description = undefined;
      for (const arg of directive.args) arg.description = undefined;
    }
    expect(printSchema(buildSchema(runtimeTypeDefs))).toBe(printSchema(undescribed));
    expect(runtimeTypeDefs).not.toContain('"""');
    expect(runtimeTypeDefs.length).toBeLessThan(typeDefs.length / 2);
    const withIds = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__') && 'id' in t.getFields()).map((t) => t.name);
    expect([...typesWithIds].sort()).toEqual(withIds.sort());
  });

  it('every paginated list returns a Relay connection with the full PageInfo', () => {
    const pageInfo = schema.getType('PageInfo') as GraphQLObjectType;
    expect(Object.keys(pageInfo.getFields()).sort()).toEqual(['endCursor', 'hasNextPage', 'hasPreviousPage', 'startCursor']);
    const lists = paginatedQueryFields;
    expect(lists.length).toBeGreaterThanOrEqual(9);
    for (const field of lists) {
      const type = schema.getQueryType()!.getFields()[field]!.type.toString().replace(/!$/, '');
      expect(String((schema.getType(type) as GraphQLObjectType).getFields().pageInfo?.type), field).toBe('PageInfo!');
    }
  });
});
