import { IsNull } from 'typeorm';
import { inTransaction } from '../../shared/data/database';
import { audit } from '../../shared/events/audit';
import { publish } from '../../shared/events/outbox';
import { badInput, conflict, notFound } from '../../shared/runtime/errors';
import { newId } from '../../shared/runtime/ids';
import { displayName, uuid, validate } from '../../shared/runtime/validation';
import type { TenancyContext } from './context';
import { AccountEntity, ClientEntity } from './entities';
import type {
  MutationCreateAccountArgs,
  MutationMoveAccountArgs,
  MutationRenameAccountArgs,
} from './generated/resolvers-types';
import { authorize } from './policy';

/**
 * Adds a sub-account under `parentId` (default: the master account) of the same client. Its
 * AccountChanged is delivered before the answer, so the next request can invite people into it.
 */
export async function createAccount(
  context: TenancyContext,
  { clientId, name, parentId }: MutationCreateAccountArgs,
): Promise<AccountEntity> {
  const { db, access, now } = context;
  validate(uuid, clientId);
  const cleanName = validate(displayName(200), name);
  if (parentId !== null && parentId !== undefined) validate(uuid, parentId);
  const client = await db.getRepository(ClientEntity).findOneBy({ id: clientId });
  if (!client) throw notFound('Client', clientId);
  const parent = parentId
    ? await db.getRepository(AccountEntity).findOneBy({ id: parentId })
    : await db.getRepository(AccountEntity).findOneBy({ clientId, parentId: IsNull() });
  await authorize(access, 'account.create', { client, parent, parentId: parentId ?? parent?.id ?? clientId });
  if (!parent) throw notFound('Account', parentId ?? clientId);
  const account = await inTransaction(db, async (manager) => {
    const created = manager.create(AccountEntity, {
      id: newId(),
      clientId,
      parentId: parent.id,
      name: cleanName,
      createdAt: now,
    });
    await manager.insert(AccountEntity, created);
    await publish(
      manager,
      'AccountChanged',
      { accountId: created.id, clientId, parentId: created.parentId, removed: false },
      now,
    );
    await audit(manager, context, {
      action: 'ACCOUNT_CREATED',
      targetType: 'Account',
      targetId: created.id,
      organizationId: clientId,
      before: null,
      after: { name: cleanName, parentId: created.parentId },
    });
    return created;
  });
  await context.flushEvents();
  return account;
}

export async function renameAccount(
  context: TenancyContext,
  { id, name }: MutationRenameAccountArgs,
): Promise<AccountEntity> {
  const { db, access } = context;
  validate(uuid, id);
  const cleanName = validate(displayName(200), name);
  const account = await db.getRepository(AccountEntity).findOneBy({ id });
  if (!account) throw notFound('Account', id);
  await authorize(access, 'account.rename', { account });
  await inTransaction(db, (manager) => manager.update(AccountEntity, { id }, { name: cleanName }));
  return Object.assign(account, { name: cleanName });
}

/**
 * Moves an account under another account of the same client. The master stays the root, and an
 * account cannot go under itself or one of its own descendants (that would cut a cycle loose).
 */
export async function moveAccount(
  context: TenancyContext,
  { id, newParentId }: MutationMoveAccountArgs,
): Promise<AccountEntity> {
  const { db, access, now } = context;
  validate(uuid, id);
  validate(uuid, newParentId);
  const account = await db.getRepository(AccountEntity).findOneBy({ id });
  if (!account) throw notFound('Account', id);
  const accounts = await db.getRepository(AccountEntity).findBy({ clientId: account.clientId });
  const byId = new Map(accounts.map((row) => [row.id, row]));
  const parent = byId.get(newParentId) ?? null;
  await authorize(access, 'account.move', { account, newParent: parent, newParentId });
  if (account.parentId === null) throw badInput('The master account is the root of the tree and cannot be moved', 'id');
  // Walk up from the new parent: meeting the moved account means the new parent is inside its subtree.
  for (let cursor = parent; cursor; cursor = cursor.parentId ? (byId.get(cursor.parentId) ?? null) : null) {
    if (cursor.id === id) throw conflict('An account cannot be moved under itself or one of its sub-accounts');
  }
  if (account.parentId === newParentId) return account;
  const before = account.parentId;
  await inTransaction(db, async (manager) => {
    await manager.update(AccountEntity, { id }, { parentId: newParentId });
    await publish(
      manager,
      'AccountChanged',
      { accountId: id, clientId: account.clientId, parentId: newParentId, removed: false },
      now,
    );
    await audit(manager, context, {
      action: 'ACCOUNT_MOVED',
      targetType: 'Account',
      targetId: id,
      organizationId: account.clientId,
      before: { parentId: before },
      after: { parentId: newParentId },
    });
  });
  await context.flushEvents();
  return Object.assign(account, { parentId: newParentId });
}
