import { randomUUID } from 'node:crypto';
import { buildDataset, type DemoUser } from '../../../graph/demo-data';
import { startTestGraph, type GraphQLResponse, type TestGraph } from '../../../graph/testing';
import { ALL_PERMISSION_KEYS } from '../../../shared/auth/catalogue';
import { INTERNAL_TOKEN_HEADER, InternalTokens } from '../../../shared/auth/internal-token';
import type { Principal } from '../../../shared/auth/principal';
import { inTransaction } from '../../../shared/data/database';
import type { EventPayloads, EventTopic } from '../../../shared/events/events';
import { publish } from '../../../shared/events/outbox';
import { FakeClock } from '../../../shared/testing/fake-clock';
import { OutboxEvent } from '../../../shared/events/outbox';
import { ParticipationEntity } from '../entities';

const DAY = 86_400_000;
const MONTH = 31 * DAY;

/**
 * Compliance's access model (docs/authorization.md) through the gateway, and through direct subgraph
 * calls where the gateway offers no path: the leaks of issue 8 that concern compliance, each in a
 * test of its own, and who may read and change compliance data.
 *
 * Northwind manages Acme and Globex with FULL access and Initech with LIMITED (people); Bluepeak
 * manages Umbrella and Stark (FULL) and Wayne (LIMITED, people). Every test makes the people and
 * records it watches; tests that sweep look only at their own people.
 */
const dataset = buildDataset({ partners: 2, clientsPerPartner: 3 });
const client = (name: string) => dataset.clients.find((c) => c.name === name)!;
const user = (email: string): DemoUser => dataset.users.find((u) => u.email === email)!;
const acme = client('Acme Robotics');
const initech = client('Initech Labs');
const umbrella = client('Umbrella Health');
const stark = client('Stark Logistics');
const northwindAdmin = user('admin@northwind-advisory.test');
const bluepeakAdmin = user('admin@bluepeak-consulting.test');
const acmeAdmin = user('admin@acme-robotics.test');
const umbrellaAdmin = user('admin@umbrella-health.test');
const starkAdmin = user('admin@stark-logistics.test');
const operator = user('operator@tenantry.test');

const code = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code;

/** The principal the gateway would send for a demo user (home permissions of their user type). */
function principalOf(person: DemoUser): Principal {
  const homePermissions =
    person.userTypeName === 'Organization Admin'
      ? [...ALL_PERMISSION_KEYS]
      : person.userTypeName === 'Standard'
        ? ['clients.read', 'clients.usage.read', 'projects.read', 'projects.manage', 'users.read']
        : [];
  return {
    kind: 'user',
    userId: person.id,
    organizationId: person.organizationId,
    userKind: person.kind,
    accessLevel: person.accessLevel,
    roles: person.roles,
    userType: person.userTypeName,
    homePermissions,
    permissions: { [person.organizationId]: homePermissions },
    sessionId: 'test-session',
  };
}

describe('compliance access', () => {
  let graph: TestGraph;
  const clock = new FakeClock();

  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    await graph.seed(dataset);
    await graph.drainEvents();
  });
  afterAll(async () => {
    await graph?.stop();
  });

  /** Signs in now: tests that move the clock by months outlive any token. */
  const as = async (person: DemoUser | string): Promise<TestGraph['query']> =>
    graph.as(await graph.login(typeof person === 'string' ? person : person.email));

  /** `_entities` straight at compliance, with a valid internal token for `caller`: the door that is not the gateway. */
  async function entities(caller: DemoUser, typename: 'User' | 'Client', id: string, selection: string) {
    const token = await new InternalTokens(graph.secret, 'gateway').sign(principalOf(caller), 'compliance');
    const response = await fetch(`${graph.subgraphs.compliance.server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`,
        variables: { r: [{ __typename: typename, id }] },
      }),
    });
    return (await response.json()) as GraphQLResponse<{ _entities: unknown[] }>;
  }

  /** An event as tenancy would publish it, delivered to every subscriber. */
  async function deliverFromTenancy<T extends EventTopic>(topic: T, payload: EventPayloads[T]): Promise<void> {
    await inTransaction(graph.subgraphs.tenancy.database.dataSource, (manager) =>
      publish(manager, topic, payload, clock.now()),
    );
    await graph.drainEvents();
  }

  /** A new participant of a client, invited by its admin (and delivered to compliance's people copy). */
  async function newParticipant(admin: DemoUser, organizationId: string): Promise<{ id: string; email: string }> {
    const email = `p-${randomUUID().slice(0, 8)}@candidates.test`;
    const invited = await (
      await as(admin)
    )<{ inviteUser: { id: string } }>(
      `mutation($org: ID!, $email: String!) { inviteUser(organizationId: $org, input: { email: $email, firstName: "Pat", lastName: "Icipant", kind: PARTICIPANT }) { id } }`,
      { org: organizationId, email },
    );
    expect(invited.errors).toBeUndefined();
    await graph.drainEvents();
    return { id: invited.data!.inviteUser.id, email };
  }

  const sweep = async (): Promise<{ softDeleted: string[]; erased: string[] }> => {
    const result = await (
      await as(operator)
    )<{ runRetentionSweep: { softDeleted: string[]; erased: string[] } }>(
      'mutation { runRetentionSweep(batchSize: 1000) { softDeleted erased } }',
    );
    expect(result.errors).toBeUndefined();
    return result.data!.runRetentionSweep;
  };

  describe('issue 8 leaks', () => {
    it("does not let another organisation's compliance officer read an erased person's retention state", async () => {
      const person = await newParticipant(acmeAdmin, acme.id);
      const erased = await (
        await as(acmeAdmin)
      )<{ requestErasure: { status: string } }>(`mutation($u: ID!) { requestErasure(userId: $u) { status } }`, {
        u: person.id,
      });
      expect(erased.data?.requestErasure.status).toBe('COMPLETED');
      await graph.drainEvents();
      // Through the gateway: nobody finds the person any more.
      for (const officer of [umbrellaAdmin, acmeAdmin]) {
        const read = await (
          await as(officer)
        )(`query($u: ID!) { user(id: $u) { retentionState { state erasedAt } } }`, { u: person.id });
        expect(read.data).toEqual({ user: null });
      }
      // Straight at compliance with a valid token: another organisation's officer (the leak), the
      // person's own officer and an operator all get null.
      for (const caller of [umbrellaAdmin, acmeAdmin, operator]) {
        const direct = await entities(caller, 'User', person.id, 'retentionState { state erasedAt } consents { id }');
        expect(direct.errors).toBeUndefined();
        expect(direct.data?._entities).toEqual([null]);
      }
    });

    it("never applies a client's retention policy to a person of another organisation enrolled in its project", async () => {
      const project = acme.projects[0];
      const foreign = user('member@umbrella-health.test');
      const stranger = randomUUID();
      // Tenancy refuses such an enrolment; whatever it answers here, compliance must not rely on it.
      await (
        await as(acmeAdmin)
      )(`mutation($p: ID!, $u: ID!) { joinProject(projectId: $p, userId: $u) { joinedAt } }`, {
        p: project.id,
        u: foreign.id,
      });
      // As if an enrolment of a foreign person, and of an id nobody knows, had got through.
      for (const userId of [foreign.id, stranger])
        await deliverFromTenancy('ProjectJoined', {
          projectId: project.id,
          clientId: acme.id,
          userId,
          joinedAt: clock.now().toISOString(),
        });
      const own = await newParticipant(acmeAdmin, acme.id);
      const joined = await (
        await as(acmeAdmin)
      )(`mutation($p: ID!, $u: ID!) { joinProject(projectId: $p, userId: $u) { joinedAt } }`, {
        p: project.id,
        u: own.id,
      });
      expect(joined.errors).toBeUndefined();
      await graph.drainEvents();

      clock.advance(13 * MONTH);
      const first = await sweep();
      expect(first.softDeleted).toContain(own.id);
      expect(first.softDeleted).not.toContain(foreign.id);
      expect(first.softDeleted).not.toContain(stranger);
      await graph.drainEvents();
      clock.advance(37 * MONTH);
      const second = await sweep();
      expect(second.erased).toContain(own.id);
      expect(second.erased).not.toContain(foreign.id);
      await graph.drainEvents();

      const compliance = graph.subgraphs.compliance.database.dataSource;
      expect(await compliance.getRepository(ParticipationEntity).countBy({ userId: foreign.id })).toBe(0);
      const events = await compliance.getRepository(OutboxEvent).find();
      expect(events.filter((event) => [foreign.id, stranger].some((id) => event.payload.includes(id)))).toEqual([]);
      // The foreign person is untouched at home: visible to their admin, and able to sign in.
      const atHome = await (await as(umbrellaAdmin))(`query($u: ID!) { user(id: $u) { email } }`, { u: foreign.id });
      expect(atHome.data).toEqual({ user: { email: foreign.email } });
      await expect(graph.login(foreign.email)).resolves.toEqual(expect.any(String));
    });

    it('answers a foreign id exactly as an unknown one, and changes nothing', async () => {
      const foreignPerson = user('member@umbrella-health.test');
      const consent = await (
        await as(umbrellaAdmin)
      )<{ recordConsent: { id: string } }>(
        `mutation($u: ID!) { recordConsent(userId: $u, policyVersion: "1.0", source: "paper") { id } }`,
        { u: foreignPerson.id },
      );
      expect(consent.errors).toBeUndefined();
      const foreign = { client: umbrella.id, user: foreignPerson.id, consent: consent.data!.recordConsent.id };
      const operations: Array<[string, string]> = [
        ['client', 'query($id: ID!) { retentionPolicy(clientId: $id) { clientId } }'],
        ['client', 'query($id: ID!) { auditLog(organizationId: $id) { totalCount edges { cursor } } }'],
        ['client', 'query($id: ID!) { dataSubjectRequests(clientId: $id) { totalCount edges { cursor } } }'],
        [
          'client',
          'mutation($id: ID!) { updateRetentionPolicy(clientId: $id, input: { acceptanceWindowDays: 10 }) { clientId } }',
        ],
        ['user', 'mutation($id: ID!) { recordConsent(userId: $id, policyVersion: "1.0") { id } }'],
        ['consent', 'mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }'],
        ['user', 'mutation($id: ID!) { requestDataExport(userId: $id) { id } }'],
        ['user', 'mutation($id: ID!) { requestErasure(userId: $id) { id } }'],
      ];
      for (const caller of [acmeAdmin, northwindAdmin]) {
        const query = await as(caller);
        for (const [kind, operation] of operations) {
          const foreignId = foreign[kind as keyof typeof foreign];
          const unknownId = randomUUID();
          const normalise = (result: GraphQLResponse<unknown>, id: string) =>
            JSON.stringify(result).split(id).join('<id>');
          const [onForeign, onUnknown] = [
            await query(operation, { id: foreignId }),
            await query(operation, { id: unknownId }),
          ];
          expect({ operation, answer: normalise(onForeign, foreignId) }).toEqual({
            operation,
            answer: normalise(onUnknown, unknownId),
          });
          if (onForeign.errors) expect(code(onForeign)).toBe('NOT_FOUND');
        }
      }
      // Straight at compliance, too: a foreign and an unknown person resolve alike.
      for (const id of [foreignPerson.id, randomUUID()])
        expect((await entities(acmeAdmin, 'User', id, 'consents { id }')).data?._entities).toEqual([null]);
      // Nothing changed at Umbrella.
      const atHome = await (
        await as(umbrellaAdmin)
      )<{
        retentionPolicy: { acceptanceWindowDays: number };
        user: { consents: Array<{ withdrawnAt: string | null }> };
        dataSubjectRequests: { totalCount: number };
      }>(
        `query($c: ID!, $u: ID!) { retentionPolicy(clientId: $c) { acceptanceWindowDays } user(id: $u) { email consents { withdrawnAt } } dataSubjectRequests(clientId: $c) { totalCount } }`,
        { c: umbrella.id, u: foreignPerson.id },
      );
      expect(atHome.errors).toBeUndefined();
      expect(atHome.data!.retentionPolicy.acceptanceWindowDays).toBe(30);
      expect(atHome.data!.user.consents).toEqual([{ withdrawnAt: null }]);
      expect(atHome.data!.dataSubjectRequests.totalCount).toBe(0);
    });
  });

  describe('who reads and changes compliance data', () => {
    it("lets a partner with FULL access manage a client's retention policy, and one with LIMITED (people) see none of it", async () => {
      const partner = await as(northwindAdmin);
      const full = await partner<{ updateRetentionPolicy: { acceptanceWindowDays: number } }>(
        `mutation($c: ID!) { updateRetentionPolicy(clientId: $c, input: { acceptanceWindowDays: 30 }) { acceptanceWindowDays } }`,
        { c: acme.id },
      );
      expect(full.errors).toBeUndefined();
      const limited = await partner<{
        client: { name: string; retentionPolicy: unknown };
        retentionPolicy: unknown;
        auditLog: { totalCount: number };
      }>(
        `query($c: ID!) { client(id: $c) { name retentionPolicy { clientId } } retentionPolicy(clientId: $c) { clientId } auditLog(organizationId: $c) { totalCount } }`,
        { c: initech.id },
      );
      expect(limited.errors).toBeUndefined();
      expect(limited.data).toEqual({
        client: { name: initech.name, retentionPolicy: null },
        retentionPolicy: null,
        auditLog: { totalCount: 0 },
      });
      const update = await partner(
        `mutation($c: ID!) { updateRetentionPolicy(clientId: $c, input: { acceptanceWindowDays: 10 }) { clientId } }`,
        { c: initech.id },
      );
      expect(update.errors?.[0]).toMatchObject({
        message: `Client ${initech.id} was not found`,
        extensions: { code: 'NOT_FOUND' },
      });
    });

    it('lets a partner whose LIMITED grant lends compliance read the audit log and export, but not manage', async () => {
      await deliverFromTenancy('PartnerAccessChanged', {
        clientId: stark.id,
        partnerId: bluepeakAdmin.organizationId,
        level: 'LIMITED',
        products: ['people', 'compliance'],
        includeWallet: false,
        status: 'ACTIVE',
      });
      const person = user('member@stark-logistics.test');
      const change = await (
        await as(starkAdmin)
      )(`mutation($c: ID!) { updateRetentionPolicy(clientId: $c, input: { acceptanceWindowDays: 30 }) { clientId } }`, {
        c: stark.id,
      });
      expect(change.errors).toBeUndefined();
      const partner = await as(bluepeakAdmin);
      const read = await partner<{
        retentionPolicy: unknown;
        auditLog: { totalCount: number };
        user: { retentionState: { state: string } | null };
      }>(
        `query($c: ID!, $u: ID!) { retentionPolicy(clientId: $c) { clientId } auditLog(organizationId: $c) { totalCount } user(id: $u) { retentionState { state } } }`,
        { c: stark.id, u: person.id },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data!.retentionPolicy).toBeNull();
      expect(read.data!.auditLog.totalCount).toBeGreaterThan(0);
      expect(read.data!.user.retentionState).toEqual({ state: 'ACTIVE' });
      const exported = await partner<{ requestDataExport: { status: string; document: string | null } }>(
        `mutation($u: ID!) { requestDataExport(userId: $u) { status document } }`,
        { u: person.id },
      );
      expect(exported.errors).toBeUndefined();
      expect(exported.data!.requestDataExport.status).toBe('COMPLETED');
      expect(exported.data!.requestDataExport.document).toContain(person.email);
      // It sees the person, so recording their consent (compliance.manage, client-level) is FORBIDDEN.
      const consent = await partner(
        `mutation($u: ID!) { recordConsent(userId: $u, policyVersion: "1.0", source: "paper") { id } }`,
        { u: person.id },
      );
      expect(code(consent)).toBe('FORBIDDEN');
    });

    it('resolves a person for themself and for the compliance officers of their home organisation only', async () => {
      const person = user('member@acme-robotics.test');
      const initechPerson = user('member@initech-labs.test');
      const selection = 'consents { id } retentionState { state }';
      expect((await entities(acmeAdmin, 'User', person.id, selection)).data?._entities).toEqual([
        { consents: [], retentionState: { state: 'ACTIVE' } },
      ]);
      expect((await entities(northwindAdmin, 'User', person.id, selection)).data?._entities).toEqual([
        { consents: [], retentionState: { state: 'ACTIVE' } },
      ]);
      // The person sees their consents but not their retention state (it needs an officer's permission).
      const self = await entities(person, 'User', person.id, 'consents { id }');
      expect(self.data?._entities).toEqual([{ consents: [] }]);
      // A colleague without compliance permissions, another client's officer, a partner through a
      // LIMITED (people) grant: the reference is null.
      for (const [caller, id] of [
        [user('manager@acme-robotics.test'), person.id],
        [umbrellaAdmin, person.id],
        [northwindAdmin, initechPerson.id],
      ] as const)
        expect((await entities(caller, 'User', id, 'consents { id }')).data?._entities).toEqual([null]);
    });

    it('lets a person give consent, export and erase themself, but not read their retention state', async () => {
      const person = user('external.wayne-textiles@contractors.test');
      const self = await as(person);
      const given = await self(`mutation($u: ID!) { recordConsent(userId: $u, policyVersion: "1.0") { source } }`, {
        u: person.id,
      });
      expect(given.data).toEqual({ recordConsent: { source: 'web' } });
      const me = await self<{ me: { consent: { policyVersion: string } } }>('{ me { consent { policyVersion } } }');
      expect(me.data!.me.consent).toEqual({ policyVersion: '1.0' });
      expect(code(await self('{ me { retentionState { state } } }'))).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
      const exported = await self<{ requestDataExport: { document: string } }>(
        `mutation($u: ID!) { requestDataExport(userId: $u) { document } }`,
        { u: person.id },
      );
      expect(exported.data!.requestDataExport.document).toContain(person.email);
      const colleague = user('member@wayne-textiles.test');
      expect(code(await self(`mutation($u: ID!) { requestDataExport(userId: $u) { id } }`, { u: colleague.id }))).toBe(
        'NOT_FOUND',
      );
      const erased = await self<{ requestErasure: { status: string } }>(
        `mutation($u: ID!) { requestErasure(userId: $u) { status } }`,
        { u: person.id },
      );
      expect(erased.data).toEqual({ requestErasure: { status: 'COMPLETED' } });
      await graph.drainEvents();
      await expect(graph.login(person.email)).rejects.toThrow(/login/);
    });

    it('lets only platform operators run the retention sweep', async () => {
      for (const caller of [acmeAdmin, northwindAdmin])
        expect(code(await (await as(caller))('mutation { runRetentionSweep(dryRun: true) { dryRun } }'))).toBe(
          'UNAUTHORIZED_FIELD_OR_TYPE',
        );
      const dry = await (await as(operator))('mutation { runRetentionSweep(dryRun: true) { dryRun } }');
      expect(dry.data).toEqual({ runRetentionSweep: { dryRun: true } });
    });
  });
});
