import type { DataSource } from 'typeorm';
import { rowsById } from '../../shared/loaders';
import { UserEntity } from './entities';
import { createUsageLoader } from './usage';

export function createLoaders(db: DataSource) {
  return {
    user: rowsById(db.getRepository(UserEntity)),
    clientUsage: createUsageLoader(db),
  };
}

export type IdentityLoaders = ReturnType<typeof createLoaders>;
