import { envInt, envString } from '../../shared/runtime/config';
import { DEFAULT_ACCESS_TOKEN_SETTINGS, type AccessTokenSettings } from '../../shared/auth/access-token';

export interface AuthConfig extends AccessTokenSettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Failed sign-ins per account within the window before it is throttled. */
  maxFailuresPerAccount: number;
  /** Failed sign-ins per client address within the window (covers spraying many accounts). */
  maxFailuresPerAddress: number;
  throttleWindowMinutes: number;
}

export function loadAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  return {
    issuer: envString(env, 'JWT_ISSUER', DEFAULT_ACCESS_TOKEN_SETTINGS.issuer),
    audience: envString(env, 'JWT_AUDIENCE', DEFAULT_ACCESS_TOKEN_SETTINGS.audience),
    accessTokenTtlSeconds: envInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, { min: 30, max: 86_400 }),
    refreshTokenTtlDays: envInt(env, 'REFRESH_TOKEN_TTL_DAYS', 30, { min: 1, max: 365 }),
    maxFailuresPerAccount: envInt(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, { min: 1, max: 1000 }),
    maxFailuresPerAddress: envInt(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 20, { min: 1, max: 100_000 }),
    throttleWindowMinutes: envInt(env, 'LOGIN_THROTTLE_WINDOW_MINUTES', 15, { min: 1, max: 1440 }),
  };
}
