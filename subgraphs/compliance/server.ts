import type { SubgraphDefinition } from '../../shared/subgraph-runtime';
import type { ComplianceContext } from './context';
import { COMPLIANCE_ENTITIES, DEFAULT_RETENTION, RetentionPolicyEntity } from './entities';
import { createLoaders } from './loaders';
import { appendAuditEntry } from './audit-log';
import { COMPLIANCE_MIGRATIONS } from './migrations';
import { resolvers } from './resolvers';

export const compliance: SubgraphDefinition<ComplianceContext> = {
  directory: __dirname,
  resolvers,
  entities: COMPLIANCE_ENTITIES,
  migrations: COMPLIANCE_MIGRATIONS,
  buildContext: (base, db) => ({ ...base, db, loaders: createLoaders(db) }),
  eventHandlers: {
    // A plain insert, not an upsert: applying the same event twice would fail loudly, so the
    // processed-events guard is what keeps redelivery harmless.
    ClientCreated: async (manager, payload, event) => {
      const at = new Date(event.occurredAt);
      await manager.insert(RetentionPolicyEntity, { clientId: payload.clientId, ...DEFAULT_RETENTION, createdAt: at, updatedAt: at });
    },
    AccessChanged: (manager, payload, event) => appendAuditEntry(manager, payload, event),
  },
};
