import { buildDataset } from '../../../graph/demo-data';
import { OutboxEvent } from '../../../shared/events/outbox';
import { startTestGraph, type GraphQLResponse, type TestGraph } from '../../../graph/testing';
import { FakeClock } from '../../../shared/testing/fake-clock';

const DAY = 86_400_000;
const MONTH = 31 * DAY;

type Query = TestGraph['query'];
interface Person {
  id: string;
  email: string;
}
interface SweepResult {
  runRetentionSweep: { softDeleted: string[]; erased: string[]; hasMore: boolean; dryRun: boolean };
}

const code = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code;

/**
 * The GDPR lifecycle through the gateway: participants who did not accept the privacy terms in time
 * are soft-deleted 12 months after joining and erased 36 months later, on a clock the test moves.
 * Every test enrols the people it watches, so it passes alone or after any other: sweeps may also
 * take people of earlier tests (or the demo's participants), and each test looks only at its own.
 */
describe('retention, consent and data-subject requests', () => {
  let graph: TestGraph;
  const clock = new FakeClock();
  const dataset = buildDataset({ partners: 1, clientsPerPartner: 2 });
  const acme = dataset.clients[0];
  const project = acme.projects[0];
  let enrolled = 0;

  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    await graph.seed(dataset);
    await graph.drainEvents();
  });
  afterAll(async () => {
    await graph?.stop();
  });

  /** Signs in now (tokens live minutes, and tests move the clock by months). */
  const as = async (email: string): Promise<Query> => graph.as(await graph.login(email));
  const operator = () => as('operator@tenantry.test');
  const admin = () => as(`admin@${acme.emailDomain}`);

  const sweep = async (dryRun = false, batchSize = 100): Promise<GraphQLResponse<SweepResult>> =>
    (await operator())<SweepResult>(
      `mutation($dryRun: Boolean, $batchSize: Int) { runRetentionSweep(dryRun: $dryRun, batchSize: $batchSize) { dryRun softDeleted erased hasMore } }`,
      { dryRun, batchSize },
    );

  /** A new participant of Acme who joins the project now, as Acme's admin enrols them. */
  async function enrol(): Promise<Person> {
    enrolled += 1;
    const email = `candidate${enrolled}@candidates.test`;
    const asAdmin = await admin();
    const invited = await asAdmin<{ inviteUser: { id: string } }>(
      `mutation($org: ID!, $email: String!) { inviteUser(organizationId: $org, input: { email: $email, firstName: "Cand", lastName: "Idate${enrolled}", kind: PARTICIPANT }) { id } }`,
      { org: acme.id, email },
    );
    expect(invited.errors).toBeUndefined();
    const id = invited.data!.inviteUser.id;
    const joined = await asAdmin(`mutation($p: ID!, $u: ID!) { joinProject(projectId: $p, userId: $u) { joinedAt } }`, {
      p: project.id,
      u: id,
    });
    expect(joined.errors).toBeUndefined();
    await graph.drainEvents();
    return { id, email };
  }

  /** Consent on paper, recorded by Acme's compliance officer. */
  async function recordConsent(person: Person, policyVersion = '1.0'): Promise<string> {
    const result = await (
      await admin()
    )<{ recordConsent: { id: string } }>(
      `mutation($u: ID!, $v: String!) { recordConsent(userId: $u, policyVersion: $v, source: "paper") { id } }`,
      { u: person.id, v: policyVersion },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.recordConsent.id;
  }

  /** Sweeps until the given people have been soft-deleted, and delivers what the sweep published. */
  async function softDeleteAfterAYear(people: Person[]): Promise<void> {
    clock.advance(13 * MONTH);
    const result = await sweep();
    expect(result.data!.runRetentionSweep.softDeleted).toEqual(
      expect.arrayContaining(people.map((person) => person.id)),
    );
    await graph.drainEvents();
  }

  it('shows the current consent and its history', async () => {
    const person = await enrol();
    await recordConsent(person);
    const result = await (
      await admin()
    )<{ user: { consent: { policyVersion: string } | null; consents: unknown[] } }>(
      `query($u: ID!) { user(id: $u) { consent { policyVersion source } consents { id } } }`,
      { u: person.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.user.consent).toEqual({ policyVersion: '1.0', source: 'paper' });
    expect(result.data!.user.consents).toHaveLength(1);
  });

  it('keeps a withdrawn consent in the history and no longer counts it as current', async () => {
    const person = await enrol();
    const consentId = await recordConsent(person, '0.9');
    const asAdmin = await admin();
    const withdrawn = await asAdmin<{ withdrawConsent: { withdrawnAt: string | null } }>(
      `mutation($c: ID!) { withdrawConsent(consentId: $c) { withdrawnAt } }`,
      { c: consentId },
    );
    expect(withdrawn.data!.withdrawConsent.withdrawnAt).not.toBeNull();
    const state = await asAdmin<{ user: { consent: unknown; consents: Array<{ withdrawnAt: string | null }> } }>(
      `query($u: ID!) { user(id: $u) { consent { id } consents { withdrawnAt } } }`,
      { u: person.id },
    );
    expect(state.data!.user.consent).toBeNull();
    expect(state.data!.user.consents).toHaveLength(1);
  });

  it('audits a change of the retention policy in the same transaction', async () => {
    const asAdmin = await admin();
    const changed = await asAdmin(
      `mutation($c: ID!) { updateRetentionPolicy(clientId: $c, input: { privacyTermsVersion: "1.0", acceptanceWindowDays: 30 }) { privacyTermsVersion } }`,
      { c: acme.id },
    );
    expect(changed.errors).toBeUndefined();
    const log = await asAdmin<{ auditLog: { edges: Array<{ node: { actorId: string; after: string } }> } }>(
      `query($c: ID!) { auditLog(organizationId: $c, first: 1, filter: { action: "RETENTION_POLICY_UPDATED" }) { edges { node { actorId after } } } }`,
      { c: acme.id },
    );
    const adminId = dataset.users.find((user) => user.email === `admin@${acme.emailDomain}`)!.id;
    expect(log.data!.auditLog.edges[0].node.actorId).toBe(adminId);
    expect(JSON.parse(log.data!.auditLog.edges[0].node.after)).toMatchObject({
      softDeleteAfterMonths: 12,
      acceptanceWindowDays: 30,
    });
  });

  it('validates retention policy bounds and changes nothing on bad input', async () => {
    const asAdmin = await admin();
    const bad = await asAdmin(
      `mutation($c: ID!) { updateRetentionPolicy(clientId: $c, input: { softDeleteAfterMonths: 0 }) { softDeleteAfterMonths } }`,
      { c: acme.id },
    );
    expect(code(bad)).toBe('BAD_USER_INPUT');
    const tooLong = await asAdmin(
      `mutation($c: ID!) { updateRetentionPolicy(clientId: $c, input: { eraseAfterMonths: 500 }) { eraseAfterMonths } }`,
      { c: acme.id },
    );
    expect(code(tooLong)).toBe('BAD_USER_INPUT');
    const policy = await asAdmin<{ retentionPolicy: Record<string, number> }>(
      `query($c: ID!) { retentionPolicy(clientId: $c) { softDeleteAfterMonths eraseAfterMonths acceptanceWindowDays } }`,
      { c: acme.id },
    );
    expect(policy.data!.retentionPolicy).toEqual({
      softDeleteAfterMonths: 12,
      eraseAfterMonths: 36,
      acceptanceWindowDays: 30,
    });
  });

  it('does nothing before 12 months, counts only consent given in time, and a dry run only reports', async () => {
    const [consented, silent, late] = [await enrol(), await enrol(), await enrol()];
    await recordConsent(consented);
    clock.advance(40 * DAY);
    // Consent that arrives after the 30-day window does not count.
    await recordConsent(late);
    const early = (await sweep()).data!.runRetentionSweep.softDeleted;
    for (const person of [consented, silent, late]) expect(early).not.toContain(person.id);
    clock.advance(12 * MONTH);
    const dry = await sweep(true, 1000);
    expect(dry.data!.runRetentionSweep.dryRun).toBe(true);
    expect(dry.data!.runRetentionSweep.softDeleted).toEqual(expect.arrayContaining([silent.id, late.id]));
    expect(dry.data!.runRetentionSweep.softDeleted).not.toContain(consented.id);
    const stillThere = await (await admin())(`query($u: ID!) { user(id: $u) { email } }`, { u: silent.id });
    expect(stillThere.data).toEqual({ user: { email: silent.email } });
  });

  it('soft-deletes in batches, resumes where it stopped, and never twice when two sweeps run at once', async () => {
    const ours = [await enrol(), await enrol()].map((person) => person.id);
    clock.advance(13 * MONTH);
    const taken: string[] = [];
    // Other people may be due as well (the demo's participants, earlier tests'): sweep until ours are done.
    for (let round = 0; round < 100 && !ours.every((id) => taken.includes(id)); round += 1) {
      const [a, b] = await Promise.all([sweep(false, 1), sweep(false, 1)]);
      taken.push(...a.data!.runRetentionSweep.softDeleted, ...b.data!.runRetentionSweep.softDeleted);
    }
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken).toEqual(expect.arrayContaining(ours));
    const again = (await sweep()).data!.runRetentionSweep.softDeleted;
    for (const id of ours) expect(again).not.toContain(id);
    const events = await graph.subgraphs.compliance.database.dataSource
      .getRepository(OutboxEvent)
      .findBy({ topic: 'PersonSoftDeleted', destination: 'identity' });
    expect(events.filter((event) => ours.some((id) => event.payload.includes(id)))).toHaveLength(2);
  });

  it('hides a soft-deleted person on every path', async () => {
    const [person, bystander] = [await enrol(), await enrol()];
    await recordConsent(bystander);
    await softDeleteAfterAYear([person]);
    const asAdmin = await admin();
    expect((await asAdmin(`query($u: ID!) { user(id: $u) { email } }`, { u: person.id })).data).toEqual({
      user: null,
    });
    const list = await asAdmin<{ users: { edges: Array<{ node: { id: string } }> } }>(
      `query($c: ID!) { users(clientId: $c, first: 100) { edges { node { id } } } }`,
      { c: acme.id },
    );
    expect(list.data!.users.edges.map((edge) => edge.node.id)).not.toContain(person.id);
    const search = await asAdmin<{ users: { totalCount: number } }>(
      `query($c: ID!, $e: String!) { users(clientId: $c, filter: { email: $e }) { totalCount } }`,
      { c: acme.id, e: person.email.split('@')[0] },
    );
    expect(search.data!.users.totalCount).toBe(0);
    const usage = await asAdmin<{ client: { usage: { users: number } } }>(
      `query($c: ID!) { client(id: $c) { usage { users } } }`,
      { c: acme.id },
    );
    const visible = await asAdmin<{ users: { totalCount: number } }>(
      `query($c: ID!) { users(clientId: $c) { totalCount } }`,
      { c: acme.id },
    );
    expect(usage.data!.client.usage.users).toBe(visible.data!.users.totalCount);
    const login = await graph.query(
      'mutation($e: String!) { login(email: $e, password: "whatever-password-1") { accessToken } }',
      { e: person.email },
    );
    expect(code(login)).toBe('UNAUTHENTICATED');
    // A bystander's retention state stays readable to the compliance officer.
    const state = await asAdmin<{ user: { retentionState: { state: string } } }>(
      `query($u: ID!) { user(id: $u) { retentionState { state } } }`,
      { u: bystander.id },
    );
    expect(state.errors).toBeUndefined();
    expect(state.data!.user.retentionState).toEqual({ state: 'ACTIVE' });
  });

  it('exports only the person’s own data', async () => {
    const [person, stranger] = [await enrol(), await enrol()];
    await recordConsent(person);
    const asAdmin = await admin();
    const result = await asAdmin<{ requestDataExport: { id: string; status: string; document: string } }>(
      `mutation($u: ID!) { requestDataExport(userId: $u) { id status document } }`,
      { u: person.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.requestDataExport.status).toBe('COMPLETED');
    const document = result.data!.requestDataExport.document;
    const parsed = JSON.parse(document) as {
      identity: { user: { email: string } };
      compliance: { consents: unknown[] };
    };
    expect(parsed.identity.user.email).toBe(person.email);
    expect(parsed.compliance.consents).toHaveLength(1);
    expect(document).not.toContain(stranger.email);
    for (const user of dataset.users) expect(document).not.toContain(user.email);
    const listed = await asAdmin<{
      dataSubjectRequests: { edges: Array<{ node: { id: string; kind: string; status: string; userId: string } }> };
    }>(
      `query($c: ID!) { dataSubjectRequests(clientId: $c, first: 100) { edges { node { id kind status userId } } } }`,
      {
        c: acme.id,
      },
    );
    expect(listed.data!.dataSubjectRequests.edges.map((edge) => edge.node)).toContainEqual({
      id: result.data!.requestDataExport.id,
      kind: 'EXPORT',
      status: 'COMPLETED',
      userId: person.id,
    });
  });

  it('erases 36 months later in every subgraph, and the email can register again', async () => {
    const person = await enrol();
    await softDeleteAfterAYear([person]);
    clock.advance(37 * MONTH);
    const result = await sweep();
    expect(result.data!.runRetentionSweep.erased).toContain(person.id);
    await graph.drainEvents();
    for (const { dataSource } of Object.values(graph.subgraphs).map((s) => s.database)) {
      for (const table of ['users', 'outbox_events', 'audit_log', 'user_invitations', 'consent_records']) {
        const runner = dataSource.createQueryRunner();
        const exists = await runner.hasTable(table).finally(() => runner.release());
        if (!exists) continue;
        const rows: unknown[] = await dataSource.query(`SELECT * FROM ${table}`);
        expect(JSON.stringify(rows)).not.toContain(person.email);
      }
    }
    const row = await graph.subgraphs.identity.database.dataSource.query<Array<{ email: string }>>(
      'SELECT email FROM users WHERE id = ?',
      [person.id],
    );
    expect(row[0].email).toMatch(/@erased\.invalid$/);
    const again = await (
      await admin()
    )(
      `mutation($org: ID!, $email: String!) { inviteUser(organizationId: $org, input: { email: $email, firstName: "Back", lastName: "Again", kind: PARTICIPANT }) { id } }`,
      { org: acme.id, email: person.email },
    );
    expect(again.errors).toBeUndefined();
  });

  it('erases on request through the same path, earlier exports included', async () => {
    const person = await enrol();
    const asAdmin = await admin();
    const exported = await asAdmin<{ requestDataExport: { id: string } }>(
      `mutation($u: ID!) { requestDataExport(userId: $u) { id } }`,
      { u: person.id },
    );
    expect(exported.errors).toBeUndefined();
    const erased = await asAdmin<{ requestErasure: { status: string } }>(
      `mutation($u: ID!) { requestErasure(userId: $u) { status } }`,
      { u: person.id },
    );
    expect(erased.data!.requestErasure.status).toBe('COMPLETED');
    // requestErasure delivers its event before answering: identity hides the person at once.
    expect((await asAdmin(`query($u: ID!) { user(id: $u) { email } }`, { u: person.id })).data).toEqual({
      user: null,
    });
    const requests = await asAdmin<{
      dataSubjectRequests: { edges: Array<{ node: { userId: string; kind: string; document: string | null } }> };
    }>(`query($c: ID!) { dataSubjectRequests(clientId: $c, first: 100) { edges { node { userId kind document } } } }`, {
      c: acme.id,
    });
    const theirs = requests.data!.dataSubjectRequests.edges.filter((edge) => edge.node.userId === person.id);
    expect(theirs.map((edge) => edge.node.kind).sort()).toEqual(['ERASURE', 'EXPORT']);
    expect(theirs.every((edge) => edge.node.document === null)).toBe(true);
  });
});
