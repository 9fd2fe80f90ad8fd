// schema.js — the standard introspection query and a small read-only model of
// its answer, shared by completion, the docs explorer and the highlighter.

const TYPE_REF = `kind name ofType { kind name ofType { kind name ofType { kind name ofType {
  kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`;

// graphql-js 16's getIntrospectionQuery() with its default options.
export const INTROSPECTION_QUERY = `query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { ${TYPE_REF} }`;

const TYPENAME = {
  name: '__typename', description: 'The name of the current Object type at runtime.',
  args: [], type: { kind: 'NON_NULL', ofType: { kind: 'SCALAR', name: 'String' } },
};
const SCHEMA_FIELD = {
  name: '__schema', description: 'Access the current type schema of this server.',
  args: [], type: { kind: 'NON_NULL', ofType: { kind: 'OBJECT', name: '__Schema' } },
};
const TYPE_FIELD = {
  name: '__type', description: 'Request the type information of a single type.',
  args: [{ name: 'name', type: { kind: 'NON_NULL', ofType: { kind: 'SCALAR', name: 'String' } }, defaultValue: null }],
  type: { kind: 'OBJECT', name: '__Type' },
};

export class Schema {
  constructor(data) {
    const s = data && data.__schema;
    if (!s || !Array.isArray(s.types)) throw new Error('The introspection result has no __schema.types');
    this.types = new Map(s.types.map((t) => [t.name, t]));
    this.queryType = s.queryType ? this.types.get(s.queryType.name) : null;
    this.mutationType = s.mutationType ? this.types.get(s.mutationType.name) : null;
    this.subscriptionType = s.subscriptionType ? this.types.get(s.subscriptionType.name) : null;
    this.directives = s.directives || [];
  }

  getType(name) { return (name && this.types.get(name)) || null; }

  rootFor(operation) {
    return operation === 'mutation' ? this.mutationType
      : operation === 'subscription' ? this.subscriptionType : this.queryType;
  }

  // The fields that can be selected on a composite type, meta-fields included.
  fieldsOf(type) {
    if (!type) return [];
    const own = type.fields || [];
    if (!isComposite(type)) return [];
    const meta = [TYPENAME];
    if (type === this.queryType) meta.push(SCHEMA_FIELD, TYPE_FIELD);
    return own.concat(meta);
  }

  field(type, name) { return this.fieldsOf(type).find((f) => f.name === name) || null; }

  // The named type under a type reference.
  named(ref) { return this.getType(namedName(ref)); }

  userTypes() { return [...this.types.values()].filter((t) => !t.name.startsWith('__')); }
}

export function namedName(ref) {
  while (ref && ref.ofType) ref = ref.ofType;
  return ref ? ref.name : null;
}

export function typeString(ref) {
  if (!ref) return '';
  if (ref.kind === 'NON_NULL') return typeString(ref.ofType) + '!';
  if (ref.kind === 'LIST') return '[' + typeString(ref.ofType) + ']';
  return ref.name;
}

// The type of one list element: [T]! -> T
export function listItem(ref) {
  if (ref && ref.kind === 'NON_NULL') ref = ref.ofType;
  return ref && ref.kind === 'LIST' ? ref.ofType : ref;
}

export const isComposite = (t) => !!t && (t.kind === 'OBJECT' || t.kind === 'INTERFACE' || t.kind === 'UNION');
export const isInput = (t) => !!t && (t.kind === 'SCALAR' || t.kind === 'ENUM' || t.kind === 'INPUT_OBJECT');
export const isLeaf = (t) => !!t && (t.kind === 'SCALAR' || t.kind === 'ENUM');
