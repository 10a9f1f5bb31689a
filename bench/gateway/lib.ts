/**
 * Helpers of `npm run bench:gateway`: settings, processes (started and stopped by PID), HTTP,
 * CPU and memory of a process from /proc, static internal tokens, statistics.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';

export const PROJECT = path.resolve(__dirname, '..', '..');
export const HERE = __dirname;
export const SUBGRAPHS = ['identity', 'tenancy', 'permissions', 'compliance'] as const;
export type Subgraph = (typeof SUBGRAPHS)[number];
export const CONTENDERS = ['tenantry', 'apollo', 'hive', 'hive-nodedup', 'direct'] as const;
export type ContenderName = (typeof CONTENDERS)[number];
export const QUERY_NAMES = ['Q1', 'Q2', 'Q3'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

const int = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
};
const list = <T extends string>(name: string, allowed: readonly T[]): T[] => {
  const raw = process.env[name];
  if (!raw) return [...allowed];
  const values = raw
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  for (const value of values)
    if (!allowed.includes(value as T)) throw new Error(`${name}: unknown "${value}" (one of ${allowed.join(', ')})`);
  return values as T[];
};

/** Everything the benchmark reads from the environment (README.md, "Gateway benchmark"). */
export function loadSettings() {
  const quick = /^(1|true|yes|on)$/i.test(process.env.BENCH_QUICK ?? '');
  const projectKey = createHash('sha256').update(PROJECT).digest('hex').slice(0, 8);
  const work = path.resolve(process.env.BENCH_WORK || path.join(os.tmpdir(), `tenantry-bench-gateway-${projectKey}`));
  return {
    quick,
    work,
    dataDir: path.join(work, 'data'),
    tools: path.resolve(process.env.BENCH_TOOLS || path.join(HERE, 'tools')),
    rounds: int('BENCH_ROUNDS', quick ? 1 : 3),
    duration: int('BENCH_DURATION', quick ? 3 : 10),
    warmup: int('BENCH_WARMUP', quick ? 1 : 3),
    timeout: int('BENCH_TIMEOUT', 30),
    connections: int('BENCH_CONNECTIONS', 10),
    queries: list('BENCH_QUERIES', QUERY_NAMES),
    contenders: list('BENCH_CONTENDERS', CONTENDERS),
    clientsPerPartner: int('BENCH_CLIENTS', 50),
    extraUsersPerClient: int('BENCH_EXTRA_USERS', 100),
    partnerAdmin: process.env.BENCH_PARTNER_ADMIN || 'admin@northwind-advisory.test',
  };
}
export type Settings = ReturnType<typeof loadSettings>;

export const log = (...parts: unknown[]): void => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A free loopback port: other engineers' servers on this machine are left alone. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  name: string;
  child: ChildProcess;
  logFile: string;
  expectedExit?: boolean;
}
const started: Started[] = [];

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logsDir: string },
): Started {
  const logFile = path.join(options.logsDir, `${name}.log`);
  const fd = fs.openSync(logFile, 'w');
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  const entry: Started = { name, child, logFile };
  started.push(entry);
  child.on('exit', (code, signal) => {
    if (!entry.expectedExit) log(`${name} (pid ${child.pid}) exited unexpectedly (${signal ?? code}); see ${logFile}`);
  });
  return entry;
}

export async function stopProcess(entry: Started): Promise<void> {
  const index = started.indexOf(entry);
  if (index >= 0) started.splice(index, 1);
  const { child } = entry;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  entry.expectedExit = true;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(force);
}

/** Stops every process this run started, newest first. */
export async function stopAll(): Promise<void> {
  for (const entry of [...started].reverse()) await stopProcess(entry).catch(() => undefined);
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<{ status: number; text: string; json: { data?: unknown; errors?: unknown[] } | null }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let json: { data?: unknown; errors?: unknown[] } | null = null;
  try {
    json = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  } catch {
    // left null: the caller reports the text
  }
  return { status: response.status, text, json };
}

export async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  entry: Started,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null) throw new Error(`${what} stopped while starting; see ${entry.logFile}`);
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000} s; see ${entry.logFile}`);
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU time (user + system) of a process in ms, from /proc. */
export function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return null;
  }
}

/** Resident set size in MiB, from /proc. */
export function rssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: Array<number | null>): number | null {
  const sorted = values
    .filter((value): value is number => value !== null && Number.isFinite(value))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const fmt = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);

/** The gateway's compact form of a principal's permissions (each distinct set once), which keeps the header as small as the gateway's. */
function compact(principal: unknown): unknown {
  const candidate = principal as { permissions?: Record<string, string[]> };
  if (!candidate.permissions) return principal;
  const sets: string[][] = [];
  const index = new Map<string, number>();
  const byOrganization: Record<string, number> = {};
  for (const [organizationId, keys] of Object.entries(candidate.permissions)) {
    const signature = keys.join(',');
    if (!index.has(signature)) {
      index.set(signature, sets.length);
      sets.push(keys);
    }
    byOrganization[organizationId] = index.get(signature)!;
  }
  return { ...candidate, permissions: { sets, byOrganization } };
}

/**
 * An internal token as the gateway signs it (shared/internal-token.ts: HS256, issuer
 * tenantry-internal, the principal), but long-lived and addressed to several subgraphs (a token is
 * accepted when any of its audiences is the subgraph). One static header then serves every subgraph,
 * which is all a stock gateway can send.
 */
export function mintInternalToken(
  secret: string,
  principal: unknown,
  audiences: readonly string[],
  lifetimeSeconds: number,
): Promise<string> {
  return new SignJWT({ principal: compact(principal), rid: 'bench-static', svc: 'gateway' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('tenantry-internal')
    .setAudience([...audiences])
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(new TextEncoder().encode(secret));
}

export function versionOf(pkg: string, from: string): string {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(from, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return 'n/a';
  }
}
