import { envInt } from '../../shared/runtime/config';
import { Access } from '../../shared/auth/access';
import { InternalTokens } from '../../shared/auth/internal-token';
import type { SubgraphDefinition } from '../../shared/subgraph/definition';
import { copiedFacts, factEntities } from '../../shared/subgraph/facts';
import type { DemoDataset } from '../../graph/demo-data';
import type { ComplianceContext, ComplianceServices } from './context';
import { COMPLIANCE_ENTITIES } from './entities';
import { complianceEventHandlers } from './events';
import { createLoaders } from './loaders';
import { COMPLIANCE_FACTS, COMPLIANCE_MIGRATIONS } from './migrations';
import { identifyingStrings } from './privacy';
import { resolvers } from './resolvers';
import { seedCompliance } from './seed';
import { runSweep } from './sweep';

export const compliance: SubgraphDefinition<ComplianceContext, ComplianceServices, DemoDataset> = {
  directory: __dirname,
  resolvers,
  entities: [...COMPLIANCE_ENTITIES, ...factEntities(COMPLIANCE_FACTS)],
  migrations: COMPLIANCE_MIGRATIONS,
  async setup({ config, clock }) {
    return { tokens: new InternalTokens(config.internalTokenSecret, 'compliance'), peers: config.peers, clock };
  },
  buildContext: (base, db, services) => ({ ...base, db, services, loaders: createLoaders(db, base.access) }),
  background({ config, dataSource, logger, services }) {
    // The scheduled sweep: every replica may run it; conditional transitions keep the work single.
    const minutes = envInt(config.env, 'RETENTION_SWEEP_INTERVAL_MINUTES', 60, { max: 10_080 });
    if (minutes === 0) return null;
    const timer = setInterval(() => {
      // Compliance acting on its own behalf: the system principal, which the policy lets sweep.
      const access = new Access({ kind: 'system', service: 'compliance' }, copiedFacts(dataSource));
      runSweep({ db: dataSource, access, clock: services.clock }, { dryRun: false, batchSize: 500 }, (userId) =>
        identifyingStrings(services, userId),
      )
        .then(
          (report) =>
            (report.softDeleted.length || report.erased.length) &&
            logger.info({ softDeleted: report.softDeleted.length, erased: report.erased.length }, 'retention sweep'),
        )
        .catch((error: unknown) => logger.warn({ err: error }, 'retention sweep failed; the next one resumes'));
    }, minutes * 60_000);
    timer.unref();
    return { stop: async () => clearInterval(timer) };
  },
  seed: seedCompliance,
  eventHandlers: complianceEventHandlers,
};
