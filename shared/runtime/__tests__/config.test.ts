import path from 'node:path';
import { ConfigError, envBool, envInt, envString, envUrl } from '../config';
import { parseDatabaseUrl } from '../../data/database';

/** Runs `read` and returns the ConfigError it throws, failing the test if it throws nothing or something else. */
function configErrorOf(read: () => unknown): ConfigError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

describe('environment readers', () => {
  it('envString returns the value, the fallback when unset or empty, and names a missing required variable', () => {
    expect(envString({ HOST: '0.0.0.0' }, 'HOST')).toBe('0.0.0.0');
    expect(envString({}, 'HOST', '127.0.0.1')).toBe('127.0.0.1');
    expect(envString({ HOST: '' }, 'HOST', '127.0.0.1')).toBe('127.0.0.1');
    const error = configErrorOf(() => envString({ HOST: '' }, 'HOST'));
    expect(error.message).toBe('Configuration error: HOST is required but not set');
  });

  it('envInt parses whole numbers and names the variable for a non-number or an out-of-range value', () => {
    expect(envInt({ PORT: '4010' }, 'PORT', 4001)).toBe(4010);
    expect(envInt({}, 'PORT', 4001)).toBe(4001);
    expect(envInt({ PORT: '0' }, 'PORT', 4001, { max: 65535 })).toBe(0);
    for (const raw of ['abc', '-1', '12.5', '0x10', ' 80']) {
      const error = configErrorOf(() => envInt({ PORT: raw }, 'PORT', 4001));
      expect(error.message).toContain('PORT');
      expect(error.message).toContain(`"${raw}"`);
    }
    const tooLarge = configErrorOf(() => envInt({ PORT: '70000' }, 'PORT', 4001, { max: 65535 }));
    expect(tooLarge.message).toBe('Configuration error: PORT must be between 0 and 65535, got 70000');
    const tooSmall = configErrorOf(() =>
      envInt({ OUTBOX_RELAY_INTERVAL_MS: '5' }, 'OUTBOX_RELAY_INTERVAL_MS', 500, { min: 10 }),
    );
    expect(tooSmall.message).toContain('OUTBOX_RELAY_INTERVAL_MS');
  });

  it('envBool accepts the usual spellings and names the variable for anything else', () => {
    for (const raw of ['1', 'true', 'YES', 'on'])
      expect(envBool({ SEED_DEMO_DATA: raw }, 'SEED_DEMO_DATA', false)).toBe(true);
    for (const raw of ['0', 'False', 'no', 'OFF'])
      expect(envBool({ SEED_DEMO_DATA: raw }, 'SEED_DEMO_DATA', true)).toBe(false);
    expect(envBool({}, 'SEED_DEMO_DATA', true)).toBe(true);
    const error = configErrorOf(() => envBool({ SEED_DEMO_DATA: 'maybe' }, 'SEED_DEMO_DATA', false));
    expect(error.message).toBe('Configuration error: SEED_DEMO_DATA must be true or false, got "maybe"');
  });

  it('envUrl accepts http(s) URLs without trailing slashes and names the variable for anything else', () => {
    expect(envUrl({ IDENTITY_URL: 'http://identity:4001/' }, 'IDENTITY_URL')).toBe('http://identity:4001');
    expect(envUrl({}, 'IDENTITY_URL', 'https://127.0.0.1:4001')).toBe('https://127.0.0.1:4001');
    for (const raw of ['identity:4001', 'ftp://identity/', 'not a url']) {
      const error = configErrorOf(() => envUrl({ IDENTITY_URL: raw }, 'IDENTITY_URL'));
      expect(error.message).toBe(`Configuration error: IDENTITY_URL must be an http(s) URL, got "${raw}"`);
    }
    expect(configErrorOf(() => envUrl({}, 'IDENTITY_URL')).message).toContain('IDENTITY_URL is required');
  });
});

describe('parseDatabaseUrl', () => {
  const variable = 'IDENTITY_DATABASE_URL';
  const defaultFile = '/var/lib/tenantry/identity.sqlite';

  it('falls back to the default SQLite file when the variable is unset or blank', () => {
    expect(parseDatabaseUrl(variable, undefined, defaultFile)).toEqual({ kind: 'sqlite', file: defaultFile });
    expect(parseDatabaseUrl(variable, '', defaultFile)).toEqual({ kind: 'sqlite', file: defaultFile });
    expect(parseDatabaseUrl(variable, '   ', defaultFile)).toEqual({ kind: 'sqlite', file: defaultFile });
  });

  it('reads sqlite:<path> as an absolute file path, and sqlite::memory: as an in-memory database', () => {
    expect(parseDatabaseUrl(variable, 'sqlite:/srv/identity.db', defaultFile)).toEqual({
      kind: 'sqlite',
      file: '/srv/identity.db',
    });
    expect(parseDatabaseUrl(variable, 'sqlite:data/identity.db', defaultFile)).toEqual({
      kind: 'sqlite',
      file: path.resolve('data/identity.db'),
    });
    expect(parseDatabaseUrl(variable, 'sqlite://data/identity.db', defaultFile)).toEqual({
      kind: 'sqlite',
      file: path.resolve('data/identity.db'),
    });
    expect(parseDatabaseUrl(variable, 'sqlite:///srv/identity.db', defaultFile)).toEqual({
      kind: 'sqlite',
      file: '/srv/identity.db',
    });
    expect(parseDatabaseUrl(variable, 'sqlite::memory:', defaultFile)).toEqual({ kind: 'sqlite', file: ':memory:' });
    expect(configErrorOf(() => parseDatabaseUrl(variable, 'sqlite:', defaultFile)).message).toContain(variable);
  });

  it('reads mysql:// URLs with host, port and database', () => {
    expect(
      parseDatabaseUrl(variable, 'mysql://tenantry:s3cret@db.internal:3307/tenantry_identity', defaultFile),
    ).toEqual({
      kind: 'mysql',
      url: 'mysql://tenantry:s3cret@db.internal:3307/tenantry_identity',
      host: 'db.internal:3307',
      database: 'tenantry_identity',
    });
  });

  it('reads mariadb:// URLs as MySQL with the default port 3306', () => {
    const settings = parseDatabaseUrl(variable, 'mariadb://root@127.0.0.1/tenantry_identity', defaultFile);
    expect(settings).toEqual({
      kind: 'mysql',
      url: 'mysql://root@127.0.0.1/tenantry_identity',
      host: '127.0.0.1:3306',
      database: 'tenantry_identity',
    });
  });

  it('names the variable when the value is not a URL', () => {
    const error = configErrorOf(() => parseDatabaseUrl(variable, 'localhost:3306/identity', defaultFile));
    expect(error.message).toMatch(/^Configuration error: IDENTITY_DATABASE_URL /);
    const spaces = configErrorOf(() => parseDatabaseUrl(variable, 'not a url', defaultFile));
    expect(spaces.message).toBe(
      'Configuration error: IDENTITY_DATABASE_URL is not a valid URL (expected mysql://user:password@host:3306/database or sqlite:<path>)',
    );
  });

  it('names the variable and the scheme for an unsupported database such as postgres://', () => {
    const error = configErrorOf(() =>
      parseDatabaseUrl(variable, 'postgres://root@127.0.0.1:5432/identity', defaultFile),
    );
    expect(error.message).toContain('IDENTITY_DATABASE_URL');
    expect(error.message).toContain('"postgres:"');
  });

  it('names the variable when a MySQL URL has no database name', () => {
    for (const value of ['mysql://root@127.0.0.1:3306', 'mysql://root@127.0.0.1:3306/', 'mariadb://root@db']) {
      const error = configErrorOf(() => parseDatabaseUrl(variable, value, defaultFile));
      expect(error.message).toMatch(/^Configuration error: IDENTITY_DATABASE_URL must name a database/);
    }
  });
});
