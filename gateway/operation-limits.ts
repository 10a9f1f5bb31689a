import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { RequestHandler } from 'express';
import {
  getOperationAST,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  validate,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValidationContext,
} from 'graphql';
import { envInt } from '../shared/runtime/config';
import { estimateCost, type SubgraphIndex } from './operation-cost';

/** Error code of a refused operation; `extensions.limit` names the limit, `max` and `actual` give the figures. */
export const OPERATION_LIMIT_EXCEEDED = 'OPERATION_LIMIT_EXCEEDED';

export interface OperationLimits {
  /** Bytes of the query text (UTF-8), checked before parsing. */
  documentBytes: number;
  /** Lexical tokens of the document; parsing stops at the first one over. */
  tokens: number;
  /** Nesting of fields (fragments do not add a level; introspection's `__schema` is not counted). */
  depth: number;
  /** Aliased fields in one operation, `__typename` included. */
  aliases: number;
  /** Fields at the root of one operation (aliases of the same field count separately). */
  rootFields: number;
  /** Directives in one operation. */
  directives: number;
  /** Directives on one field, fragment or operation. */
  directivesPerLocation: number;
  /** The cost estimate of the operation run (gateway/operation-cost.ts). */
  cost: number;
}
export type LimitName = keyof OperationLimits;

/** See README.md ("Configuration"): every legitimate operation of the test suite and the demo fits well inside. */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  documentBytes: 10_000,
  tokens: 1_000,
  depth: 9,
  aliases: 30,
  rootFields: 20,
  directives: 50,
  directivesPerLocation: 3,
  cost: 5_000,
};

const ENV_NAMES: Record<LimitName, string> = {
  documentBytes: 'GRAPHQL_MAX_DOCUMENT_BYTES',
  tokens: 'GRAPHQL_MAX_TOKENS',
  depth: 'GRAPHQL_MAX_DEPTH',
  aliases: 'GRAPHQL_MAX_ALIASES',
  rootFields: 'GRAPHQL_MAX_ROOT_FIELDS',
  directives: 'GRAPHQL_MAX_DIRECTIVES',
  directivesPerLocation: 'GRAPHQL_MAX_DIRECTIVES_PER_LOCATION',
  cost: 'GRAPHQL_MAX_COST',
};

export function loadOperationLimits(env: Record<string, string | undefined>): OperationLimits {
  const limits = { ...DEFAULT_OPERATION_LIMITS };
  for (const name of Object.keys(ENV_NAMES) as LimitName[])
    limits[name] = envInt(env, ENV_NAMES[name], DEFAULT_OPERATION_LIMITS[name], { min: 1, max: 100_000_000 });
  return limits;
}

export interface LimitViolation {
  limit: LimitName;
  max: number;
  actual: number;
}

const DESCRIPTIONS: Record<LimitName, string> = {
  documentBytes: 'The query text is too long',
  tokens: 'The query has too many tokens',
  depth: 'The operation is nested too deeply',
  aliases: 'The operation has too many aliases',
  rootFields: 'The operation has too many root fields',
  directives: 'The operation has too many directives',
  directivesPerLocation: 'A field or fragment has too many directives',
  cost: 'The operation would cost too much',
};

export function violationError(violation: LimitViolation): { message: string; extensions: Record<string, unknown> } {
  return {
    message: `${DESCRIPTIONS[violation.limit]}: ${violation.actual}, at most ${violation.max} allowed (limit "${violation.limit}")`,
    extensions: {
      code: OPERATION_LIMIT_EXCEEDED,
      limit: violation.limit,
      max: violation.max,
      actual: violation.actual,
    },
  };
}

/** What one query text measures, whatever its variables: kept per text, since clients repeat theirs. */
interface DocumentMeasures {
  document: DocumentNode | null;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  violations: LimitViolation[];
}

const UNLIMITED = Number.MAX_SAFE_INTEGER;
const CACHE_SIZE = 500;

function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A syntax error ends the count; parsing reports it.
  }
  return count;
}

/** Root fields of an operation, through inline fragments and fragment spreads. */
function countRootFields(
  selections: readonly SelectionNode[],
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  let count = 0;
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) count += 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      count += countRootFields(selection.selectionSet.selections, fragments, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) count += countRootFields(fragment.selectionSet.selections, fragments, seen);
      seen.delete(selection.name.value);
    }
  }
  return count;
}

function maxDirectivesAtOneLocation(document: DocumentNode): number {
  let max = 0;
  visit(document, {
    enter(node) {
      if ('directives' in node && Array.isArray(node.directives)) max = Math.max(max, node.directives.length);
    },
  });
  return max;
}

/**
 * Measures operations against the limits before the gateway authenticates the caller, plans or
 * executes anything. Depth, aliases and directives are counted by GraphQL Armor's rules (which do
 * the counting; the limits are compared here, so the error can carry the figures); document size,
 * tokens, root fields, directives per location and the cost estimate here.
 */
export class OperationLimiter {
  private readonly cache = new Map<string, DocumentMeasures>();
  private readonly rules: Array<(context: ValidationContext) => unknown>;
  private measured: { depth: number; aliases: number; directives: number } = { depth: 0, aliases: 0, directives: 0 };

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly subgraphs: SubgraphIndex,
    readonly limits: OperationLimits,
  ) {
    const record = (key: 'depth' | 'aliases' | 'directives') => [
      (_context: unknown, details: { n: number }) => {
        this.measured[key] = Math.max(this.measured[key], details.n);
      },
    ];
    // Armor's own thresholds are set out of reach: it measures, `measure` compares.
    this.rules = [
      maxDepthRule({ n: UNLIMITED, flattenFragments: true, ignoreIntrospection: true, onAccept: record('depth') }),
      // An empty allow-list counts `a1: __typename ... a999: __typename` too (Armor skips __typename by default).
      maxAliasesRule({ n: UNLIMITED, allowList: [], onAccept: record('aliases') }),
      maxDirectivesRule({ n: UNLIMITED, onAccept: record('directives') }),
    ];
  }

  /** The limits an operation breaks; empty when it may run. Queries that do not parse are left to Apollo Server to answer. */
  check(query: string, operationName: string | null | undefined, variables: Record<string, unknown>): LimitViolation[] {
    const bytes = Buffer.byteLength(query, 'utf8');
    if (bytes > this.limits.documentBytes)
      return [{ limit: 'documentBytes', max: this.limits.documentBytes, actual: bytes }];
    const measures = this.measure(query);
    const operation = measures.document && getOperationAST(measures.document, operationName);
    // The operation to run cannot be chosen: Apollo Server answers that (request-guards.ts).
    if (!operation) return measures.violations;
    const cost = this.cost(measures, operation, variables);
    return cost > this.limits.cost
      ? [...measures.violations, { limit: 'cost', max: this.limits.cost, actual: cost }]
      : measures.violations;
  }

  private cost(
    measures: DocumentMeasures,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
  ): number {
    return Math.ceil(estimateCost(this.schema, this.subgraphs, measures.fragments, operation, variables));
  }

  private measure(query: string): DocumentMeasures {
    const cached = this.cache.get(query);
    if (cached) {
      // Refresh its place: the cache forgets the text used longest ago.
      this.cache.delete(query);
      this.cache.set(query, cached);
      return cached;
    }
    const measures = this.measureUncached(query);
    this.cache.set(query, measures);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return measures;
  }

  private measureUncached(query: string): DocumentMeasures {
    const limits = this.limits;
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true, maxTokens: limits.tokens });
    } catch {
      const tokens = countTokens(query);
      const violations: LimitViolation[] =
        tokens > limits.tokens ? [{ limit: 'tokens', max: limits.tokens, actual: tokens }] : [];
      return { document: null, fragments: new Map(), violations };
    }
    const fragments = new Map<string, FragmentDefinitionNode>();
    const operations: OperationDefinitionNode[] = [];
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    }
    this.measured = { depth: 0, aliases: 0, directives: 0 };
    validate(this.schema, document, this.rules as never);
    const actual: Partial<Record<LimitName, number>> = {
      ...this.measured,
      rootFields: Math.max(
        0,
        ...operations.map((operation) => countRootFields(operation.selectionSet.selections, fragments, new Set())),
      ),
      directivesPerLocation: maxDirectivesAtOneLocation(document),
    };
    const violations: LimitViolation[] = [];
    for (const limit of ['depth', 'aliases', 'rootFields', 'directives', 'directivesPerLocation'] as const) {
      const value = actual[limit] ?? 0;
      if (value > limits[limit]) violations.push({ limit, max: limits[limit], actual: value });
    }
    return { document, fragments, violations };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The query, operation name and variables of a GraphQL-over-HTTP request (POST body or GET parameters); null when there is no query text. */
function operationOf(
  req: Parameters<RequestHandler>[0],
): { query: string; operationName: string | null; variables: Record<string, unknown> } | null {
  const source: unknown = req.method === 'GET' ? req.query : req.body;
  if (!isRecord(source) || typeof source.query !== 'string') return null;
  let variables: unknown = source.variables;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables);
    } catch {
      variables = undefined;
    }
  }
  return {
    query: source.query,
    operationName: typeof source.operationName === 'string' ? source.operationName : null,
    variables: isRecord(variables) ? variables : {},
  };
}

/**
 * Express middleware in front of Apollo Server: an operation over a limit is answered 400 with one
 * OPERATION_LIMIT_EXCEEDED error per limit broken, before the caller is authenticated, so no
 * subgraph is asked anything. `limiter` is null until the gateway has loaded its schema.
 */
export function operationLimitsMiddleware(limiter: () => OperationLimiter | null): RequestHandler {
  return (req, res, next) => {
    const current = limiter();
    const operation = current && (req.method === 'GET' || req.method === 'POST') ? operationOf(req) : null;
    if (!current || !operation) return next();
    const violations = current.check(operation.query, operation.operationName, operation.variables);
    if (violations.length === 0) return next();
    res.status(400).json({ errors: violations.map(violationError) });
  };
}
