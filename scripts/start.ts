/**
 * `npm start`: runs the whole graph on this machine. Generates the internal-token secret on first
 * start, starts the four subgraphs and then the gateway as separate processes talking HTTP (each
 * subgraph migrates its database and seeds demo data into it when empty), waits until every one is
 * ready, prints where to open the graph and the demo logins, and stops everything on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PORTS, SUBGRAPH_NAMES } from '../shared/runtime/config';
import { DEMO_PASSWORD, DEMO_SERVICE_CLIENT_ID, DEMO_SERVICE_SECRET } from '../graph/demo-data';
import { INTERNAL_SECRET_FILE } from '../shared/auth/internal-token';
import { readOrCreateKeyFile } from '../shared/runtime/key-file';

const DIST = path.resolve(__dirname, '..');
const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
const children: Array<{ name: string; process: ChildProcess }> = [];
let stopping = false;

function ensureSecret(): void {
  fs.mkdirSync(dataDir, { recursive: true });
  if (!process.env.INTERNAL_TOKEN_SECRET) {
    readOrCreateKeyFile(path.join(dataDir, INTERNAL_SECRET_FILE), () => randomBytes(32).toString('hex'));
  }
}

function portOf(name: keyof typeof DEFAULT_PORTS): number {
  const variable = `${name.toUpperCase()}_PORT`;
  return process.env[variable] ? Number(process.env[variable]) : DEFAULT_PORTS[name];
}

const urlOf = (name: keyof typeof DEFAULT_PORTS): string => `http://127.0.0.1:${portOf(name)}`;

function launch(name: string, script: string, port: number): ChildProcess {
  const child = spawn(process.execPath, [path.join(DIST, script)], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? 'true',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...Object.fromEntries(
        SUBGRAPH_NAMES.map((subgraph) => [
          `${subgraph.toUpperCase()}_URL`,
          process.env[`${subgraph.toUpperCase()}_URL`] ?? urlOf(subgraph),
        ]),
      ),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the graph.`);
      // stopAll() ends the process itself; an event handler has no one to hand its promise to.
      void stopAll(1);
    }
  });
  children.push({ name, process: child });
  return child;
}

async function waitUntilReady(name: string, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopped');
    try {
      const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become ready at ${url} within ${timeoutMs / 1000}s`);
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      ({ process: child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(exitCode);
}

async function main(): Promise<void> {
  // Signal handlers cannot wait: stopAll() ends the process when every service has stopped.
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  ensureSecret();
  console.log(`Starting Tenantry (data in ${dataDir}) ...`);
  for (const name of SUBGRAPH_NAMES) launch(name, `subgraphs/${name}/main.js`, portOf(name));
  await Promise.all(SUBGRAPH_NAMES.map((name) => waitUntilReady(name, urlOf(name))));
  launch('gateway', 'gateway/main.js', portOf('gateway'));
  await waitUntilReady('gateway', urlOf('gateway'));

  const logins: Array<[string, string]> = [
    ['platform operator', 'operator@tenantry.test'],
    ['partner admin', 'admin@northwind-advisory.test'],
    ['client admin', 'admin@acme-robotics.test'],
    ['manager (Sales only)', 'manager@acme-robotics.test'],
    ['member', 'member@acme-robotics.test'],
    ['external contact', 'external.acme-robotics@contractors.test'],
    ['participant', 'participant.acme-robotics@candidates.test'],
  ];
  console.log(`
Tenantry is running.

  GraphQL gateway:  ${urlOf('gateway')}/graphql   (open it in a browser for Apollo Sandbox)
  Subgraphs:        ${SUBGRAPH_NAMES.map((name) => `${name} ${urlOf(name)}`).join(', ')}
  Data folder:      ${dataDir}
  Email:            ${process.env.SMTP_URL ? `sent through ${new URL(process.env.SMTP_URL).host}` : `kept as .eml files in ${path.join(dataDir, 'mail')} (set SMTP_URL to send)`}
  Internal tools:   service account ${DEMO_SERVICE_CLIENT_ID} / ${DEMO_SERVICE_SECRET} (issueServiceToken)

Demo logins (password for all: ${DEMO_PASSWORD}):
${logins.map(([who, email]) => `  ${who.padEnd(22)} ${email}`).join('\n')}

Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  if (!stopping) console.error(`Tenantry could not start: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1); // ends the process
});
