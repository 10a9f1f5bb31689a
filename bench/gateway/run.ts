/**
 * `npm run bench:gateway`: Tenantry's gateway against stock @apollo/gateway + @apollo/server and
 * Hive Gateway (with and without its in-flight deduplication), and the identity subgraph queried
 * directly, over the same checked-in supergraph (subgraph URLs pointed at this run's ports), the
 * same seeded data and the same four subgraph processes, in one run on this machine.
 *
 *   1. installs the contenders and autocannon into bench/gateway/tools (npm ci) when missing, and
 *      builds the project when dist/ is older than the sources;
 *   2. seeds the data folder once (seed.ts) and starts the four subgraphs and every contender;
 *   3. checks each query once per contender: HTTP 200, data, no errors, the same data everywhere;
 *   4. measures in interleaved rounds (each round runs every contender once per query, the order
 *      rotated per round): autocannon warm-up, then the measured run, every response body compared
 *      with the checked one;
 *   5. prints a table of medians and, as its LAST line, the req/s ratios.
 *
 * Settings: README.md, "Gateway benchmark". Every process it starts it stops again, by PID;
 * traffic goes to 127.0.0.1 only.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../graph/demo-data';
import {
  cpuMs,
  fmt,
  freePort,
  HERE,
  log,
  median,
  mintInternalToken,
  percentile,
  postJson,
  PROJECT,
  rssMiB,
  startProcess,
  stopAll,
  SUBGRAPHS,
  versionOf,
  waitFor,
  type ContenderName,
  type QueryName,
  type Settings,
  type Started,
  type Subgraph,
  loadSettings,
} from './lib';
import { SECRET_FILE, seed } from './seed';

const settings = loadSettings();
const logsDir = path.join(settings.work, 'logs');

// ---------------------------------------------------------------------------------------------
// tools and build

const TOOL_PACKAGES = ['autocannon', '@apollo/gateway', '@apollo/server', '@graphql-hive/gateway', 'graphql'];

function ensureTools(config: Settings): void {
  const missing = TOOL_PACKAGES.filter(
    (name) => !fs.existsSync(path.join(config.tools, 'node_modules', name, 'package.json')),
  );
  if (missing.length === 0) return;
  log(`installing the benchmark's tools into ${config.tools} (npm ci; missing: ${missing.join(', ')}) ...`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', config.tools], {
    cwd: config.tools,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`npm ci in ${config.tools} failed:\n${result.stdout}\n${result.stderr}`);
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__tests__' || entry.name === 'node_modules' || entry.name === 'testing') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|graphql)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The contender runs the compiled project, as it is deployed: build when dist/ is missing or older than a source. */
function ensureBuild(): void {
  const built = path.join(PROJECT, 'dist', 'gateway', 'main.js');
  const sources = Math.max(
    ...['gateway', 'subgraphs', 'shared', 'scripts'].map((dir) => newestSource(path.join(PROJECT, dir))),
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  log('building the project (npm run build) ...');
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: PROJECT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

// ---------------------------------------------------------------------------------------------
// queries

const Q1 = `query PartnerDashboard($first: Int!, $from: DateTime, $to: DateTime) {
  clients(first: $first) {
    totalCount
    edges { node {
      id name status employeeCount
      usage(from: $from, to: $to) { users activeUsers employees logins pendingInvitations lastActivityAt }
      retentionPolicy { softDeleteAfterMonths eraseAfterMonths }
      companyProfile { legalRepresentative { id email firstName lastName userType { name } roles { role organizationId } } }
    } }
  }
}`;
const Q2 = 'query Me { me { id email } }';
const Q3 = `query ClientUsers($clientId: ID!, $first: Int!) {
  users(clientId: $clientId, first: $first) {
    totalCount
    edges { node { id email firstName lastName organization { id name } userType { name } roles { role organizationId accountIds } } }
  }
}`;

interface BenchQuery {
  name: QueryName;
  title: string;
  query: string;
  variables: Record<string, unknown>;
  contenders: ContenderName[];
  bytes?: number;
}

function buildQueries(clientId: string): Record<QueryName, BenchQuery> {
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86_400_000);
  const gateways: ContenderName[] = ['tenantry', 'apollo', 'hive', 'hive-nodedup'];
  return {
    Q1: {
      name: 'Q1',
      title: `partner dashboard: ${settings.clientsPerPartner} clients with usage, profile, retention policy, the admin's type and roles (4 subgraphs)`,
      query: Q1,
      variables: { first: settings.clientsPerPartner, from: from.toISOString(), to: to.toISOString() },
      contenders: gateways,
    },
    Q2: {
      name: 'Q2',
      title: 'me { id email } (identity only)',
      query: Q2,
      variables: {},
      contenders: [...gateways, 'direct'],
    },
    Q3: {
      name: 'Q3',
      title: 'users(clientId, first: 100) with organization, userType, roles (3 subgraphs)',
      query: Q3,
      variables: { clientId, first: 100 },
      contenders: gateways,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// contenders

interface Contender {
  name: ContenderName;
  label: string;
  url: string;
  process: Started;
  headers(): Promise<Record<string, string>>;
}

const STATUS_QUERY =
  'query($subjectId: ID!, $kind: PrincipalKind!, $sessionId: ID) { _principalStatus(subjectId: $subjectId, kind: $kind, sessionId: $sessionId) { active organizationId } }';
const GRANTS_QUERY =
  'query($subjectId: ID!) { _principalGrants(subjectId: $subjectId) { homeOrganizationId userType roles { role organizationId accountIds } permissions { organizationId keys } } }';

/** The principal Tenantry's gateway builds for an access token (gateway/authentication.ts), asked of identity and permissions. */
async function principalFor(secret: string, urls: Record<Subgraph, string>, accessToken: string): Promise<unknown> {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as {
    sub: string;
    sid: string;
  };
  const ask = async (
    subgraph: Subgraph,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Record<string, unknown>> => {
    const token = await mintInternalToken(secret, { kind: 'system', service: 'gateway' }, [subgraph], 60);
    const result = await postJson(
      `${urls[subgraph]}/graphql`,
      { query, variables },
      { 'x-tenantry-internal-token': token },
    );
    if (!result.json?.data) throw new Error(`${subgraph} refused the principal lookup: ${result.text.slice(0, 300)}`);
    return result.json.data as Record<string, unknown>;
  };
  const [status, grants] = await Promise.all([
    ask('identity', STATUS_QUERY, { subjectId: claims.sub, kind: 'USER', sessionId: claims.sid }),
    ask('permissions', GRANTS_QUERY, { subjectId: claims.sub }),
  ]);
  const { organizationId } = status._principalStatus as { organizationId: string | null };
  const { homeOrganizationId, userType, roles, permissions } = grants._principalGrants as {
    homeOrganizationId: string | null;
    userType: string | null;
    roles: unknown[];
    permissions: Array<{ organizationId: string; keys: string[] }>;
  };
  return {
    kind: 'user',
    userId: claims.sub,
    organizationId: organizationId ?? homeOrganizationId ?? '',
    roles,
    userType,
    permissions: Object.fromEntries(permissions.map((entry) => [entry.organizationId, entry.keys])),
    sessionId: claims.sid,
  };
}

const graphqlAnswers = (url: string) => async (): Promise<boolean> =>
  (await postJson(url, { query: '{ __typename }' }, {}, 2_000)).status === 200;
const readyAt = (url: string) => async (): Promise<boolean> =>
  (await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) })).ok;

// ---------------------------------------------------------------------------------------------
// measurement

interface AutocannonResult {
  requests: { total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches?: number;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => { on(event: string, listener: (...args: unknown[]) => void): void };

interface Run {
  round: number;
  query: QueryName;
  contender: ContenderName;
  rps: number;
  requests: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errors: number;
  non2xx: number;
  mismatches: number;
  rssMiB: number | null;
  cpuMsPerRequest: number | null;
  subgraphsCpuMsPerRequest: number | null;
}

function runAutocannon(
  autocannon: Autocannon,
  options: Record<string, unknown>,
  onLatency?: (ms: number) => void,
): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onLatency) instance.on('response', (...args: unknown[]) => onLatency(args[3] as number));
  });
}

async function measure(
  autocannon: Autocannon,
  contender: Contender,
  query: BenchQuery,
  expectBody: string,
  subgraphPids: Array<number | undefined>,
): Promise<Omit<Run, 'round' | 'query' | 'contender'>> {
  const common = {
    url: contender.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await contender.headers()) },
    body: JSON.stringify({ query: query.query, variables: query.variables }),
    connections: settings.connections,
    timeout: settings.timeout,
    expectBody,
  };
  if (settings.warmup > 0) await runAutocannon(autocannon, { ...common, duration: settings.warmup });
  const pid = contender.process.child.pid;
  const cpuBefore = cpuMs(pid);
  const subgraphsBefore = subgraphPids.map(cpuMs);
  const latencies: number[] = [];
  const result = await runAutocannon(autocannon, { ...common, duration: settings.duration }, (ms) =>
    latencies.push(ms),
  );
  const cpuAfter = cpuMs(pid);
  const subgraphsAfter = subgraphPids.map(cpuMs);
  latencies.sort((a, b) => a - b);
  const total = result.requests.total;
  const subgraphsCpu = subgraphPids.reduce<number>(
    (sum, _pid, i) => sum + ((subgraphsAfter[i] ?? 0) - (subgraphsBefore[i] ?? 0)),
    0,
  );
  return {
    rps: total / (result.duration || settings.duration),
    requests: total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors,
    non2xx: result.non2xx,
    mismatches: result.mismatches ?? 0,
    rssMiB: rssMiB(pid),
    // For "direct" the contender is the identity subgraph itself, so its CPU is in both columns.
    cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && total > 0 ? (cpuAfter - cpuBefore) / total : null,
    subgraphsCpuMsPerRequest: total > 0 ? subgraphsCpu / total : null,
  };
}

// ---------------------------------------------------------------------------------------------
// report

interface Summary {
  query: QueryName;
  contender: ContenderName;
  rps: number | null;
  rpsAll: number[];
  p50: number | null;
  p95: number | null;
  p99: number | null;
  cpuMsPerRequest: number | null;
  subgraphsCpuMsPerRequest: number | null;
  rssMiB: number | null;
  failures: number;
}

function summarize(runs: Run[]): Summary[] {
  const groups = new Map<string, Run[]>();
  for (const run of runs)
    groups.set(`${run.query}|${run.contender}`, [...(groups.get(`${run.query}|${run.contender}`) ?? []), run]);
  return [...groups.values()].map((group) => ({
    query: group[0].query,
    contender: group[0].contender,
    rps: median(group.map((run) => run.rps)),
    rpsAll: group.map((run) => run.rps),
    p50: median(group.map((run) => run.p50)),
    p95: median(group.map((run) => run.p95)),
    p99: median(group.map((run) => run.p99)),
    cpuMsPerRequest: median(group.map((run) => run.cpuMsPerRequest)),
    subgraphsCpuMsPerRequest: median(group.map((run) => run.subgraphsCpuMsPerRequest)),
    rssMiB: Math.max(...group.map((run) => run.rssMiB ?? 0)),
    failures: group.reduce((sum, run) => sum + run.errors + run.non2xx + run.mismatches, 0),
  }));
}

function ratiosLine(summary: Summary[]): string {
  const rps = (query: QueryName, contender: ContenderName): number | null =>
    summary.find((row) => row.query === query && row.contender === contender)?.rps ?? null;
  const ratio = (query: QueryName, a: ContenderName, b: ContenderName): string | null => {
    const x = rps(query, a);
    const y = rps(query, b);
    return x !== null && y ? `${a}/${b}=${fmt(x / y, 2)}` : null;
  };
  const parts: string[] = [];
  for (const query of settings.queries) {
    const others: ContenderName[] =
      query === 'Q2' ? ['direct', 'apollo', 'hive', 'hive-nodedup'] : ['apollo', 'hive', 'hive-nodedup'];
    const items = others
      .map((other) => ratio(query, 'tenantry', other))
      .filter((item): item is string => item !== null);
    if (items.length > 0) parts.push(`${query} ${items.join(' ')}`);
  }
  return `${parts.join('; ') || 'no ratios (tenantry not measured)'} (median req/s, c=${settings.connections})`;
}

function printTable(summary: Summary[], queries: Record<string, BenchQuery>): void {
  console.log('');
  for (const query of Object.values(queries))
    console.log(`${query.name}: ${query.title}; response ${query.bytes} bytes`);
  console.log('');
  const header = [
    'query',
    'contender',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'CPU ms/req',
    'subgraphs CPU ms/req',
    'RSS MiB',
    'failed',
    'req/s per round',
  ];
  const rows = summary.map((row) => [
    row.query,
    row.contender,
    fmt(row.rps),
    fmt(row.p50),
    fmt(row.p95),
    fmt(row.p99),
    fmt(row.cpuMsPerRequest, 2),
    fmt(row.subgraphsCpuMsPerRequest, 2),
    fmt(row.rssMiB),
    String(row.failures),
    row.rpsAll.map((value) => fmt(value)).join(' / '),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log('');
  console.log(
    'CPU ms/req: CPU time of the contender process per request (for direct: the identity subgraph itself); subgraphs CPU ms/req: the four subgraph processes together. RSS: the contender process at the end of its runs (largest over rounds). failed: errors, timeouts, non-2xx and bodies unlike the checked one (all should be 0).',
  );
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = Date.now();
  if (Number(process.versions.node.split('.')[0]) < 20)
    throw new Error(`Node 20 or later is needed, this is ${process.version}`);
  fs.mkdirSync(logsDir, { recursive: true });
  ensureTools(settings);
  ensureBuild();
  const autocannon = createRequire(path.join(settings.tools, 'package.json'))('autocannon') as Autocannon;

  log(`seeding ${settings.dataDir} (once) ...`);
  const seeded = await seed(settings);
  const secret = fs.readFileSync(path.join(settings.dataDir, SECRET_FILE), 'utf8').trim();

  const ports = {} as Record<Subgraph | 'gateway' | 'apollo' | 'hive' | 'hive-nodedup', number>;
  for (const name of [...SUBGRAPHS, 'gateway', 'apollo', 'hive', 'hive-nodedup'] as const)
    ports[name] = await freePort();
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${ports[name]}`])) as Record<
    Subgraph,
    string
  >;

  // The same supergraph for every contender; only the subgraph URLs point at this run's ports.
  const supergraphFile = path.join(settings.work, 'supergraph.graphql');
  const sdl = fs.readFileSync(path.join(PROJECT, 'gateway', 'supergraph.graphql'), 'utf8');
  fs.writeFileSync(
    supergraphFile,
    sdl.replace(
      /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
      (_all, name: string) => `@join__graph(name: "${name}", url: "${urls[name.toLowerCase() as Subgraph]}/graphql")`,
    ),
  );

  // NODE_ENV is left empty for every process: Hive Gateway's CLI forks a worker per core in production.
  const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: '',
    DATA_DIR: settings.dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    // A scheduled retention sweep would change the data mid-run.
    RETENTION_SWEEP_INTERVAL_MINUTES: '0',
    ...Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, urls[name]])),
    ...extra,
  });
  const node = process.execPath;
  const subgraphProcesses = {} as Record<Subgraph, Started>;
  for (const name of SUBGRAPHS) {
    subgraphProcesses[name] = startProcess(name, node, [path.join(PROJECT, 'dist', 'subgraphs', name, 'main.js')], {
      cwd: PROJECT,
      env: env({ PORT: String(ports[name]) }),
      logsDir,
    });
  }
  for (const name of SUBGRAPHS) await waitFor(readyAt(urls[name]), `subgraph ${name}`, subgraphProcesses[name]);
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
  const tenantryProcess = startProcess('tenantry-gateway', node, [path.join(PROJECT, 'dist', 'gateway', 'main.js')], {
    cwd: PROJECT,
    env: env({ PORT: String(ports.gateway) }),
    logsDir,
  });
  await waitFor(readyAt(gatewayUrl), 'Tenantry gateway', tenantryProcess);

  let access = { token: '', at: 0 };
  const login = async (): Promise<string> => {
    // Access tokens live 15 minutes: sign in again well before that.
    if (Date.now() - access.at < 9 * 60_000) return access.token;
    const result = await postJson(`${gatewayUrl}/graphql`, {
      query:
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      variables: { email: settings.partnerAdmin, password: DEMO_PASSWORD },
    });
    const token = (result.json?.data as { login?: { accessToken: string } } | undefined)?.login?.accessToken;
    if (!token) throw new Error(`login as ${settings.partnerAdmin} failed: ${result.text.slice(0, 300)}`);
    access = { token, at: Date.now() };
    return token;
  };
  const principal = await principalFor(secret, urls, await login());
  const staticToken = await mintInternalToken(secret, principal, SUBGRAPHS, 24 * 3600);
  log(`static internal token for apollo, hive and direct: ${staticToken.length} bytes`);

  const contenders: Partial<Record<ContenderName, Contender>> = {};
  const tokenEnv = { BENCH_INTERNAL_TOKEN: staticToken, BENCH_TOOLS: settings.tools };
  contenders.tenantry = {
    name: 'tenantry',
    label: 'Tenantry gateway',
    url: `${gatewayUrl}/graphql`,
    process: tenantryProcess,
    headers: async () => ({ authorization: `Bearer ${await login()}` }),
  };
  contenders.direct = {
    name: 'direct',
    label: 'identity subgraph, directly',
    url: `${urls.identity}/graphql`,
    process: subgraphProcesses.identity,
    headers: async () => ({ 'x-tenantry-internal-token': staticToken }),
  };
  if (settings.contenders.includes('apollo')) {
    const started = startProcess(
      'apollo-gateway',
      node,
      [path.join(HERE, 'apollo-gateway.mjs'), supergraphFile, String(ports.apollo)],
      { cwd: settings.work, env: env(tokenEnv), logsDir },
    );
    const url = `http://127.0.0.1:${ports.apollo}/`;
    await waitFor(graphqlAnswers(url), 'stock Apollo gateway', started);
    contenders.apollo = {
      name: 'apollo',
      label: 'stock @apollo/gateway',
      url,
      process: started,
      headers: async () => ({}),
    };
  }
  for (const name of ['hive', 'hive-nodedup'] as const) {
    if (!settings.contenders.includes(name)) continue;
    const bin = path.join(settings.tools, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');
    const args = [
      bin,
      'supergraph',
      supergraphFile,
      '--host',
      '127.0.0.1',
      '--port',
      String(ports[name]),
      '--config-path',
      path.join(HERE, 'hive-gateway.config.mjs'),
    ];
    const started = startProcess(`${name}-gateway`, node, args, {
      cwd: settings.work,
      env: env({ ...tokenEnv, HIVE_DEDUP: name === 'hive' ? '1' : '0' }),
      logsDir,
    });
    const url = `http://127.0.0.1:${ports[name]}/graphql`;
    await waitFor(graphqlAnswers(url), `Hive Gateway (${name})`, started);
    contenders[name] = {
      name,
      label: name === 'hive' ? 'Hive Gateway' : 'Hive Gateway, dedup off',
      url,
      process: started,
      headers: async () => ({}),
    };
  }

  const firstClient = await postJson(
    contenders.tenantry.url,
    { query: '{ clients(first: 1) { edges { node { id } } } }' },
    await contenders.tenantry.headers(),
  );
  const clientId = (firstClient.json?.data as { clients: { edges: Array<{ node: { id: string } }> } } | undefined)
    ?.clients.edges[0]?.node.id;
  if (!clientId) throw new Error(`no client visible to ${settings.partnerAdmin}: ${firstClient.text.slice(0, 300)}`);
  const all = buildQueries(clientId);
  const queries = Object.fromEntries(
    settings.queries.map((name) => [
      name,
      { ...all[name], contenders: all[name].contenders.filter((contender) => settings.contenders.includes(contender)) },
    ]),
  ) as Record<string, BenchQuery>;

  // Every body once: 200, data, no errors, the same data from every contender. Each contender's
  // text becomes what autocannon compares every measured response with.
  const expected = new Map<string, string>();
  for (const query of Object.values(queries)) {
    let reference: string | null = null;
    for (const name of query.contenders) {
      const contender = contenders[name]!;
      const result = await postJson(
        contender.url,
        { query: query.query, variables: query.variables },
        await contender.headers(),
      );
      if (result.status !== 200 || !result.json?.data || result.json.errors)
        throw new Error(
          `${contender.label} answers ${query.name} with HTTP ${result.status}: ${result.text.slice(0, 400)}`,
        );
      const data = JSON.stringify(result.json.data);
      if (reference === null) reference = data;
      else if (data !== reference)
        throw new Error(`${contender.label} answers ${query.name} with other data than ${query.contenders[0]}`);
      expected.set(`${query.name}|${name}`, result.text);
      query.bytes = Buffer.byteLength(result.text);
    }
    log(`checked ${query.name}: ${query.contenders.join(', ')} answer the same data (${query.bytes} bytes)`);
  }

  const subgraphPids = SUBGRAPHS.map((name) => subgraphProcesses[name].child.pid);
  const runs: Run[] = [];
  for (let round = 1; round <= settings.rounds; round += 1) {
    log(
      `round ${round}/${settings.rounds} (load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')})`,
    );
    for (const query of Object.values(queries)) {
      const order = query.contenders.map((_, i) => query.contenders[(i + round - 1) % query.contenders.length]);
      for (const name of order) {
        const result = await measure(
          autocannon,
          contenders[name]!,
          query,
          expected.get(`${query.name}|${name}`)!,
          subgraphPids,
        );
        runs.push({ round, query: query.name, contender: name, ...result });
        log(
          `  ${query.name} ${name.padEnd(12)} ${fmt(result.rps).padStart(7)} req/s  p50 ${fmt(result.p50)} p95 ${fmt(result.p95)} p99 ${fmt(result.p99)} ms  cpu ${fmt(result.cpuMsPerRequest, 2)} ms/req  subgraphs ${fmt(result.subgraphsCpuMsPerRequest, 2)} ms/req  rss ${fmt(result.rssMiB)} MiB  failed ${result.errors + result.non2xx + result.mismatches}`,
        );
      }
    }
  }
  await stopAll();

  const summary = summarize(runs);
  const report = path.join(settings.work, 'report.json');
  fs.writeFileSync(
    report,
    `${JSON.stringify({ settings, seeded, node: process.version, cpus: os.cpus().length, versions: { tenantryGateway: versionOf('@apollo/gateway', PROJECT), apolloGateway: versionOf('@apollo/gateway', settings.tools), apolloServer: versionOf('@apollo/server', settings.tools), hive: versionOf('@graphql-hive/gateway', settings.tools), autocannon: versionOf('autocannon', settings.tools) }, queries, summary, runs }, null, 2)}\n`,
  );
  console.log('');
  console.log(`Data: ${seeded}`);
  console.log(
    `Versions: stock @apollo/gateway ${versionOf('@apollo/gateway', settings.tools)} + @apollo/server ${versionOf('@apollo/server', settings.tools)}, Hive Gateway ${versionOf('@graphql-hive/gateway', settings.tools)}, autocannon ${versionOf('autocannon', settings.tools)}, Node ${process.version}, ${os.cpus().length} cores.`,
  );
  console.log(
    `${settings.rounds} round(s), ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s measured per run; medians over rounds. Raw figures: ${report}. Took ${((Date.now() - startedAt) / 60_000).toFixed(1)} min.`,
  );
  printTable(summary, queries);
  const failed = summary.filter((row) => row.failures > 0);
  if (failed.length > 0)
    console.log(
      `WARNING: failed requests or unexpected bodies in ${failed.map((row) => `${row.query}/${row.contender}`).join(', ')}`,
    );
  console.log(ratiosLine(summary));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping what this run started`);
    void stopAll().finally(() => process.exit(130));
  });
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});
