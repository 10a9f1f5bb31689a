import path from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT, exportJWK, calculateJwkThumbprint, type JWK } from 'jose';
import {
  ACCESS_TOKEN_ALGORITHM,
  type AccessTokenClaims,
  type AccessTokenSettings,
} from '../../shared/auth/access-token';
import { ConfigError, envOptional } from '../../shared/runtime/config';
import { readOrCreateKeyFile } from '../../shared/runtime/key-file';

const KEY_FILE = 'identity-signing-key.pem';

/**
 * The access-token signing key: IDENTITY_SIGNING_KEY (a PKCS#8 PEM Ed25519 private key), or in the
 * embedded setup a key generated on first start and kept in the data folder.
 */
export function loadSigningKey(env: Record<string, string | undefined>, dataDir: string): KeyObject {
  const pem = envOptional(env, 'IDENTITY_SIGNING_KEY');
  if (pem) {
    try {
      const key = createPrivateKey(pem.replace(/\\n/g, '\n'));
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
      return key;
    } catch {
      throw new ConfigError('IDENTITY_SIGNING_KEY', 'must be a PKCS#8 PEM Ed25519 private key');
    }
  }
  if (!dataDir) return generateKeyPairSync('ed25519').privateKey;
  const pemFile = readOrCreateKeyFile(path.join(dataDir, KEY_FILE), () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }),
  );
  return createPrivateKey(pemFile);
}

export class AccessTokenIssuer {
  private constructor(
    private readonly privateKey: KeyObject,
    private readonly publicJwk: JWK,
    private readonly settings: AccessTokenSettings,
    readonly lifetimeSeconds: number,
  ) {}

  static async create(
    privateKey: KeyObject,
    settings: AccessTokenSettings,
    lifetimeSeconds: number,
  ): Promise<AccessTokenIssuer> {
    const jwk = await exportJWK(createPublicKey(privateKey));
    const kid = await calculateJwkThumbprint(jwk);
    return new AccessTokenIssuer(
      privateKey,
      { ...jwk, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' },
      settings,
      lifetimeSeconds,
    );
  }

  /** The public keys the gateway verifies with. */
  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  async issue(claims: AccessTokenClaims, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + this.lifetimeSeconds) * 1000);
    const token = await new SignJWT({ typ: claims.typ, ...(claims.sid ? { sid: claims.sid } : {}) })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: this.publicJwk.kid, typ: 'at+jwt' })
      .setSubject(claims.sub)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.privateKey);
    return { token, expiresAt };
  }
}
