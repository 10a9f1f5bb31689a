/**
 * What tenancy's integration tests share: signing in personas, reading the outbox, and calling the
 * tenancy subgraph directly with an internal token, as the gateway (or an attacker holding a valid
 * token of another organisation) would.
 */
import { INTERNAL_TOKEN_HEADER, InternalTokens } from '../../../shared/auth/internal-token';
import type { Principal } from '../../../shared/auth/principal';
import { OutboxEvent } from '../../../shared/events/outbox';
import type { GraphQLResponse, TestGraph } from '../../../graph/testing';
import type { DemoDataset } from '../../../graph/demo-data';

export type Query = TestGraph['query'];

/** The first error's code, or undefined. */
export const code = (result: GraphQLResponse<unknown>): string | undefined => result.errors?.[0]?.extensions?.code;

/** Signs the personas in one at a time (their sign-ins are not what the tests are about). */
export async function signIn(graph: TestGraph, emails: readonly string[]): Promise<Query[]> {
  const queries: Query[] = [];
  for (const email of emails) queries.push(graph.as(await graph.login(email)));
  return queries;
}

/** The payloads tenancy published on a topic, oldest first. */
export async function outbox(graph: TestGraph, topic: string): Promise<Array<Record<string, unknown>>> {
  const rows = await graph.subgraphs.tenancy.database.dataSource
    .getRepository(OutboxEvent)
    .find({ where: { topic }, order: { createdAt: 'ASC' } });
  return rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
}

/** The permissions of the demo's predefined user types (the permissions subgraph seeds the same). */
const USER_TYPE_PERMISSIONS: Record<string, string[]> = {
  Standard: ['clients.read', 'clients.usage.read', 'projects.read', 'projects.manage', 'users.read'],
  'External Contact': ['projects.read'],
  Participant: [],
};

/** The principal the gateway builds for a demo user with a predefined user type other than Organization Admin. */
export function demoPrincipal(dataset: DemoDataset, email: string): Principal {
  const user = dataset.users.find((candidate) => candidate.email === email);
  if (!user || !(user.userTypeName in USER_TYPE_PERMISSIONS)) throw new Error(`no demo principal for ${email}`);
  return {
    kind: 'user',
    userId: user.id,
    organizationId: user.organizationId,
    userKind: user.kind,
    accessLevel: user.accessLevel,
    roles: user.roles,
    userType: user.userTypeName,
    homePermissions: USER_TYPE_PERMISSIONS[user.userTypeName],
    permissions: {},
    sessionId: null,
  };
}

/** Sends an operation straight to the tenancy subgraph with a valid internal token for `principal`. */
export async function askTenancy<T = Record<string, unknown>>(
  graph: TestGraph,
  principal: Principal,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const token = await new InternalTokens(graph.secret, 'gateway').sign(principal, 'tenancy');
  const response = await fetch(`${graph.subgraphs.tenancy.server!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Delivers one event to a subgraph as another subgraph's relay would; answers `applied`, `duplicate` or `ignored`. */
export async function deliverEvent(
  graph: TestGraph,
  to: keyof TestGraph['subgraphs'],
  event: { eventId: string; topic: string; payload: Record<string, unknown>; occurredAt: string; source: string },
): Promise<string> {
  const token = await new InternalTokens(graph.secret, event.source).sign(
    { kind: 'system', service: event.source },
    to,
  );
  const response = await fetch(`${graph.subgraphs[to].server!.url}/internal/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
    body: JSON.stringify(event),
  });
  if (!response.ok) throw new Error(`${to} refused the event: ${response.status}`);
  return ((await response.json()) as { result: string }).result;
}
