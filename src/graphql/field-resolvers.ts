/**
 * Field resolvers of object types without type-graphql's per-call machinery.
 *
 * type-graphql runs every field of an object type through its middleware runner. Where the field has
 * a role list (every @FieldResolver here: the resolver class's @Authorized applies to its fields) the
 * role check is an async middleware, so each such field of each row returns a promise, its @Root()
 * is copied into a class instance, and its parameters are sorted again — per call. A page of 50
 * participants makes some 300 of those calls; measured with `node --cpu-prof` under `npm run bench`
 * they were a fifth of the server's CPU for the case list.
 *
 * Plain @Field properties need nothing of this: every object type is declared with type-graphql's own
 * `simpleResolvers: true`, so graphql-js reads them directly.
 *
 * After the schema is built, this replaces, on object types (never Query or Mutation), @FieldResolver
 * methods whose only middleware is the role check and whose parameters are @Root(), @Ctx() and @Info()
 * by a function that runs the same authChecker synchronously, throws the same type-graphql errors
 * (AuthenticationError without roles, AuthorizationError with), and calls the method with the same
 * arguments. Anything else (arguments to validate, other middleware, @Root of a class with behaviour of
 * its own) keeps type-graphql's resolver. Root operations always keep it: their arguments are validated.
 *
 * It fails closed: a global middleware (buildSchema's globalMiddlewares) would run on type-graphql's
 * resolvers and not on these, so with any configured it refuses to build the schema.
 */
import { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { AuthenticationError, AuthorizationError, getMetadataStorage } from 'type-graphql';

/** A synchronous authChecker function (src/graphql/schema.ts has one). */
export type SyncAuthChecker = (data: { root: unknown; args: unknown; context: never; info: unknown }, roles: string[]) => boolean;

interface ParamMeta {
  kind: string;
  index: number;
  propertyName?: string;
  getType?: () => unknown;
}
interface FieldResolverMeta {
  kind: 'internal' | 'external';
  target: new () => Record<string, (...args: unknown[]) => unknown>;
  methodName: string;
  schemaName: string;
  roles?: string[];
  middlewares: unknown[];
  params?: ParamMeta[];
  getObjectType?: () => unknown;
}
interface FieldMeta {
  target: unknown;
  name: string;
  schemaName: string;
  roles?: string[];
  middlewares: unknown[];
  simple?: boolean;
}
interface ObjectTypeMeta {
  name: string;
  target: new () => unknown;
  fields?: FieldMeta[];
}
interface Storage {
  objectTypes: ObjectTypeMeta[];
  fields: FieldMeta[];
  fieldResolvers: FieldResolverMeta[];
}

/** What was replaced, for the tests: `Type.field` → the roles its resolver checks (null: no role check). */
export interface FastFieldReport {
  fieldResolvers: Map<string, string[] | null>;
  /** Plain properties resolved by graphql-js itself (simpleResolvers): no resolver function at all. */
  properties: Set<string>;
  kept: Set<string>;
}

/**
 * A class whose instances are only their data: no methods or accessors of its own, no field
 * initialisers. type-graphql's @Root() copies a plain object into such a class; reading the plain
 * object is the same.
 */
function isPlainDataClass(cls: unknown): boolean {
  if (typeof cls !== 'function' || cls === Object) return cls === Object;
  for (let proto = (cls as { prototype: object }).prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.getOwnPropertyNames(proto).some((n) => n !== 'constructor')) return false;
  }
  try {
    const instance = new (cls as new () => Record<string, unknown>)();
    return Object.values(instance).every((v) => v === undefined);
  } catch {
    return false;
  }
}

type ParamGetter = (root: unknown, context: unknown, info: unknown) => unknown;

function paramGetter(p: ParamMeta): ParamGetter | null {
  switch (p.kind) {
    case 'root': {
      const type = p.getType?.();
      if (type !== undefined && !isPlainDataClass(type)) return null;
      const prop = p.propertyName;
      return prop ? (root) => (root as Record<string, unknown>)[prop] : (root) => root;
    }
    case 'context': {
      const prop = p.propertyName;
      return prop ? (_r, context) => (context as Record<string, unknown>)[prop] : (_r, context) => context;
    }
    case 'info':
      return (_r, _c, info) => info;
    default:
      return null;
  }
}

function fastFieldResolver(
  meta: FieldResolverMeta,
  authChecker: SyncAuthChecker,
  instance: Record<string, (...args: unknown[]) => unknown>,
): GraphQLFieldResolver<unknown, unknown> | null {
  if (meta.kind !== 'external' || meta.middlewares.length > 0) return null;
  const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
  const getters = params.map(paramGetter);
  if (getters.some((g) => g === null)) return null;
  const get = getters as ParamGetter[];
  const method = instance[meta.methodName];
  if (typeof method !== 'function') return null;
  const roles = meta.roles;
  const call =
    get.length === 1
      ? (root: unknown, context: unknown, info: unknown) => method.call(instance, get[0](root, context, info))
      : get.length === 2
        ? (root: unknown, context: unknown, info: unknown) => method.call(instance, get[0](root, context, info), get[1](root, context, info))
        : (root: unknown, context: unknown, info: unknown) =>
            method.apply(
              instance,
              get.map((g) => g(root, context, info)),
            );
  if (!roles) return (root, args, context, info) => call(root, context, info);
  return (root, args, context, info) => {
    // The same check type-graphql's AuthMiddleware makes (authMode "error"), without a promise.
    if (!authChecker({ root, args, context: context as never, info }, roles)) {
      throw roles.length === 0 ? new AuthenticationError() : new AuthorizationError();
    }
    return call(root, context, info);
  };
}

/** The @Field metadata behind a schema field: the class's own, else the nearest superclass's (as type-graphql merges them). */
function declaredField(storage: Storage, cls: unknown, schemaName: string): FieldMeta | undefined {
  for (let c = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    // Built metadata: the type's own fields, including those its field resolvers added.
    const own = storage.objectTypes.find((o) => o.target === c)?.fields ?? storage.fields.filter((f) => f.target === c);
    const found = own.find((f) => f.schemaName === schemaName);
    if (found) return found;
  }
  return undefined;
}

/** Replaces the resolvers of object-type fields as described above; returns what it did. */
export function installFastFieldResolvers(
  schema: GraphQLSchema,
  resolverClasses: readonly unknown[],
  authChecker: SyncAuthChecker,
  buildOptions: { globalMiddlewares?: readonly unknown[] } = {},
): FastFieldReport {
  if (buildOptions.globalMiddlewares?.length) {
    throw new Error('installFastFieldResolvers: global middlewares are configured and would not run on the fast field resolvers; remove one or the other');
  }
  const storage = getMetadataStorage() as unknown as Storage;
  const report: FastFieldReport = { fieldResolvers: new Map(), properties: new Set(), kept: new Set() };
  const instances = new Map<unknown, Record<string, (...args: unknown[]) => unknown>>();
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  // The field resolvers type-graphql used for this schema (its own filter).
  const fieldResolvers = storage.fieldResolvers.filter((r) => r.kind === 'internal' || resolverClasses.includes(r.target));
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType) || roots.has(type)) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      if (!field.resolve) {
        report.properties.add(`${type.name}.${name}`);
        continue;
      }
      const key = `${type.name}.${name}`;
      const fieldMeta = declaredField(storage, objectType.target, name);
      if (!fieldMeta) {
        report.kept.add(key);
        continue;
      }
      // As type-graphql finds it: declared for the class that declares the field, by method name.
      const resolverMeta = fieldResolvers.find((r) => r.getObjectType?.() === fieldMeta.target && r.methodName === fieldMeta.name);
      if (resolverMeta) {
        let instance = instances.get(resolverMeta.target);
        if (!instance) instances.set(resolverMeta.target, (instance = new resolverMeta.target()));
        const fast = fastFieldResolver(resolverMeta, authChecker, instance);
        if (fast) {
          field.resolve = fast;
          report.fieldResolvers.set(key, resolverMeta.roles ?? null);
        } else report.kept.add(key);
        continue;
      }
      // A property type-graphql resolves itself (a role or middleware on it, or a type without simpleResolvers).
      report.kept.add(key);
    }
  }
  return report;
}
