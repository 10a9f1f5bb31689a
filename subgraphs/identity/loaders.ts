import DataLoader from 'dataloader';
import { In, IsNull, type DataSource } from 'typeorm';
import { UserEntity } from './entities';
import { createEmployeeCountLoader, createUsageLoader } from './usage';

/** Per-request loaders; `now` is the request's, for usage periods that run up to it. */
export function createLoaders(db: DataSource, now: Date) {
  return {
    /** Soft-deleted people are invisible: lookups and references from other subgraphs find nothing. */
    user: new DataLoader<string, UserEntity | null>(async (ids) => {
      const rows = await db.getRepository(UserEntity).findBy({ id: In([...ids]), deletedAt: IsNull() });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    clientUsage: createUsageLoader(db, now),
    employeeCount: createEmployeeCountLoader(db),
  };
}

export type IdentityLoaders = ReturnType<typeof createLoaders>;
