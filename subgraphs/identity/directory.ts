import { LIKE_ESCAPE, likePrefix } from '../../shared/data/sql';
import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { z } from 'zod';
import { keysetQuery, type KeysetOrder, type PageRequest } from '../../shared/data/pagination';
import { uuid, validate } from '../../shared/runtime/validation';
import { UserEntity } from './entities';
import type { UserFilter } from './generated/resolvers-types';

export type { UserFilter };

const prefix = z
  .string()
  .max(100, 'must be at most 100 characters')
  // eslint-disable-next-line no-control-regex
  .refine((value) => !/[\u0000-\u001f\u007f-\u009f]/.test(value), 'must not contain control characters')
  .nullish();
const filterSchema = z.object({
  search: prefix,
  username: prefix,
  firstName: prefix,
  lastName: prefix,
  email: prefix,
  accountId: uuid.nullish(),
  userTypeId: uuid.nullish(),
  status: z.enum(['INVITED', 'ACTIVE', 'DEACTIVATED']).nullish(),
  kind: z.enum(['EMPLOYEE', 'EXTERNAL', 'PARTICIPANT']).nullish(),
});

/**
 * The filtered users of one organisation (no order, no limit). Every condition is on the organisation
 * plus an indexed column (lowercase copies for the names), so a prefix search reads one tenant's
 * matching index range instead of scanning; the filters combine with AND. The loaders add the
 * caller's scope (loaders.ts); scripts/explain-user-search.ts explains the statements.
 */
export function userSearch(
  db: DataSource,
  organizationId: string,
  rawFilter: UserFilter | null | undefined,
): SelectQueryBuilder<UserEntity> {
  const filter = validate(filterSchema, rawFilter ?? {});
  const base = db
    .getRepository(UserEntity)
    .createQueryBuilder('user')
    .where('user.organizationId = :organizationId', { organizationId })
    .andWhere('user.deletedAt IS NULL');
  if (filter.status) base.andWhere('user.status = :status', { status: filter.status });
  if (filter.kind) base.andWhere('user.kind = :kind', { kind: filter.kind });
  if (filter.userTypeId) base.andWhere('user.userTypeId = :userTypeId', { userTypeId: filter.userTypeId });
  if (filter.accountId) {
    base.andWhere(
      'user.id IN (SELECT ua.userId FROM user_accounts ua WHERE ua.organizationId = :organizationId AND ua.accountId = :accountId)',
      { accountId: filter.accountId },
    );
  }
  const fields: Array<[keyof UserFilter, string]> = [
    ['username', 'usernameLower'],
    ['firstName', 'firstNameLower'],
    ['lastName', 'lastNameLower'],
    ['email', 'email'],
  ];
  for (const [key, column] of fields) {
    const value = filter[key];
    if (value && value.trim())
      base.andWhere(`user.${column} LIKE :${key}Prefix ${LIKE_ESCAPE}`, { [`${key}Prefix`]: likePrefix(value) });
  }
  if (filter.search && filter.search.trim()) {
    const searchPrefix = likePrefix(filter.search);
    base.andWhere(
      new Brackets((qb) => {
        for (const [, column] of fields)
          qb.orWhere(`user.${column} LIKE :searchPrefix ${LIKE_ESCAPE}`, { searchPrefix });
      }),
    );
  }
  return base;
}

/** Directory order: by last name, then id (the status, kind and user-type indexes end with both). */
export const USER_ORDER: KeysetOrder<UserEntity> = {
  column: 'user.lastName',
  direction: 'ASC',
  cursorValue: (user) => user.lastName,
};

/** One page in directory order after the cursor, with one extra row to tell whether more follow. */
export const userPage = (base: SelectQueryBuilder<UserEntity>, page: PageRequest): SelectQueryBuilder<UserEntity> =>
  keysetQuery(base, page, USER_ORDER);
