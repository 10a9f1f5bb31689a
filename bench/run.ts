/**
 * `npm run bench`: speed targets as ratios measured in one run, on the embedded database.
 *
 * 1. A partner dashboard: 50 clients with a year of sign-ins (thousands of users). The usage
 *    statements read the daily roll-ups; the same figures computed from the raw sign-in events
 *    are the baseline. Target: roll-ups at least 5x faster for a year up to now (active users come
 *    from each user's last sign-in), and at least 1.5x for a year that ended earlier (active users
 *    need the distinct user-days: here every sign-in is its own user-day, the worst case).
 * 2. The dashboard list through the gateway (last 30 days, summary figures) at 5 and at 50 clients
 *    per page. Target: 50 clients cost less than 4x of 5 (a fixed number of grouped statements).
 * 3. The audit log of one organisation with AUDIT_ROWS entries: a page deep in the log (keyset
 *    cursor) against the first page, through the gateway. Target: less than 3x.
 */
import { randomUUID } from 'node:crypto';
import { buildDataset } from '../graph/demo-data';
import { startTestGraph } from '../graph/testing';
import { createUsageLoader } from '../subgraphs/identity/loaders';
import { rebuildRollups, usageKey } from '../subgraphs/identity/usage';

const AUDIT_ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 300_000);

const CLIENTS = 50;
const USERS_PER_CLIENT = 60;
const DAYS = 365;
const RUNS = 15;
/** How TypeORM stores a datetime in SQLite: UTC text without the zone. */
const sqliteDate = (date: Date): string => date.toISOString().replace('T', ' ').replace('Z', '');

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  const graph = await startTestGraph();
  try {
    const dataset = buildDataset({
      partners: 1,
      clientsPerPartner: CLIENTS,
      extraUsersPerClient: USERS_PER_CLIENT - 6,
    });
    await graph.seed(dataset);
    await graph.drainEvents();
    const identity = graph.subgraphs.identity.database.dataSource;

    // A year of sign-ins: each user signs in on about a third of the days.
    const now = Date.now();
    let events = 0;
    const users = dataset.users.filter((user) => dataset.clients.some((client) => client.id === user.organizationId));
    await identity.transaction(async (manager) => {
      for (let day = 0; day < DAYS; day += 1) {
        const rows = users
          .filter((_, index) => (index + day) % 3 === 0)
          .map((user) => [
            randomUUID(),
            user.id,
            user.organizationId,
            sqliteDate(new Date(now - day * 86_400_000 - (day % 7) * 3_600_000)),
          ]);
        for (let i = 0; i < rows.length; i += 500) {
          const chunk = rows.slice(i, i + 500);
          await manager.query(
            `INSERT INTO login_events (id, userId, organizationId, occurredAt) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
            chunk.flat(),
          );
        }
        events += rows.length;
      }
      await rebuildRollups(manager);
    });
    console.log(`Seeded ${CLIENTS} clients, ${users.length} users, ${events} sign-in events over ${DAYS} days.`);

    const clientIds = dataset.clients.map((client) => client.id);
    const period = { from: new Date(now - DAYS * 86_400_000), to: new Date(now) };

    const rollupsToNow = await median(() =>
      createUsageLoader(identity, new Date(now)).loadMany(clientIds.map((id) => usageKey(id, period))),
    );
    // A past year (ending yesterday): the roll-ups must also count distinct active users.
    const pastPeriod = { from: new Date(now - (DAYS + 1) * 86_400_000), to: new Date(now - 86_400_000) };
    const rollupsPast = await median(() =>
      createUsageLoader(identity, new Date(now)).loadMany(clientIds.map((id) => usageKey(id, pastPeriod))),
    );
    const placeholders = clientIds.map(() => '?').join(', ');
    const raw = await median(async () => {
      const args = [...clientIds, sqliteDate(period.from), sqliteDate(period.to)];
      await identity.query(
        `SELECT organizationId, COUNT(*) AS logins, COUNT(DISTINCT userId) AS active FROM login_events WHERE organizationId IN (${placeholders}) AND occurredAt >= ? AND occurredAt <= ? GROUP BY organizationId`,
        args,
      );
      await identity.query(
        `SELECT organizationId, DATE(occurredAt) AS day, COUNT(*) AS logins, COUNT(DISTINCT userId) AS active FROM login_events WHERE organizationId IN (${placeholders}) AND occurredAt >= ? AND occurredAt <= ? GROUP BY organizationId, DATE(occurredAt)`,
        args,
      );
    });

    const partnerAdmin = graph.as(await graph.login('admin@northwind-advisory.test'));
    const page = (first: number) => () =>
      partnerAdmin(
        `query($first: Int) { clients(first: $first) { edges { node { name usage { users activeUsers logins pendingInvitations lastActivityAt } } } } }`,
        { first },
      );
    const small = await median(page(5));
    const large = await median(page(CLIENTS));

    // The audit log: one organisation with many entries, paged newest first.
    const compliance = graph.subgraphs.compliance.database.dataSource;
    const operator = graph.as(await graph.login('operator@tenantry.test'));
    const auditOrg = dataset.clients[0].id;
    await compliance.transaction(async (manager) => {
      for (let i = 0; i < AUDIT_ROWS; i += 500) {
        const rows = Array.from({ length: Math.min(500, AUDIT_ROWS - i) }, (_, j) => [
          randomUUID(),
          auditOrg,
          `actor-${(i + j) % 97}`,
          'ROLE_GRANTED',
          'User',
          `target-${(i + j) % 1013}`,
          null,
          '{"role":"MEMBER"}',
          sqliteDate(new Date(now - (i + j) * 1000)),
          null,
        ]);
        await manager.query(
          `INSERT INTO audit_log (id, organizationId, actorId, action, targetType, targetId, before, after, occurredAt, requestId) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          rows.flat(),
        );
      }
    });
    const auditPage = (after: string | null) =>
      operator<{ auditLog: { pageInfo: { endCursor: string } } }>(
        `query($org: ID!, $after: String) { auditLog(organizationId: $org, first: 100, after: $after) { edges { node { id action occurredAt } } pageInfo { endCursor } } }`,
        { org: auditOrg, after },
      );
    // A cursor deep in the log: the entry 90% of the way back.
    const deepCursor = Buffer.from(
      JSON.stringify([
        new Date(now - Math.floor(AUDIT_ROWS * 0.9) * 1000).toISOString(),
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
      ]),
    ).toString('base64url');
    // The bulk insert held the event loop longer than the keep-alive timeout: the first request may
    // meet a socket the server already closed.
    await auditPage(null).catch(() => undefined);
    const firstAuditPage = await median(() => auditPage(null));
    const deepAuditPage = await median(() => auditPage(deepCursor));

    const results = [
      {
        name: 'usage of 50 clients, a year up to now: raw events / roll-ups',
        ratio: raw / rollupsToNow,
        target: '>= 5',
        ok: raw / rollupsToNow >= 5,
      },
      {
        name: 'usage of 50 clients, a past year: raw events / roll-ups',
        ratio: raw / rollupsPast,
        target: '>= 1.5',
        ok: raw / rollupsPast >= 1.5,
      },
      { name: 'gateway dashboard: 50 clients / 5 clients', ratio: large / small, target: '< 4', ok: large / small < 4 },
      {
        name: `audit log of ${AUDIT_ROWS} entries: deep page / first page`,
        ratio: deepAuditPage / firstAuditPage,
        target: '< 3',
        ok: deepAuditPage / firstAuditPage < 3,
      },
    ];
    console.log(
      `\nroll-ups ${rollupsToNow.toFixed(1)} ms (to now), ${rollupsPast.toFixed(1)} ms (past year), raw events ${raw.toFixed(1)} ms; gateway page of 5 ${small.toFixed(1)} ms, of 50 ${large.toFixed(1)} ms; audit first page ${firstAuditPage.toFixed(1)} ms, deep page ${deepAuditPage.toFixed(1)} ms (medians of ${RUNS})`,
    );
    for (const result of results)
      console.log(
        `${result.ok ? 'PASS' : 'FAIL'}  ${result.name}: ${result.ratio.toFixed(2)} (target ${result.target})`,
      );
    process.exitCode = results.every((result) => result.ok) ? 0 : 1;
  } finally {
    await graph.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
