import { JWKS_PATH } from '../../shared/auth/access-token';
import { InternalTokens } from '../../shared/auth/internal-token';
import { createMailer, loadMailerConfig } from '../../shared/runtime/mailer';
import type { DemoDataset } from '../../graph/demo-data';
import type { SubgraphDefinition } from '../../shared/subgraph/definition';
import { factEntities } from '../../shared/subgraph/facts';
import { loadAuthConfig } from './auth-config';
import type { IdentityContext, IdentityServices } from './context';
import { IDENTITY_ENTITIES } from './entities';
import { identityEventHandlers } from './events';
import { createLoaders } from './loaders';
import { IDENTITY_FACTS, IDENTITY_MIGRATIONS } from './migrations';
import { resolvers } from './resolvers';
import { seedIdentity } from './seed';
import { AccessTokenIssuer, loadSigningKey } from './signing-keys';

export const identity: SubgraphDefinition<IdentityContext, IdentityServices, DemoDataset> = {
  directory: __dirname,
  resolvers,
  entities: [...IDENTITY_ENTITIES, ...factEntities(IDENTITY_FACTS)],
  migrations: IDENTITY_MIGRATIONS,
  async setup({ config, logger }) {
    const authConfig = loadAuthConfig(config.env);
    const issuer = await AccessTokenIssuer.create(
      loadSigningKey(config.env, config.dataDir),
      authConfig,
      authConfig.accessTokenTtlSeconds,
    );
    const mailConfig = loadMailerConfig(config.env, config.dataDir);
    return {
      auth: { issuer, config: authConfig },
      mail: { mailer: createMailer(mailConfig, logger), appUrl: mailConfig.appUrl },
      tokens: new InternalTokens(config.internalTokenSecret, config.name),
      peers: config.peers,
    };
  },
  buildContext: (base, db, services) => ({
    ...base,
    db,
    services,
    loaders: createLoaders(db, base.access, base.now),
  }),
  eventHandlers: identityEventHandlers,
  routes(app, services) {
    // Public keys only; the gateway caches them and refetches when it meets an unknown key id.
    app.get(JWKS_PATH, (_req, res) => {
      res.set('cache-control', 'public, max-age=300').json(services.auth.issuer.jwks());
    });
  },
  seed: seedIdentity,
};
