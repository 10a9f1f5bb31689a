import { buildDataset } from '../../../graph/demo-data';
import { OutboxEvent } from '../../../shared/events/outbox';
import { startTestGraph, type TestGraph } from '../../../graph/testing';
import { FakeClock } from '../../../shared/testing/fake-clock';

const DAY = 86_400_000;
const MONTH = 31 * DAY;

/**
 * The GDPR lifecycle through the gateway: participants who did not accept the privacy terms in time
 * are soft-deleted 12 months after joining and erased 36 months later, on a clock the test moves.
 */
describe('retention, consent and data-subject requests', () => {
  let graph: TestGraph;
  const clock = new FakeClock();
  const dataset = buildDataset({ partners: 1, clientsPerPartner: 2 });
  const acme = dataset.clients[0];
  const other = dataset.clients[1];
  const project = acme.projects[0];
  let operator: TestGraph['query'];
  let admin: TestGraph['query'];
  const people: Record<'consented' | 'silent' | 'late', { id: string; email: string }> = {} as never;

  const code = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0]?.extensions?.code;
  const sweep = (dryRun = false, batchSize = 100) =>
    operator<{ runRetentionSweep: { softDeleted: string[]; erased: string[]; hasMore: boolean; dryRun: boolean } }>(
      `mutation($dryRun: Boolean, $batchSize: Int) { runRetentionSweep(dryRun: $dryRun, batchSize: $batchSize) { dryRun softDeleted erased hasMore } }`,
      { dryRun, batchSize },
    );

  const signIn = async () => {
    operator = graph.as(await graph.login('operator@tenantry.test'));
    admin = graph.as(await graph.login(`admin@${acme.emailDomain}`));
  };
  /** Moves every service's clock; sessions outlive no more than 30 days of it, so both sign in again. */
  const advance = async (ms: number) => {
    clock.advance(ms);
    await signIn();
  };

  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    await graph.seed(dataset);
    await graph.drainEvents();
    await signIn();
    // The demo participants joined more than a year ago without consent: the first sweep takes them.
    const first = await sweep();
    expect(first.errors).toBeUndefined();
    await graph.drainEvents();
    for (const [index, key] of (['consented', 'silent', 'late'] as const).entries()) {
      const email = `candidate${index}@candidates.test`;
      const invited = await admin<{ inviteUser: { id: string } }>(
        `mutation($org: ID!, $email: String!) { inviteUser(organizationId: $org, input: { email: $email, firstName: "Cand", lastName: "Idate${index}", kind: PARTICIPANT }) { id } }`,
        { org: acme.id, email },
      );
      expect(invited.errors).toBeUndefined();
      people[key] = { id: invited.data!.inviteUser.id, email };
      expect(
        (
          await admin(`mutation($p: ID!, $u: ID!) { joinProject(projectId: $p, userId: $u) { joinedAt } }`, {
            p: project.id,
            u: people[key].id,
          })
        ).errors,
      ).toBeUndefined();
    }
    await graph.drainEvents();
    // Consent on paper, recorded by the client's compliance officer within the acceptance window.
    const consent = await admin(
      `mutation($u: ID!) { recordConsent(userId: $u, policyVersion: "1.0", source: "paper") { id givenAt } }`,
      { u: people.consented.id },
    );
    expect(consent.errors).toBeUndefined();
  });
  afterAll(async () => {
    await graph?.stop();
  });

  it('shows the current consent and its history', async () => {
    const result = await admin<{ user: { consent: { policyVersion: string } | null; consents: unknown[] } }>(
      `query($u: ID!) { user(id: $u) { consent { policyVersion source } consents { id } } }`,
      { u: people.consented.id },
    );
    expect(result.data!.user.consent).toEqual({ policyVersion: '1.0', source: 'paper' });
    expect(result.data!.user.consents).toHaveLength(1);
  });

  it('keeps a withdrawn consent in the history and no longer counts it as current', async () => {
    const given = await admin<{ recordConsent: { id: string } }>(
      `mutation($u: ID!) { recordConsent(userId: $u, policyVersion: "0.9", source: "web") { id } }`,
      { u: people.late.id },
    );
    const withdrawn = await admin<{ withdrawConsent: { withdrawnAt: string | null } }>(
      `mutation($c: ID!) { withdrawConsent(consentId: $c) { withdrawnAt } }`,
      { c: given.data!.recordConsent.id },
    );
    expect(withdrawn.data!.withdrawConsent.withdrawnAt).not.toBeNull();
    const state = await admin<{ user: { consent: unknown; consents: Array<{ withdrawnAt: string | null }> } }>(
      `query($u: ID!) { user(id: $u) { consent { id } consents { withdrawnAt } } }`,
      { u: people.late.id },
    );
    expect(state.data!.user.consent).toBeNull();
    expect(state.data!.user.consents).toHaveLength(1);
  });

  it('audits a change of the retention policy', async () => {
    const changed = await admin(
      `mutation($c: ID!) { updateRetentionPolicy(clientId: $c, input: { privacyTermsVersion: "1.0", acceptanceWindowDays: 30 }) { privacyTermsVersion } }`,
      { c: acme.id },
    );
    expect(changed.errors).toBeUndefined();
    const log = await admin<{ auditLog: { edges: Array<{ node: { actorId: string; after: string } }> } }>(
      `query($c: ID!) { auditLog(organizationId: $c, filter: { action: "RETENTION_POLICY_UPDATED" }) { edges { node { actorId after } } } }`,
      { c: acme.id },
    );
    expect(log.data!.auditLog.edges).toHaveLength(1);
    expect(JSON.parse(log.data!.auditLog.edges[0].node.after)).toMatchObject({
      softDeleteAfterMonths: 12,
      acceptanceWindowDays: 30,
    });
  });

  it('validates retention policy bounds and changes nothing on bad input', async () => {
    const bad = await admin(
      `mutation($c: ID!) { updateRetentionPolicy(clientId: $c, input: { softDeleteAfterMonths: 0 }) { softDeleteAfterMonths } }`,
      { c: acme.id },
    );
    expect(code(bad)).toBe('BAD_USER_INPUT');
    const tooLong = await admin(
      `mutation($c: ID!) { updateRetentionPolicy(clientId: $c, input: { eraseAfterMonths: 500 }) { eraseAfterMonths } }`,
      { c: acme.id },
    );
    expect(code(tooLong)).toBe('BAD_USER_INPUT');
    const foreign = await admin(
      `mutation($c: ID!) { updateRetentionPolicy(clientId: $c, input: { acceptanceWindowDays: 10 }) { acceptanceWindowDays } }`,
      { c: other.id },
    );
    expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(code(foreign));
    const policy = await admin<{ retentionPolicy: Record<string, number> }>(
      `query($c: ID!) { retentionPolicy(clientId: $c) { softDeleteAfterMonths eraseAfterMonths acceptanceWindowDays } }`,
      { c: acme.id },
    );
    expect(policy.data!.retentionPolicy).toEqual({
      softDeleteAfterMonths: 12,
      eraseAfterMonths: 36,
      acceptanceWindowDays: 30,
    });
  });

  it('does nothing before 12 months, and a dry run only reports', async () => {
    await advance(40 * DAY);
    // Consent that arrives after the 30-day window does not count.
    expect(
      (
        await admin(`mutation($u: ID!) { recordConsent(userId: $u, policyVersion: "1.0", source: "paper") { id } }`, {
          u: people.late.id,
        })
      ).errors,
    ).toBeUndefined();
    expect((await sweep()).data!.runRetentionSweep.softDeleted).toEqual([]);
    await advance(12 * MONTH);
    const dry = await sweep(true);
    expect(dry.data!.runRetentionSweep.dryRun).toBe(true);
    expect(dry.data!.runRetentionSweep.softDeleted.sort()).toEqual([people.silent.id, people.late.id].sort());
    const stillThere = await admin(`query($u: ID!) { user(id: $u) { email } }`, { u: people.silent.id });
    expect(stillThere.data).toEqual({ user: { email: people.silent.email } });
  });

  it('soft-deletes in batches, resumes where it stopped, and never twice when two sweeps run at once', async () => {
    const [a, b] = await Promise.all([sweep(false, 1), sweep(false, 1)]);
    const firstRound = [...a.data!.runRetentionSweep.softDeleted, ...b.data!.runRetentionSweep.softDeleted];
    expect(new Set(firstRound).size).toBe(firstRound.length);
    const rest = await sweep();
    const all = [...firstRound, ...rest.data!.runRetentionSweep.softDeleted].sort();
    expect(all).toEqual([people.silent.id, people.late.id].sort());
    expect((await sweep()).data!.runRetentionSweep.softDeleted).toEqual([]);
    const events = await graph.subgraphs.compliance.database.dataSource
      .getRepository(OutboxEvent)
      .findBy({ topic: 'PersonSoftDeleted', destination: 'identity' });
    const forOurs = events.filter((event) =>
      [people.silent.id, people.late.id].some((id) => event.payload.includes(id)),
    );
    expect(forOurs).toHaveLength(2);
    await graph.drainEvents();
  });

  it('hides a soft-deleted person on every path', async () => {
    const { id, email } = people.silent;
    expect((await admin(`query($u: ID!) { user(id: $u) { email } }`, { u: id })).data).toEqual({ user: null });
    const list = await admin<{ users: { edges: Array<{ node: { id: string } }> } }>(
      `query($c: ID!) { users(clientId: $c, first: 100) { edges { node { id } } } }`,
      { c: acme.id },
    );
    expect(list.data!.users.edges.map((edge) => edge.node.id)).not.toContain(id);
    const search = await admin<{ users: { totalCount: number } }>(
      `query($c: ID!) { users(clientId: $c, filter: { email: "candidate1" }) { totalCount } }`,
      { c: acme.id },
    );
    expect(search.data!.users.totalCount).toBe(0);
    const usage = await admin<{ client: { usage: { users: number } } }>(
      `query($c: ID!) { client(id: $c) { usage { users } } }`,
      { c: acme.id },
    );
    const visible = await admin<{ users: { totalCount: number } }>(
      `query($c: ID!) { users(clientId: $c) { totalCount } }`,
      { c: acme.id },
    );
    expect(usage.data!.client.usage.users).toBe(visible.data!.users.totalCount);
    const login = await graph.query(
      'mutation($e: String!) { login(email: $e, password: "whatever-password-1") { accessToken } }',
      { e: email },
    );
    expect(code(login)).toBe('UNAUTHENTICATED');
    const state = await admin<{ user: null }>(`query($u: ID!) { user(id: $u) { retentionState { state } } }`, {
      u: people.consented.id,
    });
    expect(state.errors).toBeUndefined();
  });

  it('exports only the person’s own data', async () => {
    const result = await admin<{ requestDataExport: { status: string; document: string } }>(
      `mutation($u: ID!) { requestDataExport(userId: $u) { status document } }`,
      { u: people.consented.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.requestDataExport.status).toBe('COMPLETED');
    const document = result.data!.requestDataExport.document;
    const parsed = JSON.parse(document) as {
      identity: { user: { email: string } };
      compliance: { consents: unknown[] };
    };
    expect(parsed.identity.user.email).toBe(people.consented.email);
    expect(parsed.compliance.consents).toHaveLength(1);
    for (const stranger of [people.silent, people.late]) expect(document).not.toContain(stranger.email);
    for (const user of dataset.users.filter((u) => u.id !== people.consented.id))
      expect(document).not.toContain(user.email);
    const listed = await admin<{
      dataSubjectRequests: { totalCount: number; edges: Array<{ node: { kind: string; status: string } }> };
    }>(`query($c: ID!) { dataSubjectRequests(clientId: $c) { totalCount edges { node { kind status } } } }`, {
      c: acme.id,
    });
    expect(listed.data!.dataSubjectRequests.edges[0].node).toEqual({ kind: 'EXPORT', status: 'COMPLETED' });
  });

  it('refuses requests about unknown people and about another organisation’s people', async () => {
    expect(
      code(await admin(`mutation { requestDataExport(userId: "00000000-0000-4000-8000-000000000000") { id } }`)),
    ).toBe('NOT_FOUND');
    const foreign = dataset.users.find((user) => user.organizationId === other.id)!;
    expect(code(await admin(`mutation($u: ID!) { requestErasure(userId: $u) { id } }`, { u: foreign.id }))).toBe(
      'FORBIDDEN',
    );
    expect((await operator(`query($u: ID!) { user(id: $u) { email } }`, { u: foreign.id })).data).toEqual({
      user: { email: foreign.email },
    });
  });

  it('erases 36 months later in every subgraph, and the email can register again', async () => {
    await advance(37 * MONTH);
    const result = await sweep();
    expect(result.data!.runRetentionSweep.erased.sort()).toEqual(
      expect.arrayContaining([people.silent.id, people.late.id]),
    );
    await graph.drainEvents();
    const identity = graph.subgraphs.identity.database.dataSource;
    for (const person of [people.silent, people.late]) {
      for (const { dataSource } of Object.values(graph.subgraphs).map((s) => s.database)) {
        for (const table of ['users', 'outbox_events', 'audit_log', 'user_invitations', 'consent_records']) {
          const runner = dataSource.createQueryRunner();
          const exists = await runner.hasTable(table).finally(() => runner.release());
          if (!exists) continue;
          const rows: unknown[] = await dataSource.query(`SELECT * FROM ${table}`);
          expect(JSON.stringify(rows)).not.toContain(person.email);
        }
      }
      const row = await identity.query<Array<{ email: string; firstName: string }>>(
        'SELECT email, firstName FROM users WHERE id = ?',
        [person.id],
      );
      expect(row[0].email).toMatch(/@erased\.invalid$/);
    }
    const again = await admin(
      `mutation($org: ID!, $email: String!) { inviteUser(organizationId: $org, input: { email: $email, firstName: "Back", lastName: "Again", kind: PARTICIPANT }) { id } }`,
      { org: acme.id, email: people.silent.email },
    );
    expect(again.errors).toBeUndefined();
  });

  it('erases on request through the same path', async () => {
    const erased = await admin<{ requestErasure: { status: string } }>(
      `mutation($u: ID!) { requestErasure(userId: $u) { status } }`,
      { u: people.consented.id },
    );
    expect(erased.data!.requestErasure.status).toBe('COMPLETED');
    await graph.drainEvents();
    expect((await admin(`query($u: ID!) { user(id: $u) { email } }`, { u: people.consented.id })).data).toEqual({
      user: null,
    });
    const exports = await admin<{
      dataSubjectRequests: { edges: Array<{ node: { kind: string; document: string | null } }> };
    }>(`query($c: ID!) { dataSubjectRequests(clientId: $c) { edges { node { kind document } } } }`, { c: acme.id });
    expect(exports.data!.dataSubjectRequests.edges.every((edge) => edge.node.document === null)).toBe(true);
  });
});
