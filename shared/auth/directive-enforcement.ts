import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  isInterfaceType,
  isObjectType,
  type ConstDirectiveNode,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { AUTHZ_DIRECTIVES, satisfiesDirectives } from './authz';
import { CodedError, ErrorCode } from '../runtime/errors';
import { ANONYMOUS, type Principal } from './principal';

/** Something that may carry applied directives: a definition node or one of its extensions. */
interface DirectiveCarrier {
  readonly directives?: ReadonlyArray<ConstDirectiveNode>;
}

/** The authorization directives applied on a definition and its extensions (other directives are left out). */
export function authzDirectivesOf(nodes: ReadonlyArray<DirectiveCarrier | null | undefined>): ConstDirectiveNode[] {
  const names: readonly string[] = AUTHZ_DIRECTIVES;
  return nodes.flatMap((node) => (node?.directives ?? []).filter((directive) => names.includes(directive.name.value)));
}

/**
 * A type's own directives plus those of every interface it implements. GraphQL has no inheritance,
 * but a requirement written on an interface describes the data, so an implementation must not offer
 * a way around it (the gateway applies the same rule).
 */
export function typeRequirements(type: GraphQLNamedType): ConstDirectiveNode[] {
  if (!isObjectType(type) && !isInterfaceType(type)) return [];
  return [type, ...type.getInterfaces()].flatMap((carrier) =>
    authzDirectivesOf([carrier.astNode, ...carrier.extensionASTNodes]),
  );
}

/** A field's own directives plus those of the same field on each interface of its type. */
function fieldRequirements(type: GraphQLObjectType | GraphQLInterfaceType, fieldName: string): ConstDirectiveNode[] {
  return [type, ...type.getInterfaces()].flatMap((carrier) =>
    authzDirectivesOf([carrier.getFields()[fieldName]?.astNode]),
  );
}

const isPrincipal = (value: unknown): value is Principal =>
  typeof value === 'object' &&
  value !== null &&
  'kind' in value &&
  ['anonymous', 'user', 'service', 'system'].includes(String(value.kind));

/** The caller as the subgraph context holds it; a context without one is treated as anonymous, so checks fail closed. */
function principalOf(context: unknown): Principal {
  if (typeof context === 'object' && context !== null && 'principal' in context && isPrincipal(context.principal))
    return context.principal;
  return ANONYMOUS;
}

const unauthorized = (): CodedError =>
  new CodedError(ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE, 'Unauthorized field or type');

/**
 * Decisions per request context and requirement list (each list is built once per field, so its
 * identity is a key): a guarded field in a list of a thousand rows is evaluated once, not a thousand times.
 */
const decisionsByContext = new WeakMap<object, Map<readonly ConstDirectiveNode[], boolean>>();

function isAllowed(context: unknown, requirements: readonly ConstDirectiveNode[]): boolean {
  if (typeof context !== 'object' || context === null) return satisfiesDirectives(ANONYMOUS, requirements);
  let decisions = decisionsByContext.get(context);
  if (!decisions) {
    decisions = new Map();
    decisionsByContext.set(context, decisions);
  }
  let decision = decisions.get(requirements);
  if (decision === undefined) {
    decision = satisfiesDirectives(principalOf(context), requirements);
    decisions.set(requirements, decision);
  }
  return decision;
}

function guardResolver(
  resolve: GraphQLFieldResolver<unknown, unknown>,
  requirements: readonly ConstDirectiveNode[],
): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    if (!isAllowed(context, requirements)) throw unauthorized();
    return resolve(source, args, context, info);
  };
}

type ReferenceResolver = (reference: object, context: unknown, info: GraphQLResolveInfo) => unknown;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * @apollo/subgraph (2.15) records `__resolveReference` in `type.extensions.apollo.subgraph.resolveReference`
 * (older releases set `type.resolveReference`) and its `_entities` resolver reads it from the schema
 * being executed, so the guarded resolver has to be written back there on the mapped type.
 */
function withGuardedReferenceResolver(
  extensions: Readonly<Record<string, unknown>> | null | undefined,
  requirements: readonly ConstDirectiveNode[],
): Record<string, unknown> {
  const apollo = isRecord(extensions?.apollo) ? extensions.apollo : {};
  const subgraph = isRecord(apollo.subgraph) ? apollo.subgraph : {};
  const original =
    typeof subgraph.resolveReference === 'function' ? (subgraph.resolveReference as ReferenceResolver) : undefined;
  const resolveReference: ReferenceResolver = (reference, context, info) => {
    // A rejected promise rather than a throw: `_entities` calls every resolver inside one `map`, so a
    // synchronous throw would fail the whole batch, while a rejection nulls only this representation.
    if (!isAllowed(context, requirements)) return Promise.reject(unauthorized());
    // Without a resolver of its own, @apollo/subgraph passes the representation through; so do we.
    return original ? original(reference, context, info) : reference;
  };
  return { ...extensions, apollo: { ...apollo, subgraph: { ...subgraph, resolveReference } } };
}

/** Federation's own entry points: entities are checked by their types and fields, so a root-type directive must not block them. */
const FEDERATION_ROOT_FIELDS = new Set(['_entities', '_service']);

/**
 * Makes a subgraph schema (as returned by buildSubgraphSchema) enforce the authorization directives:
 * a field whose own, parent-type or return-type requirements `context.principal` does not meet throws
 * UNAUTHORIZED_FIELD_OR_TYPE instead of resolving, and an entity type the principal may not see is
 * refused in `_entities`. The gateway checks the same directives before planning; this is the second
 * line, for callers that reach a subgraph some other way and for fields reached through interfaces.
 * No organisation is known here: resolvers check the resource's organisation themselves.
 */
export function enforceAuthzDirectives(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const requirements = typeRequirements(type);
      if (requirements.length === 0) return type;
      const config = type.toConfig();
      return new GraphQLObjectType({
        ...config,
        extensions: withGuardedReferenceResolver(config.extensions, requirements),
      });
    },
    // An interface with @key resolves its own references when `_entities` names the interface.
    [MapperKind.INTERFACE_TYPE]: (type) => {
      const requirements = typeRequirements(type);
      if (requirements.length === 0) return type;
      const config = type.toConfig();
      return new GraphQLInterfaceType({
        ...config,
        extensions: withGuardedReferenceResolver(config.extensions, requirements),
      });
    },
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName, originalSchema) => {
      const parent = originalSchema.getType(typeName);
      if (!isObjectType(parent)) return fieldConfig;
      if (parent === originalSchema.getQueryType() && FEDERATION_ROOT_FIELDS.has(fieldName)) return fieldConfig;
      const requirements = [
        ...fieldRequirements(parent, fieldName),
        ...typeRequirements(parent),
        ...typeRequirements(getNamedType(fieldConfig.type)),
      ];
      if (requirements.length === 0) return fieldConfig;
      return {
        ...fieldConfig,
        // Fields without a resolver of their own read the property, as graphql-js would.
        resolve: guardResolver(fieldConfig.resolve ?? defaultFieldResolver, requirements),
        ...(fieldConfig.subscribe ? { subscribe: guardResolver(fieldConfig.subscribe, requirements) } : {}),
      };
    },
  });
}
