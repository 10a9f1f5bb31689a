import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../../../shared/runtime/config';
import { CodeCipher, ENCRYPTION_KEY_FILE, loadIntegrationKey } from '../integrations';

describe('integration code encryption', () => {
  const cipher = new CodeCipher(randomBytes(32));

  it('round-trips with a fresh nonce each time', () => {
    const a = cipher.encrypt('["secret ✓"]', 'client:SHL');
    const b = cipher.encrypt('["secret ✓"]', 'client:SHL');
    expect(a).not.toBe(b);
    expect(cipher.decrypt(a, 'client:SHL')).toBe('["secret ✓"]');
  });

  it('refuses tampered ciphertext, another context and another key', () => {
    const stored = cipher.encrypt('codes', 'client-a:SHL');
    const [v, iv, tag, body] = stored.split(':');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([v, iv, tag, flipped.toString('base64')].join(':'), 'client-a:SHL')).toThrow();
    expect(() => cipher.decrypt(stored, 'client-b:SHL')).toThrow();
    expect(() => new CodeCipher(randomBytes(32)).decrypt(stored, 'client-a:SHL')).toThrow();
  });

  it('reads the key from INTEGRATION_ENCRYPTION_KEY, or generates it once into the data folder', () => {
    const key = randomBytes(32);
    expect(loadIntegrationKey({ INTEGRATION_ENCRYPTION_KEY: key.toString('base64') }, '')).toEqual(key);
    expect(() => loadIntegrationKey({ INTEGRATION_ENCRYPTION_KEY: randomBytes(16).toString('base64') }, '')).toThrow(
      ConfigError,
    );
    expect(() => loadIntegrationKey({ INTEGRATION_ENCRYPTION_KEY: 'not base64 at all!' }, '')).toThrow(
      /INTEGRATION_ENCRYPTION_KEY/,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenancy-key-'));
    try {
      const first = loadIntegrationKey({}, dir);
      expect(first).toHaveLength(32);
      expect(loadIntegrationKey({}, dir)).toEqual(first);
      expect(fs.statSync(path.join(dir, ENCRYPTION_KEY_FILE)).mode & 0o077).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
