import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Starts the identity subgraph's real main in a child process, as an operator would, and checks that
 * each start-up failure ends in a non-zero exit and one JSON log line naming the cause, and that a
 * healthy start answers /health and /ready and stops cleanly on SIGTERM. These run on SQLite in both
 * the SQLite and MySQL runs: only the unreachable-database case involves MySQL, and its server is
 * deliberately absent.
 */

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'subgraphs/identity/main.ts');
const SECRET = 'S'.repeat(64);
const EXIT_TIMEOUT_MS = 60_000;

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

interface Service {
  child: ChildProcess;
  lines: LogLine[];
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal that killed it) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log line that matches; rejects if the process exits first. */
  waitForLine(match: (line: LogLine) => boolean): Promise<LogLine>;
}

const tempDirs: string[] = [];
const children = new Set<ChildProcess>();

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantry-startup-'));
  tempDirs.push(dir);
  return dir;
}

/** The parent's environment minus anything that would change what the service reads, plus `extra`. */
function serviceEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    // JEST_WORKER_ID would silence the logger; the others are the variables under test.
    if (
      /^(JEST_|NODE_ENV$|LOG_LEVEL$|DATA_DIR$|PORT$|HOST$|INTERNAL_TOKEN_SECRET$|SEED_DEMO_DATA$)|_DATABASE_URL$/.test(
        key,
      )
    )
      delete env[key];
  }
  return { ...env, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...extra };
}

function startIdentity(extra: Record<string, string>): Service {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: serviceEnv(extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  const lines: LogLine[] = [];
  const waiters: Array<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> = [];
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const text = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (text.trim() === '') continue;
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { level: -1, msg: `<not JSON> ${text}` };
      }
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.match(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`identity did not exit within ${EXIT_TIMEOUT_MS} ms; stdout:\n${out}\nstderr:\n${err}`));
    }, EXIT_TIMEOUT_MS);
    child.once('error', reject);
    // 'close' waits for stdout and stderr to end, so every line is parsed by then.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, signal });
    });
  });
  exited.catch(() => undefined);
  return {
    child,
    lines,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLine: (match) => {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return Promise.race([
        new Promise<LogLine>((resolve) => waiters.push({ match, resolve })),
        exited.then(({ code, signal }) => {
          throw new Error(
            `identity exited (code ${code}, signal ${signal}) before the expected line; stdout:\n${out}\nstderr:\n${err}`,
          );
        }),
      ]);
    },
  };
}

/** Exits non-zero with exactly one fatal JSON line on stdout, nothing on stderr; returns that line's msg. */
async function expectOneLineFailure(service: Service): Promise<string> {
  const { code, signal } = await service.exited;
  const context = `stdout:\n${service.stdout()}\nstderr:\n${service.stderr()}`;
  if (signal !== null || code === 0)
    throw new Error(`expected a non-zero exit, got code ${code}, signal ${signal}; ${context}`);
  expect(service.stderr()).toBe('');
  expect(service.lines.map((line) => line.msg)).toHaveLength(1);
  const [line] = service.lines;
  expect(line.level).toBe(60);
  // An expected start-up failure is one line, not a stack trace.
  expect(line.err).toBeUndefined();
  return line.msg;
}

function occupyPort(): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

// Each case is its own process; running them side by side keeps the file to one start-up's time.
describe('identity subgraph start-up', () => {
  it.concurrent(
    'stops with one line naming IDENTITY_DATABASE_URL when it has an unsupported scheme',
    async () => {
      const service = startIdentity({
        DATA_DIR: tempDataDir(),
        INTERNAL_TOKEN_SECRET: SECRET,
        PORT: '0',
        IDENTITY_DATABASE_URL: 'postgres://x/y',
      });
      const msg = await expectOneLineFailure(service);
      expect(msg).toContain('IDENTITY_DATABASE_URL');
      expect(msg).toContain('postgres:');
    },
    120_000,
  );

  it.concurrent(
    'stops with one line naming the database and host when MySQL is unreachable',
    async () => {
      const service = startIdentity({
        DATA_DIR: tempDataDir(),
        INTERNAL_TOKEN_SECRET: SECRET,
        PORT: '0',
        IDENTITY_DATABASE_URL: 'mysql://root@127.0.0.1:1/nope',
      });
      const msg = await expectOneLineFailure(service);
      expect(msg).toContain('nope');
      expect(msg).toContain('127.0.0.1:1');
    },
    120_000,
  );

  it.concurrent(
    'stops with one line saying the port is in use when another process holds it',
    async () => {
      const blocker = await occupyPort();
      try {
        const port = (blocker.address() as net.AddressInfo).port;
        const service = startIdentity({ DATA_DIR: tempDataDir(), INTERNAL_TOKEN_SECRET: SECRET, PORT: String(port) });
        const msg = await expectOneLineFailure(service);
        expect(msg).toContain(String(port));
        expect(msg).toMatch(/already in use/);
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    },
    120_000,
  );

  it.concurrent(
    'stops with one line naming INTERNAL_TOKEN_SECRET when it is unset and the data folder has no secret file',
    async () => {
      const service = startIdentity({ DATA_DIR: tempDataDir(), PORT: '0' });
      const msg = await expectOneLineFailure(service);
      expect(msg).toContain('INTERNAL_TOKEN_SECRET');
    },
    120_000,
  );

  it.concurrent(
    'starts on SQLite, answers /health and /ready with 200, and exits 0 on SIGTERM',
    async () => {
      const dataDir = tempDataDir();
      const service = startIdentity({ DATA_DIR: dataDir, INTERNAL_TOKEN_SECRET: SECRET, PORT: '0' });
      try {
        const listening = await service.waitForLine(
          (line) => typeof line.url === 'string' && /listening/.test(line.msg),
        );
        const base = listening.url as string;
        expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(base).not.toBe('http://127.0.0.1:0');
        const health = await fetch(`${base}/health`);
        expect(health.status).toBe(200);
        const ready = await fetch(`${base}/ready`);
        expect(ready.status).toBe(200);
        expect(fs.existsSync(path.join(dataDir, 'identity.sqlite'))).toBe(true);
        service.child.kill('SIGTERM');
        expect(await service.exited).toEqual({ code: 0, signal: null });
        expect(service.lines.some((line) => line.msg === 'shutting down' && line.signal === 'SIGTERM')).toBe(true);
        expect(service.lines.filter((line) => line.level >= 50)).toEqual([]);
        expect(service.stderr()).toBe('');
      } finally {
        if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
      }
    },
    120_000,
  );
});
