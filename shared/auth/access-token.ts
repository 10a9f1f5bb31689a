/**
 * Access tokens: short-lived JWTs identity signs with an asymmetric key (EdDSA/Ed25519) and the
 * gateway verifies against identity's published JWKS. Shared by both so the claims cannot drift.
 */
export const ACCESS_TOKEN_ALGORITHM = 'EdDSA';
export const JWKS_PATH = '/.well-known/jwks.json';

export interface AccessTokenSettings {
  issuer: string;
  audience: string;
}

export const DEFAULT_ACCESS_TOKEN_SETTINGS: AccessTokenSettings = { issuer: 'tenantry-identity', audience: 'tenantry' };

/** What an access token says; everything else about the caller is loaded fresh on each request. */
export interface AccessTokenClaims {
  /** User id or service-account id. */
  sub: string;
  /** 'user' or 'service'. */
  typ: 'user' | 'service';
  /** Session family of a user token; absent for service tokens. */
  sid?: string;
}
