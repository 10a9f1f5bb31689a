import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../shared/data/pagination';

/**
 * The cost estimate of an operation: roughly how many objects the subgraphs must produce for it,
 * with every fetch from another subgraph weighing more. Computed from the operation and its
 * variables before anything is planned or executed.
 *
 * - Every object (a field returning an object type) costs OBJECT_COST; scalars and enums cost nothing
 *   (their number is bounded by the alias and token limits).
 * - Every subgraph a selection set must fetch from, other than the one its parent object came from,
 *   costs HOP_COST once per parent object: that is an entity fetch (`_entities`) per object. Root
 *   fields are fetches too.
 * - A list multiplies everything below it by its expected size: the `first` or `limit` argument
 *   (a literal, a variable's value, the variable's default), DEFAULT_PAGE_SIZE when the field takes
 *   such an argument but the operation leaves it out. On a connection (a non-list field taking
 *   `first`) the size goes to its list fields (`edges`). A list without such an argument counts as
 *   UNPAGED_LIST_SIZE. Lists inside lists multiply: `clients { partner { clients { ... } } }` costs
 *   the product of both page sizes.
 */
export const OBJECT_COST = 1;
export const HOP_COST = 2;
export const UNPAGED_LIST_SIZE = 10;
const SIZE_ARGUMENTS = ['first', 'limit'];

/** Which subgraphs can resolve each field, read from the supergraph's join directives. */
export interface SubgraphIndex {
  /** `Type.field` -> subgraph names; fields without `@join__field` take their type's subgraphs. */
  readonly fields: ReadonlyMap<string, ReadonlySet<string>>;
  readonly types: ReadonlyMap<string, ReadonlySet<string>>;
}

export function buildSubgraphIndex(supergraphSdl: string): SubgraphIndex {
  const fields = new Map<string, Set<string>>();
  const types = new Map<string, Set<string>>();
  const graphArgument = (directive: {
    arguments?: readonly { name: { value: string }; value: ValueNode }[];
  }): string | null => {
    const graph = directive.arguments?.find((argument) => argument.name.value === 'graph');
    return graph && graph.value.kind === Kind.ENUM ? graph.value.value : null;
  };
  for (const definition of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    const typeName = definition.name.value;
    const typeGraphs = types.get(typeName) ?? new Set<string>();
    for (const directive of definition.directives ?? []) {
      const graph = directive.name.value === 'join__type' ? graphArgument(directive) : null;
      if (graph) typeGraphs.add(graph);
    }
    types.set(typeName, typeGraphs);
    for (const field of definition.fields ?? []) {
      const graphs = new Set<string>();
      for (const directive of field.directives ?? []) {
        if (directive.name.value !== 'join__field') continue;
        const external = directive.arguments?.some(
          (argument) =>
            argument.name.value === 'external' && argument.value.kind === Kind.BOOLEAN && argument.value.value,
        );
        const graph = graphArgument(directive);
        if (graph && !external) graphs.add(graph);
      }
      fields.set(`${typeName}.${field.name.value}`, graphs.size > 0 ? graphs : typeGraphs);
    }
  }
  return { fields, types };
}

type Variables = Readonly<Record<string, unknown>>;

/** The expected number of elements a `first`/`limit` argument asks for; null when the field takes none. */
function requestedSize(
  fieldDef: GraphQLField<unknown, unknown>,
  node: FieldNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): number | null {
  const argumentDef = fieldDef.args.find((argument) => SIZE_ARGUMENTS.includes(argument.name));
  if (!argumentDef) return null;
  const given = node.arguments?.find((argument) => argument.name.value === argumentDef.name);
  let value: unknown = undefined;
  if (given?.value.kind === Kind.VARIABLE) {
    const name = given.value.name.value;
    if (Object.prototype.hasOwnProperty.call(variables, name)) value = variables[name];
    else {
      const definition = operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === name);
      value = definition?.defaultValue ? valueFromASTUntyped(definition.defaultValue) : undefined;
    }
  } else if (given) {
    value = valueFromASTUntyped(given.value);
  }
  if (value === undefined || value === null) value = argumentDef.defaultValue ?? DEFAULT_PAGE_SIZE;
  // A value that is not a number fails coercion later; count the default until then.
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : DEFAULT_PAGE_SIZE;
}

const intersects = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((item) => b.has(item));

class CostEstimator {
  private readonly memo = new Map<string, { cost: number; hops: ReadonlySet<string> }>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly index: SubgraphIndex,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly operation: OperationDefinitionNode,
    private readonly variables: Variables,
  ) {}

  /**
   * Cost of one object's selection set. `graphs`: the subgraphs the object came from (null at the
   * root); `pendingSize`: the page size a connection passes to its list fields.
   */
  selections(
    selections: readonly SelectionNode[],
    parentType: GraphQLCompositeType,
    graphs: ReadonlySet<string> | null,
    pendingSize: number | null,
  ): number {
    const hops = new Set<string>();
    const cost = this.collect(selections, parentType, graphs, pendingSize, hops);
    return cost + hops.size * HOP_COST;
  }

  private collect(
    selections: readonly SelectionNode[],
    parentType: GraphQLCompositeType,
    graphs: ReadonlySet<string> | null,
    pendingSize: number | null,
    hops: Set<string>,
  ): number {
    let cost = 0;
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        cost += this.field(selection, parentType, graphs, pendingSize, hops);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parentType;
        if (isCompositeType(type))
          cost += this.collect(selection.selectionSet.selections, type, graphs, pendingSize, hops);
      } else {
        cost += this.spread(selection.name.value, graphs, pendingSize, hops);
      }
    }
    return cost;
  }

  /** A named fragment is costed once per kind of place (subgraphs, page size), however often it is spread. */
  private spread(
    name: string,
    graphs: ReadonlySet<string> | null,
    pendingSize: number | null,
    hops: Set<string>,
  ): number {
    const fragment = this.fragments.get(name);
    const type = fragment && this.schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !isCompositeType(type)) return 0;
    const key = `${name}|${graphs ? [...graphs].sort().join(',') : '-'}|${pendingSize ?? '-'}`;
    // A fragment that spreads itself is refused by validation later; it adds nothing here.
    if (this.inProgress.has(key)) return 0;
    let known = this.memo.get(key);
    if (!known) {
      this.inProgress.add(key);
      const fragmentHops = new Set<string>();
      known = {
        cost: this.collect(fragment.selectionSet.selections, type, graphs, pendingSize, fragmentHops),
        hops: fragmentHops,
      };
      this.inProgress.delete(key);
      this.memo.set(key, known);
    }
    for (const hop of known.hops) hops.add(hop);
    return known.cost;
  }

  private field(
    node: FieldNode,
    parentType: GraphQLCompositeType,
    graphs: ReadonlySet<string> | null,
    pendingSize: number | null,
    hops: Set<string>,
  ): number {
    const name = node.name.value;
    // __typename is answered where the object is; introspection by the gateway itself.
    if (name.startsWith('__') || !(isObjectType(parentType) || isInterfaceType(parentType))) return 0;
    const fieldDef = parentType.getFields()[name];
    if (!fieldDef) return 0;
    const fieldGraphs = this.index.fields.get(`${parentType.name}.${name}`) ?? null;
    let nextGraphs = graphs;
    if (fieldGraphs && fieldGraphs.size > 0) {
      if (graphs === null || !intersects(graphs, fieldGraphs)) {
        hops.add([...fieldGraphs].sort()[0]);
        nextGraphs = fieldGraphs;
      } else {
        nextGraphs = new Set([...fieldGraphs].filter((graph) => graphs.has(graph)));
      }
    }
    const namedType = getNamedType(fieldDef.type);
    if (!isCompositeType(namedType) || !node.selectionSet) return 0;
    const size = requestedSize(fieldDef, node, this.operation, this.variables);
    const isList = isListType(getNullableType(fieldDef.type));
    let multiplier = 1;
    let childPending: number | null = null;
    if (isList) multiplier = size ?? pendingSize ?? UNPAGED_LIST_SIZE;
    else childPending = size;
    return (
      multiplier * (OBJECT_COST + this.selections(node.selectionSet.selections, namedType, nextGraphs, childPending))
    );
  }
}

/** The cost estimate of one operation of a document, with the request's variables. */
export function estimateCost(
  schema: GraphQLSchema,
  index: SubgraphIndex,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  operation: OperationDefinitionNode,
  variables: Variables,
): number {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  return new CostEstimator(schema, index, fragments, operation, variables).selections(
    operation.selectionSet.selections,
    rootType,
    null,
    null,
  );
}
