import path from 'node:path';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { ConfigError, envOptional } from '../runtime/config';
import { readKeyFile } from '../runtime/key-file';
import type { Principal } from './principal';

/**
 * Internal tokens: short-lived JWTs the gateway (and a service calling a peer) attaches to every
 * subgraph request. All Tenantry services share one HMAC secret (INTERNAL_TOKEN_SECRET); nothing
 * outside the deployment holds it, and a subgraph reads identity from nothing else.
 */
const ISSUER = 'tenantry-internal';
const ALGORITHM = 'HS256';
const LIFETIME_SECONDS = 60;
export const INTERNAL_TOKEN_HEADER = 'x-tenantry-internal-token';

const roleGrant = z.object({ role: z.string(), organizationId: z.string(), accountIds: z.array(z.string()) });
const principalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anonymous') }),
  z.object({
    kind: z.literal('user'),
    userId: z.string(),
    organizationId: z.string(),
    userKind: z.enum(['EMPLOYEE', 'EXTERNAL', 'PARTICIPANT']),
    accessLevel: z.enum(['BASIC', 'ADVANCED']).nullable(),
    roles: z.array(roleGrant),
    userType: z.string().nullable(),
    homePermissions: z.array(z.string()),
    permissions: z.record(z.string(), z.array(z.string())),
    sessionId: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('service'),
    serviceAccountId: z.string(),
    organizationId: z.string().nullable(),
    roles: z.array(roleGrant),
    userType: z.string().nullable(),
    homePermissions: z.array(z.string()),
    boundToPartnerId: z.string().nullable(),
    permissions: z.record(z.string(), z.array(z.string())),
  }),
  z.object({ kind: z.literal('system'), service: z.string() }),
]);

/**
 * A partner admin may act in hundreds of clients with the same permission set; the token lists each
 * distinct set once and maps organisations to it, which keeps the header small.
 */
interface CompactPermissions {
  sets: string[][];
  byOrganization: Record<string, number>;
}

function compact(principal: Principal): unknown {
  if (principal.kind !== 'user' && principal.kind !== 'service') return principal;
  const sets: string[][] = [];
  const index = new Map<string, number>();
  const byOrganization: Record<string, number> = {};
  for (const [organizationId, keys] of Object.entries(principal.permissions)) {
    const signature = keys.join(',');
    if (!index.has(signature)) {
      index.set(signature, sets.length);
      sets.push(keys);
    }
    byOrganization[organizationId] = index.get(signature)!;
  }
  return { ...principal, permissions: { sets, byOrganization } satisfies CompactPermissions };
}

function expand(value: unknown): unknown {
  const candidate = value as { permissions?: Partial<CompactPermissions> } | null;
  const permissions = candidate?.permissions;
  if (
    !permissions ||
    !Array.isArray(permissions.sets) ||
    typeof permissions.byOrganization !== 'object' ||
    permissions.byOrganization === null
  )
    return value;
  const sets = permissions.sets;
  return {
    ...candidate,
    permissions: Object.fromEntries(
      Object.entries(permissions.byOrganization).map(([organizationId, set]) => [organizationId, sets[set] ?? []]),
    ),
  };
}

export class InternalTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly issuerService: string,
  ) {
    if (Buffer.byteLength(secret) < 32) throw new Error('INTERNAL_TOKEN_SECRET must be at least 32 bytes');
    this.key = new TextEncoder().encode(secret);
  }

  /** Signs a token for one audience (the subgraph that will receive it). */
  sign(principal: Principal, audience: string, requestId?: string, clientAddress?: string): Promise<string> {
    return new SignJWT({ principal: compact(principal), rid: requestId, svc: this.issuerService, ip: clientAddress })
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(this.key);
  }

  /** Verifies a token addressed to `audience`; returns null for anything invalid, expired or foreign. */
  async verify(
    token: string,
    audience: string,
  ): Promise<{ principal: Principal; requestId?: string; clientAddress?: string } | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: ISSUER, audience });
      const principal = principalSchema.parse(expand(payload.principal)) as Principal;
      return {
        principal,
        requestId: typeof payload.rid === 'string' ? payload.rid : undefined,
        clientAddress: typeof payload.ip === 'string' ? payload.ip : undefined,
      };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError || error instanceof z.ZodError) return null;
      throw error;
    }
  }
}

/** The file in the data folder that holds the secret when INTERNAL_TOKEN_SECRET is not set. */
export const INTERNAL_SECRET_FILE = 'internal-token.secret';

/**
 * The shared secret for internal tokens: INTERNAL_TOKEN_SECRET, or in the embedded setup the file
 * `npm start` generates in the data folder on first start.
 */
export function readInternalSecret(env: Record<string, string | undefined>, dataDir: string): string {
  const fromEnv = envOptional(env, 'INTERNAL_TOKEN_SECRET');
  const file = path.join(dataDir, INTERNAL_SECRET_FILE);
  const secret = fromEnv ?? readKeyFile(file)?.trim();
  if (!secret)
    throw new ConfigError('INTERNAL_TOKEN_SECRET', `is required (or run \`npm start\` once to generate ${file})`);
  if (Buffer.byteLength(secret) < 32) throw new ConfigError('INTERNAL_TOKEN_SECRET', 'must be at least 32 characters');
  return secret;
}
