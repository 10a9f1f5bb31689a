import { envInt } from '../../shared/runtime/config';
import { InternalTokens } from '../../shared/auth/internal-token';
import type { SubgraphDefinition } from '../../shared/subgraph/definition';
import { appendAuditEntry } from './audit-log';
import type { ComplianceContext, ComplianceServices } from './context';
import { COMPLIANCE_ENTITIES, DEFAULT_RETENTION, RetentionPolicyEntity } from './entities';
import { createLoaders } from './loaders';
import { COMPLIANCE_FACTS, COMPLIANCE_MIGRATIONS } from './migrations';
import { factEntities, factHandlers } from '../../shared/subgraph/facts';
import type { DemoDataset } from '../../graph/demo-data';
import { seedCompliance } from './seed';
import { identifyingStrings } from './requests';
import { resolvers } from './resolvers';
import { recordParticipation, runSweep } from './retention';
import { RETENTION_ENTITIES } from './retention-entities';

export const compliance: SubgraphDefinition<ComplianceContext, ComplianceServices, DemoDataset> = {
  directory: __dirname,
  resolvers,
  entities: [...COMPLIANCE_ENTITIES, ...RETENTION_ENTITIES, ...factEntities(COMPLIANCE_FACTS)],
  migrations: COMPLIANCE_MIGRATIONS,
  async setup({ config, clock }) {
    return { tokens: new InternalTokens(config.internalTokenSecret, 'compliance'), peers: config.peers, clock };
  },
  buildContext: (base, db, services) => ({ ...base, db, services, loaders: createLoaders(db) }),
  background({ config, dataSource, logger, services }) {
    // The scheduled sweep: every replica may run it; conditional transitions keep the work single.
    const minutes = envInt(config.env, 'RETENTION_SWEEP_INTERVAL_MINUTES', 60, { max: 10_080 });
    if (minutes === 0) return null;
    const timer = setInterval(() => {
      runSweep(dataSource, services.clock, { dryRun: false, batchSize: 500 }, (userId) =>
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
  eventHandlers: {
    ...factHandlers(COMPLIANCE_FACTS),
    // A plain insert, not an upsert: applying the same event twice would fail loudly, so the
    // processed-events guard is what keeps redelivery harmless.
    ClientCreated: async (manager, payload, event) => {
      const at = new Date(event.occurredAt);
      await manager.insert(RetentionPolicyEntity, {
        clientId: payload.clientId,
        ...DEFAULT_RETENTION,
        createdAt: at,
        updatedAt: at,
      });
    },
    AccessChanged: (manager, payload, event) => appendAuditEntry(manager, payload, event),
    ProjectJoined: (manager, payload) => recordParticipation(manager, payload),
  },
};
