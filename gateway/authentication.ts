import { createRemoteJWKSet, jwtVerify, errors as joseErrors } from 'jose';
import { GraphQLError } from 'graphql';
import { ACCESS_TOKEN_ALGORITHM, JWKS_PATH, type AccessTokenSettings } from '../shared/auth/access-token';
import type { SubgraphName } from '../shared/runtime/config';
import { ErrorCode } from '../shared/runtime/errors';
import type { InternalTokens } from '../shared/auth/internal-token';
import { ANONYMOUS, type Principal } from '../shared/auth/principal';
import type { Clock } from '../shared/runtime/clock';
import { querySubgraph } from '../shared/subgraph/client';
// Typed from identity's and permissions' schemas by `npm run codegen` (gateway/operations/*.graphql).
import { PrincipalStatusDocument } from './generated/identity-operations';
import { PrincipalGrantsDocument } from './generated/permissions-operations';

const refuse = (message: string): GraphQLError =>
  new GraphQLError(message, {
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) },
    },
  });

/**
 * Turns the Authorization header into a principal: verifies the access token against identity's
 * JWKS (algorithm allow-list, issuer, audience, expiry), then loads the caller's status and grants
 * fresh from identity and permissions, so a revoked session or an edited user type counts at once.
 */
export class Authenticator {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly subgraphs: Record<SubgraphName, string>,
    private readonly settings: AccessTokenSettings,
    private readonly tokens: InternalTokens,
    private readonly clock: Clock,
  ) {
    // Keys are cached; an unknown key id triggers a refetch (at most every 30 s), which is how rotation lands.
    this.jwks = createRemoteJWKSet(new URL(`${subgraphs.identity}${JWKS_PATH}`), {
      cacheMaxAge: 600_000,
      cooldownDuration: 30_000,
    });
  }

  async principalFor(authorization: string | undefined, requestId: string): Promise<Principal> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization.trim());
    if (!match) throw refuse('The Authorization header must be "Bearer <access token>"');
    let subject: string;
    let kind: 'user' | 'service';
    let sessionId: string | null;
    try {
      const { payload } = await jwtVerify(match[1], this.jwks, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: this.clock.now(),
      });
      if (payload.typ !== 'user' && payload.typ !== 'service') throw refuse('Invalid access token');
      subject = payload.sub!;
      kind = payload.typ;
      sessionId = typeof payload.sid === 'string' ? payload.sid : null;
      if (kind === 'user' && !sessionId) throw refuse('Invalid access token');
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw refuse('The access token has expired; refresh the session');
      if (error instanceof joseErrors.JOSEError) throw refuse('Invalid access token');
      throw error;
    }
    const system: Principal = { kind: 'system', service: 'gateway' };
    const [status, grants] = await Promise.all([
      querySubgraph({
        url: this.subgraphs.identity,
        audience: 'identity',
        tokens: this.tokens,
        principal: system,
        query: PrincipalStatusDocument,
        variables: { subjectId: subject, kind: kind === 'user' ? 'USER' : 'SERVICE', sessionId },
        requestId,
      }),
      querySubgraph({
        url: this.subgraphs.permissions,
        audience: 'permissions',
        tokens: this.tokens,
        principal: system,
        query: PrincipalGrantsDocument,
        variables: { subjectId: subject },
        requestId,
      }),
    ]);
    if (!status._principalStatus.active)
      throw refuse('This session has ended or the account is not active; sign in again');
    const { homeOrganizationId, userType, roles, homePermissions, permissions } = grants._principalGrants;
    const permissionMap = Object.fromEntries(permissions.map((entry) => [entry.organizationId, entry.keys]));
    const organizationId = status._principalStatus.organizationId ?? homeOrganizationId;
    if (kind === 'user') {
      return {
        kind: 'user',
        userId: subject,
        organizationId: organizationId ?? '',
        userKind: status._principalStatus.userKind ?? 'EMPLOYEE',
        accessLevel: status._principalStatus.accessLevel ?? null,
        roles,
        userType,
        homePermissions,
        permissions: permissionMap,
        sessionId,
      };
    }
    return {
      kind: 'service',
      serviceAccountId: subject,
      organizationId,
      roles,
      userType,
      homePermissions,
      boundToPartnerId: status._principalStatus.boundToPartnerId ?? null,
      permissions: permissionMap,
    };
  }
}
