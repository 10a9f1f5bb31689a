import { notFound } from '../../../shared/runtime/errors';
import type { AccountResolvers } from '../generated/resolvers-types';

/** Accounts the caller sees: all of a client it reads, or the subtree its roles are limited to. */
export const Account: AccountResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.account(ref.id),
  isMaster: (account) => account.parentId === null,
  client: async (account, _, { loaders }) =>
    (await loaders.client(account.clientId)) ?? Promise.reject(notFound('Client', account.clientId)),
  parent: (account, _, { loaders }) => (account.parentId ? loaders.account(account.parentId) : null),
  children: async (account, _, { loaders }) =>
    (await loaders.accountsOf(account.clientId)).filter((child) => child.parentId === account.id),
};
