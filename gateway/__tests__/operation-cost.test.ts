import fs from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { getOperationAST, Kind, parse, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import { ConfigError } from '../../shared/runtime/config';
import { SUPERGRAPH_FILE } from '../compose';
import { loadGatewayConfig } from '../config';
import { buildSubgraphIndex, estimateCost, HOP_COST, UNPAGED_LIST_SIZE, type SubgraphIndex } from '../operation-cost';
import { DEFAULT_OPERATION_LIMITS, loadOperationLimits, OperationLimiter } from '../operation-limits';
import { withoutSuggestions } from '../request-guards';

const SDL = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
let schema: GraphQLSchema;
let index: SubgraphIndex;

beforeAll(async () => {
  // The API schema exactly as the gateway derives it from the checked-in supergraph.
  const gateway = new ApolloGateway({ supergraphSdl: SDL });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    schema = apiSchema;
  });
  await gateway.load();
  await gateway.stop();
  index = buildSubgraphIndex(SDL);
});

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return estimateCost(schema, index, fragments, getOperationAST(document)!, variables);
}

describe('the cost estimate', () => {
  // A root field is a fetch (2) of one object (1); a connection's edges and nodes cost 1 each per element.
  it('counts the default page size (20) when first is left out', () => {
    expect(cost('{ clients { edges { node { name } } } }')).toBe(3 + 20 * 2);
  });

  it('reads first from a literal, a variable, or the variable default', () => {
    expect(cost('{ clients(first: 5) { edges { node { name } } } }')).toBe(3 + 5 * 2);
    expect(cost('query($n: Int) { clients(first: $n) { edges { node { name } } } }', { n: 7 })).toBe(3 + 7 * 2);
    expect(cost('query($n: Int = 3) { clients(first: $n) { edges { node { name } } } }')).toBe(3 + 3 * 2);
    expect(cost('query($n: Int) { clients(first: $n) { edges { node { name } } } }')).toBe(3 + 20 * 2);
  });

  it('multiplies lists inside lists', () => {
    const nested =
      '{ clients(first: 2) { edges { node { partner { clients(first: 3) { edges { node { name } } } } } } } }';
    // Per outer client: edge, node, partner, inner connection, and 3 x (edge, node).
    expect(cost(nested)).toBe(3 + 2 * (4 + 3 * 2));
  });

  it('charges a fetch from another subgraph once per object and subgraph', () => {
    const tenancyOnly = cost('{ clients(first: 1) { edges { node { name } } } }');
    // usage and employeeCount both come from identity: one hop (2) plus the usage object (1).
    expect(cost('{ clients(first: 1) { edges { node { name employeeCount usage { users } } } } }')).toBe(
      tenancyOnly + 2 + 1,
    );
    expect(cost('{ clients(first: 10) { edges { node { name employeeCount usage { users } } } } }')).toBe(
      cost('{ clients(first: 10) { edges { node { name } } } }') + 10 * 3,
    );
  });

  it('counts lists without a page size as UNPAGED_LIST_SIZE', () => {
    expect(cost('{ clients(first: 1) { edges { node { accounts { id } } } } }')).toBe(
      cost('{ clients(first: 1) { edges { node { id } } } }') + UNPAGED_LIST_SIZE,
    );
  });

  it('counts a fragment at every spread, and survives a fragment that spreads itself', () => {
    const once = cost('{ clients(first: 4) { edges { node { ...C } } } } fragment C on Client { partner { id } }');
    const twice = cost(
      '{ a: clients(first: 4) { edges { node { ...C } } } b: clients(first: 4) { edges { node { ...C } } } } fragment C on Client { partner { id } }',
    );
    // Both root fields come from tenancy: one fetch.
    expect(twice).toBe(2 * once - HOP_COST);
    expect(cost('{ me { ...U } } fragment U on User { organization { id } ...U }')).toBeGreaterThan(0);
  });
});

describe('OperationLimiter', () => {
  it('measures every limit of a document in one pass and reports each one broken', () => {
    const limiter = new OperationLimiter(schema, index, {
      ...DEFAULT_OPERATION_LIMITS,
      depth: 2,
      aliases: 1,
      rootFields: 1,
    });
    const violations = limiter.check('{ a: me { id } b: me { organization { id } } }', null, {});
    expect(violations).toEqual([
      { limit: 'depth', max: 2, actual: 3 },
      { limit: 'aliases', max: 1, actual: 2 },
      { limit: 'rootFields', max: 1, actual: 2 },
    ]);
  });

  it('leaves a query that does not parse to Apollo Server, unless it is over the token limit', () => {
    const limiter = new OperationLimiter(schema, index, { ...DEFAULT_OPERATION_LIMITS, tokens: 10 });
    expect(limiter.check('{ me { id ', null, {})).toEqual([]);
    expect(limiter.check(`{ me { ${'id '.repeat(20)}`, null, {})).toEqual([{ limit: 'tokens', max: 10, actual: 23 }]);
  });
});

describe('configuration of the limits', () => {
  it('reads each limit from its variable and keeps the defaults otherwise', () => {
    expect(loadOperationLimits({})).toEqual(DEFAULT_OPERATION_LIMITS);
    const limits = loadOperationLimits({
      GRAPHQL_MAX_DOCUMENT_BYTES: '2000',
      GRAPHQL_MAX_TOKENS: '300',
      GRAPHQL_MAX_DEPTH: '12',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_ROOT_FIELDS: '4',
      GRAPHQL_MAX_DIRECTIVES: '10',
      GRAPHQL_MAX_DIRECTIVES_PER_LOCATION: '2',
      GRAPHQL_MAX_COST: '900',
    });
    expect(limits).toEqual({
      documentBytes: 2000,
      tokens: 300,
      depth: 12,
      aliases: 5,
      rootFields: 4,
      directives: 10,
      directivesPerLocation: 2,
      cost: 900,
    });
  });

  it('stops on a malformed limit', () => {
    expect(() => loadOperationLimits({ GRAPHQL_MAX_DEPTH: 'deep' })).toThrow(ConfigError);
    expect(() => loadOperationLimits({ GRAPHQL_MAX_COST: '0' })).toThrow(ConfigError);
  });

  it('hides suggestions in production unless GRAPHQL_SUGGESTIONS says otherwise', () => {
    const base = { INTERNAL_TOKEN_SECRET: 'x'.repeat(32) };
    expect(loadGatewayConfig({ ...base }).suggestions).toBe(true);
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'production' }).suggestions).toBe(false);
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'production', GRAPHQL_SUGGESTIONS: 'true' }).suggestions).toBe(true);
    expect(loadGatewayConfig({ ...base, GRAPHQL_SUGGESTIONS: 'off' }).suggestions).toBe(false);
  });
});

describe('withoutSuggestions', () => {
  it.each([
    [
      'Cannot query field "clints" on type "Query". Did you mean "clients" or "client"?',
      'Cannot query field "clints" on type "Query".',
    ],
    [
      'Value "ACTIV" does not exist in "UserStatus" enum. Did you mean the enum value "ACTIVE"?',
      'Value "ACTIV" does not exist in "UserStatus" enum.',
    ],
    [
      'Fragment cannot be spread here. Did you mean to use an inline fragment on "Client"?',
      'Fragment cannot be spread here.',
    ],
    ['Nothing to hide.', 'Nothing to hide.'],
  ])('%s', (message, expected) => {
    expect(withoutSuggestions(message)).toBe(expected);
  });
});
