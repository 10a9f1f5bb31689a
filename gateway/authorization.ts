import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  getNamedType,
  getOperationAST,
  GraphQLError,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  print,
  visit,
  type ASTNode,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLFormattedError,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import { satisfiesDirectives } from '../shared/auth/authz';
import { authzDirectivesOf } from '../shared/auth/directive-enforcement';
import { CodedError, ErrorCode } from '../shared/runtime/errors';
import type { Principal } from '../shared/auth/principal';
import type { GatewayContext } from './context';

/**
 * Where the authorization directives sit in the supergraph. Read from the supergraph SDL because the
 * API schema @apollo/gateway derives from it does not promise to keep applied directives.
 */
export interface AuthorizationIndex {
  /** Object and interface type name -> its directives (definition and extensions). */
  readonly types: ReadonlyMap<string, readonly ConstDirectiveNode[]>;
  /** `Type.field` -> the field's directives, for object and interface fields. */
  readonly fields: ReadonlyMap<string, readonly ConstDirectiveNode[]>;
}

/** A field taken out of an operation. */
export interface RemovedField {
  /** Response path (aliases as written); "@" stands for every element of a list, as Apollo Router writes it. */
  path: string[];
  /**
   * Set when the field was selected under a fragment narrower than the field that holds it (for
   * example `node { ... on User { email } }`): only objects of these runtime types get the null.
   */
  onlyForTypes?: string[];
}

export interface AuthorizationResult {
  /** The operation to plan: the original document when nothing was removed. */
  document: DocumentNode;
  removed: RemovedField[];
}

export const UNAUTHORIZED_MESSAGE = 'Unauthorized field or type';

/**
 * Response key added where the rewrite needs a selection: to keep a selection set that lost every
 * field valid, and to learn an object's runtime type when a removal applies to some types only.
 * It is `__typename`, which never reaches a subgraph as a field of its own, and is deleted from the
 * response; clients may not use it as an alias.
 */
export const PLACEHOLDER_KEY = '__authz_placeholder';

const PLACEHOLDER_FIELD: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: PLACEHOLDER_KEY },
  name: { kind: Kind.NAME, value: '__typename' },
};

/** Records the authorization directives of every object/interface type and field of a supergraph. */
export function buildAuthorizationIndex(supergraphSdl: string): AuthorizationIndex {
  const types = new Map<string, ConstDirectiveNode[]>();
  const fields = new Map<string, ConstDirectiveNode[]>();
  const append = (map: Map<string, ConstDirectiveNode[]>, key: string, directives: ConstDirectiveNode[]): void => {
    if (directives.length > 0) map.set(key, [...(map.get(key) ?? []), ...directives]);
  };
  for (const definition of parse(supergraphSdl, { noLocation: true }).definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION: {
        const typeName = definition.name.value;
        append(types, typeName, authzDirectivesOf([definition]));
        for (const field of definition.fields ?? [])
          append(fields, `${typeName}.${field.name.value}`, authzDirectivesOf([field]));
        break;
      }
      default:
        break;
    }
  }
  return { types, fields };
}

/** A removal seen from inside a selection set, before the field holding that set has been reached. */
interface LocalRemoval {
  responseKey: string;
  /** Runtime types the enclosing fragments narrowed to; null when no fragment narrowed. */
  narrowedTo: ReadonlySet<string> | null;
}

interface RewrittenSelections {
  selections: readonly SelectionNode[];
  changed: boolean;
  /** Fields removed directly from this response object. */
  local: LocalRemoval[];
  /** Fields removed deeper down, paths relative to this response object. */
  nested: RemovedField[];
}

const intersect = (a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): ReadonlySet<string> | null =>
  a === null ? b : b === null ? a : new Set([...a].filter((name) => b.has(name)));

/** One "@" per list wrapper, outermost first: `[[User!]]!` gives two. */
function listMarkers(type: GraphQLOutputType): string[] {
  const markers: string[] = [];
  let current: GraphQLOutputType = type;
  while (isNonNullType(current) || isListType(current)) {
    if (isListType(current)) markers.push('@');
    current = current.ofType;
  }
  return markers;
}

/**
 * Walks one operation against the API schema. Authorization depends on types only (parent type,
 * field, return type), never on where a selection sits, so each named fragment is rewritten once
 * and its spreads stay spreads: only the removed paths differ per spread, and those are computed
 * per spread site.
 */
class OperationRewriter {
  private readonly fragmentResults = new Map<string, RewrittenSelections>();
  private readonly decisions = new Map<string, boolean>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly index: AuthorizationIndex,
    private readonly principal: Principal,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}

  rewrittenFragment(name: string): RewrittenSelections | undefined {
    const existing = this.fragmentResults.get(name);
    if (existing) return existing;
    const definition = this.fragments.get(name);
    const type = definition && this.schema.getType(definition.typeCondition.name.value);
    if (!definition || !isCompositeType(type)) return undefined;
    const result = this.rewriteSelections(definition.selectionSet.selections, type);
    this.fragmentResults.set(name, result);
    return result;
  }

  rewriteSelections(selections: readonly SelectionNode[], parentType: GraphQLCompositeType): RewrittenSelections {
    const result: RewrittenSelections = { selections: [], changed: false, local: [], nested: [] };
    const kept: SelectionNode[] = [];
    for (const selection of selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          this.rewriteField(selection, parentType, kept, result);
          break;
        case Kind.INLINE_FRAGMENT: {
          const conditionType = selection.typeCondition
            ? this.schema.getType(selection.typeCondition.name.value)
            : parentType;
          if (!isCompositeType(conditionType)) {
            kept.push(selection);
            break;
          }
          const inner = this.rewriteSelections(selection.selectionSet.selections, conditionType);
          this.mergeNarrowed(inner, conditionType, result);
          if (!inner.changed) kept.push(selection);
          else if (inner.selections.length > 0)
            kept.push({ ...selection, selectionSet: { ...selection.selectionSet, selections: inner.selections } });
          // A fragment left empty is dropped: `... on T { }` is not valid GraphQL.
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const inner = this.rewrittenFragment(selection.name.value);
          const definition = this.fragments.get(selection.name.value);
          const conditionType = definition && this.schema.getType(definition.typeCondition.name.value);
          if (!inner || !isCompositeType(conditionType)) {
            kept.push(selection);
            break;
          }
          this.mergeNarrowed(inner, conditionType, result);
          // The definition itself is replaced by its rewritten form; a spread of an emptied one is dropped.
          if (inner.selections.length > 0) kept.push(selection);
          break;
        }
        default: {
          const unexpected: never = selection;
          throw new Error(`Unexpected selection ${String(unexpected)}`);
        }
      }
    }
    result.selections = result.changed ? kept : selections;
    return result;
  }

  private mergeNarrowed(
    inner: RewrittenSelections,
    conditionType: GraphQLCompositeType,
    into: RewrittenSelections,
  ): void {
    into.changed ||= inner.changed;
    const possible = this.possibleTypes(conditionType);
    for (const removal of inner.local)
      into.local.push({ responseKey: removal.responseKey, narrowedTo: intersect(removal.narrowedTo, possible) });
    into.nested.push(...inner.nested);
  }

  private rewriteField(
    field: FieldNode,
    parentType: GraphQLCompositeType,
    kept: SelectionNode[],
    result: RewrittenSelections,
  ): void {
    const fieldName = field.name.value;
    const responseKey = field.alias?.value ?? fieldName;
    if (responseKey === PLACEHOLDER_KEY) {
      throw new CodedError(ErrorCode.BAD_USER_INPUT, `The alias ${PLACEHOLDER_KEY} is reserved by the gateway`, {
        http: { status: 400 },
      });
    }
    // __typename, __schema and __type are answered by the gateway and never removed; a union has no other fields.
    if (fieldName.startsWith('__') || !(isObjectType(parentType) || isInterfaceType(parentType))) {
      kept.push(field);
      return;
    }
    const fieldDef = parentType.getFields()[fieldName];
    if (!fieldDef) {
      kept.push(field);
      return;
    }
    const returnType = getNamedType(fieldDef.type);
    if (!this.isAuthorized(parentType, fieldName, returnType.name)) {
      result.changed = true;
      result.local.push({ responseKey, narrowedTo: null });
      return;
    }
    if (!field.selectionSet || !isCompositeType(returnType)) {
      kept.push(field);
      return;
    }
    const inner = this.rewriteSelections(field.selectionSet.selections, returnType);
    if (!inner.changed) {
      kept.push(field);
      return;
    }
    result.changed = true;
    const prefix = [responseKey, ...listMarkers(fieldDef.type)];
    let needsPlaceholder = inner.selections.length === 0;
    const allTypes = this.possibleTypes(returnType);
    for (const removal of inner.local) {
      const applicable =
        removal.narrowedTo === null ? allTypes : new Set([...allTypes].filter((name) => removal.narrowedTo?.has(name)));
      const onlyForTypes = applicable.size === allTypes.size ? undefined : [...applicable].sort();
      // The runtime type decides where the null goes, so the response must carry it.
      if (onlyForTypes) needsPlaceholder = true;
      result.nested.push({ path: [...prefix, removal.responseKey], ...(onlyForTypes ? { onlyForTypes } : {}) });
    }
    for (const removal of inner.nested) result.nested.push({ ...removal, path: [...prefix, ...removal.path] });
    const selections = needsPlaceholder ? [...inner.selections, PLACEHOLDER_FIELD] : inner.selections;
    kept.push({ ...field, selectionSet: { ...field.selectionSet, selections } });
  }

  private possibleTypes(type: GraphQLCompositeType): ReadonlySet<string> {
    return new Set(
      isAbstractType(type) ? this.schema.getPossibleTypes(type).map((possible) => possible.name) : [type.name],
    );
  }

  /** Requirements written on a type and on the interfaces it implements (an interface's requirement covers its implementations). */
  private typeRequirements(typeName: string): readonly ConstDirectiveNode[] {
    const type = this.schema.getType(typeName);
    const interfaces =
      isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().map((iface) => iface.name) : [];
    return [typeName, ...interfaces].flatMap((name) => this.index.types.get(name) ?? []);
  }

  private fieldRequirements(
    type: GraphQLObjectType | GraphQLInterfaceType,
    fieldName: string,
  ): readonly ConstDirectiveNode[] {
    const declaring = [type, ...type.getInterfaces()].filter((candidate) => fieldName in candidate.getFields());
    return declaring.flatMap((candidate) => this.index.fields.get(`${candidate.name}.${fieldName}`) ?? []);
  }

  /**
   * A field passes when the principal meets the requirements of the field, of its parent type and
   * of its return type. Selected on an interface or union, it must also pass for every possible
   * object type: otherwise `node { secret }` would reach what `... on User { secret }` may not.
   */
  private isAuthorized(
    parentType: GraphQLObjectType | GraphQLInterfaceType,
    fieldName: string,
    returnTypeName: string,
  ): boolean {
    const key = `${parentType.name}.${fieldName}`;
    const known = this.decisions.get(key);
    if (known !== undefined) return known;
    const holders: Array<GraphQLObjectType | GraphQLInterfaceType> = [
      parentType,
      ...(isAbstractType(parentType) ? this.schema.getPossibleTypes(parentType) : []),
    ];
    const requirements = [
      ...holders.flatMap((holder) => [
        ...this.fieldRequirements(holder, fieldName),
        ...this.typeRequirements(holder.name),
      ]),
      ...this.typeRequirements(returnTypeName),
    ];
    const decision = satisfiesDirectives(this.principal, requirements);
    this.decisions.set(key, decision);
    return decision;
  }
}

const pathKey = (path: readonly string[]): string => path.join('\u0000');

/** One entry per response path: a field removed both plainly and under a fragment is nulled everywhere. */
function mergeRemovals(removals: readonly RemovedField[]): RemovedField[] {
  const byPath = new Map<string, RemovedField>();
  for (const removal of removals) {
    const key = pathKey(removal.path);
    const existing = byPath.get(key);
    if (!existing) byPath.set(key, { ...removal });
    else if (!existing.onlyForTypes || !removal.onlyForTypes) delete existing.onlyForTypes;
    else existing.onlyForTypes = [...new Set([...existing.onlyForTypes, ...removal.onlyForTypes])].sort();
  }
  return [...byPath.values()];
}

function collectSpreadsAndVariables(nodes: readonly ASTNode[]): { spreads: Set<string>; variables: Set<string> } {
  const spreads = new Set<string>();
  const variables = new Set<string>();
  for (const node of nodes) {
    visit(node, {
      FragmentSpread: (spread) => void spreads.add(spread.name.value),
      Variable: (variable) => void variables.add(variable.name.value),
    });
  }
  return { spreads, variables };
}

/**
 * Removes from the operation every field the principal may not see. The returned document holds
 * only the selected operation and the fragments it still uses; variables no longer used are
 * dropped from its definitions (graphql-js validation would refuse them, and subgraphs never see
 * them anyway). The original document is never mutated: Apollo Server caches it by query hash.
 */
export function authorizeOperation(
  schema: GraphQLSchema,
  index: AuthorizationIndex,
  request: { document: DocumentNode; operationName: string | null | undefined; principal: Principal },
): AuthorizationResult {
  const { document, operationName, principal } = request;
  const operation = getOperationAST(document, operationName);
  const rootType = operation && schema.getRootType(operation.operation);
  if (!operation || !rootType) return { document, removed: [] };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const rewriter = new OperationRewriter(schema, index, principal, fragments);
  const root = rewriter.rewriteSelections(operation.selectionSet.selections, rootType);
  if (!root.changed) return { document, removed: [] };

  // The root is an object type, so removals there never depend on a runtime type.
  const removed = mergeRemovals([...root.local.map((removal) => ({ path: [removal.responseKey] })), ...root.nested]);
  const selections = root.selections.length > 0 ? root.selections : [PLACEHOLDER_FIELD];
  const rewrittenOperation: OperationDefinitionNode = {
    ...operation,
    selectionSet: { ...operation.selectionSet, selections },
  };

  // Keep the fragments still reachable from the rewritten operation, in their rewritten form.
  const usedFragments: FragmentDefinitionNode[] = [];
  const pending = [...collectSpreadsAndVariables([rewrittenOperation.selectionSet]).spreads];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const definition = fragments.get(name);
    if (seen.has(name) || !definition) continue;
    seen.add(name);
    const rewritten = rewriter.rewrittenFragment(name);
    const fragment: FragmentDefinitionNode = rewritten
      ? { ...definition, selectionSet: { ...definition.selectionSet, selections: rewritten.selections } }
      : definition;
    usedFragments.push(fragment);
    pending.push(...collectSpreadsAndVariables([fragment.selectionSet]).spreads);
  }
  const { variables } = collectSpreadsAndVariables([
    rewrittenOperation.selectionSet,
    ...(rewrittenOperation.directives ?? []),
    ...usedFragments,
  ]);
  const variableDefinitions = operation.variableDefinitions?.filter((definition) =>
    variables.has(definition.variable.name.value),
  );
  const finalOperation: OperationDefinitionNode = { ...rewrittenOperation, variableDefinitions };
  return { document: { kind: Kind.DOCUMENT, definitions: [finalOperation, ...usedFragments] }, removed };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Calls `visitHolder` with every object the path's last key belongs to, fanning out at "@". */
function forEachHolder(
  value: unknown,
  path: readonly string[],
  depth: number,
  visitHolder: (holder: Record<string, unknown>) => void,
): void {
  if (depth === path.length - 1) {
    if (isRecord(value)) visitHolder(value);
    return;
  }
  const segment = path[depth];
  if (segment === '@') {
    if (Array.isArray(value)) for (const element of value) forEachHolder(element, path, depth + 1, visitHolder);
  } else if (isRecord(value)) {
    forEachHolder(value[segment], path, depth + 1, visitHolder);
  }
}

function deletePlaceholders(value: unknown): void {
  if (Array.isArray(value)) {
    for (const element of value) deletePlaceholders(element);
  } else if (isRecord(value)) {
    delete value[PLACEHOLDER_KEY];
    for (const child of Object.values(value)) deletePlaceholders(child);
  }
}

/**
 * Patches response data in place: null wherever a removed field would have been (a parent that is
 * null or absent is left alone), placeholders deleted. A removed field declared non-null still gets
 * null, as Apollo Router does: nulling its parent instead would hide the fields the caller may see,
 * and the accompanying error tells the client why the value is missing.
 * Returns the errors to append, one per removed field.
 */
export function applyRemovedFields(
  data: Record<string, unknown> | null | undefined,
  removed: readonly RemovedField[],
): GraphQLFormattedError[] {
  if (data) {
    for (const { path, onlyForTypes } of removed) {
      const key = path[path.length - 1];
      forEachHolder(data, path, 0, (holder) => {
        const runtimeType = holder[PLACEHOLDER_KEY];
        if (onlyForTypes && !(typeof runtimeType === 'string' && onlyForTypes.includes(runtimeType))) return;
        holder[key] = null;
      });
    }
    deletePlaceholders(data);
  }
  return removed.map(({ path }) => ({
    message: UNAUTHORIZED_MESSAGE,
    path: [...path],
    extensions: { code: ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE },
  }));
}

export interface AuthorizationPluginOptions {
  index: AuthorizationIndex;
  /** Refuse the whole operation when any field is unauthorized, instead of removing those fields. */
  rejectUnauthorized: boolean;
}

/** The properties Apollo Server declares read-only on the request context but reads again after didResolveOperation. */
type RewritableRequestContext = {
  -readonly [K in 'document' | 'operation' | 'queryHash']: GraphQLRequestContextDidResolveOperation<GatewayContext>[K];
};

/**
 * Evaluates the authorization directives before the gateway plans the operation.
 *
 * Why rewriting in didResolveOperation works (@apollo/server 5.5, @apollo/gateway 2.14): the
 * pipeline validates and caches the parsed document before this hook, then hands the gateway a
 * context built from `requestContext` after it (makeGatewayGraphQLRequestContext). The gateway
 * plans from `document` (re-deriving the operation from it by `request.operationName`) and keys its
 * query-plan cache by `queryHash` (plus the operation name), so the hash must change with the
 * rewrite or a caller with fewer rights would reuse the plan of one with more, and vice versa.
 * Errors thrown here become the response with nothing executed.
 */
export function authorizationPlugin(options: AuthorizationPluginOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let removed: RemovedField[] = [];
      return {
        async didResolveOperation(requestContext) {
          const result = authorizeOperation(requestContext.schema, options.index, {
            document: requestContext.document,
            operationName: requestContext.operationName,
            principal: requestContext.contextValue.principal,
          });
          if (result.removed.length === 0) return;
          if (options.rejectUnauthorized) {
            throw new GraphQLError(UNAUTHORIZED_MESSAGE, {
              extensions: {
                code: ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE,
                unauthorizedPaths: result.removed.map((removal) => removal.path),
                // Without a status Apollo Server answers an error thrown here with 500.
                http: { status: 403 },
              },
            });
          }
          removed = result.removed;
          const writable = requestContext as RewritableRequestContext;
          writable.document = result.document;
          writable.operation = getOperationAST(result.document, requestContext.operationName) ?? undefined;
          // The rewritten text identifies the plan: callers whose rights produce the same rewrite share it.
          writable.queryHash = createHash('sha256').update(print(result.document)).digest('hex');
        },
        async willSendResponse({ response }) {
          if (removed.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const errors = applyRemovedFields(result.data, removed);
          response.body.singleResult = { ...result, errors: [...(result.errors ?? []), ...errors] };
        },
      };
    },
  };
}
