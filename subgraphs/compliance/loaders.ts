import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { rowsByColumn } from '../../shared/data/loaders';
import { ConsentRecordEntity, RetentionPolicyEntity } from './entities';

export function createLoaders(db: DataSource) {
  return {
    retentionPolicy: new DataLoader<string, RetentionPolicyEntity | null>(async (clientIds) => {
      const rows = await db.getRepository(RetentionPolicyEntity).findBy({ clientId: In([...clientIds]) });
      const byClient = new Map(rows.map((row) => [row.clientId, row]));
      return clientIds.map((id) => byClient.get(id) ?? null);
    }),
    consentsOfUser: rowsByColumn(db.getRepository(ConsentRecordEntity), 'userId', { givenAt: 'DESC' }),
  };
}

export type ComplianceLoaders = ReturnType<typeof createLoaders>;
