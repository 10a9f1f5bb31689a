import type { DataSource } from 'typeorm';
import { inTransaction } from '../../shared/data/database';
import { demoFacts, type DemoDataset } from '../../graph/demo-data';
import { AccessPersonEntity, writeFacts } from '../../shared/subgraph/facts';

/**
 * Compliance's own demo records (retention policies, participations) arrive as tenancy's seed events;
 * what it writes here are its copies of the access facts, as those events would have.
 */
export async function seedCompliance(db: DataSource, dataset: DemoDataset, now: Date): Promise<void> {
  if ((await db.getRepository(AccessPersonEntity).count()) > 0) return;
  await inTransaction(db, (manager) => writeFacts(manager, demoFacts(dataset), now));
}
