import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfigError, envOptional } from '../../shared/runtime/config';
import { readOrCreateKeyFile } from '../../shared/runtime/key-file';
import { inTransaction } from '../../shared/data/database';
import { notFound } from '../../shared/runtime/errors';
import { audit } from '../../shared/events/audit';
import { uuid, validate } from '../../shared/runtime/validation';
import type { TenancyContext } from './context';
import { ClientEntity, ClientIntegrationEntity, INTEGRATION_PROVIDERS } from './entities';
import type { MutationSetIntegrationArgs } from './generated/resolvers-types';
import { authorize } from './policy';

export const ENCRYPTION_KEY_FILE = 'integration-encryption.key';

/**
 * The AES-256 key for integration codes: INTEGRATION_ENCRYPTION_KEY (32 bytes, base64), else the key
 * file in the data folder, generated on first start; without a data folder (tests) a random key.
 */
export function loadIntegrationKey(env: Record<string, string | undefined>, dataDir: string): Buffer {
  const fromEnv = envOptional(env, 'INTEGRATION_ENCRYPTION_KEY');
  if (fromEnv) return parseKey('INTEGRATION_ENCRYPTION_KEY', fromEnv);
  if (!dataDir) return randomBytes(32);
  const key = readOrCreateKeyFile(path.join(dataDir, ENCRYPTION_KEY_FILE), () => randomBytes(32).toString('base64'));
  return parseKey('INTEGRATION_ENCRYPTION_KEY', key.trim());
}

function parseKey(variable: string, value: string): Buffer {
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw new ConfigError(variable, 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  return key;
}

/** AES-256-GCM with a fresh 96-bit nonce; the client and provider are bound in as associated data. */
export class CodeCipher {
  constructor(private readonly key: Buffer) {}

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(stored: string, context: string): string {
    const [version, iv, tag, body] = stored.split(':');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}

const setIntegrationInput = z.object({
  clientId: uuid,
  provider: z.enum(INTEGRATION_PROVIDERS),
  codes: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(500, 'must be at most 500 characters')
        // eslint-disable-next-line no-control-regex
        .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'must not contain control characters'),
    )
    .max(20, 'may hold at most 20 codes'),
});

/** Stores (or with an empty list clears) a client's codes for a provider; the audit entry never holds them. */
export async function setIntegration(
  context: TenancyContext,
  args: MutationSetIntegrationArgs,
): Promise<ClientIntegrationEntity> {
  const { db, access, now } = context;
  const { cipher } = context.services;
  const { clientId, provider, codes } = validate(setIntegrationInput, args);
  const client = await db.getRepository(ClientEntity).findOneBy({ id: clientId });
  if (!client) throw notFound('Client', clientId);
  await authorize(access, 'client.setIntegration', { client });
  return inTransaction(db, async (manager) => {
    const before = await manager.findOneBy(ClientIntegrationEntity, { clientId, provider });
    const row: ClientIntegrationEntity = {
      clientId,
      provider,
      codesCiphertext: codes.length ? cipher.encrypt(JSON.stringify(codes), `${clientId}:${provider}`) : null,
      codesUpdatedAt: now,
      codesUpdatedBy: access.actorId,
    };
    await manager.save(ClientIntegrationEntity, row);
    await audit(manager, context, {
      action: 'INTEGRATION_CODES_SET',
      targetType: 'Client',
      targetId: clientId,
      organizationId: clientId,
      before: before ? { provider, codesSet: before.codesCiphertext !== null } : null,
      after: { provider, codesSet: row.codesCiphertext !== null, codes: codes.length },
    });
    return row;
  });
}
