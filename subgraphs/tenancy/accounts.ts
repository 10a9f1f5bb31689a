import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { Actor, Principal } from '../../shared/auth/principal';
import { visibleAccounts } from './access';
import { audit } from '../../shared/events/audit';
import { publish } from '../../shared/events/outbox';
import { inTransaction } from '../../shared/data/database';
import { badInput, conflict, notFound } from '../../shared/runtime/errors';
import { requirePermission } from '../../shared/auth/guard';
import { newId } from '../../shared/runtime/ids';
import { displayName, uuid, validate } from '../../shared/runtime/validation';
import { AccountEntity, ClientEntity } from './entities';

/** A principal whose roles are limited to some accounts changes only those and their sub-accounts; others read as unknown. */
async function requireInScope(
  manager: EntityManager,
  principal: Principal,
  { clientId, ids, accounts }: { clientId: string; ids: string[]; accounts?: AccountEntity[] },
): Promise<void> {
  const visible = new Set(
    visibleAccounts(principal, clientId, accounts ?? (await manager.findBy(AccountEntity, { clientId }))).map(
      (account) => account.id,
    ),
  );
  const outside = ids.find((id) => !visible.has(id));
  if (outside) throw notFound('Account', outside);
}

/** Adds a sub-account under `parentId` (default: the master account) of the same client. */
export async function createAccount(
  db: DataSource,
  actor: Actor,
  { clientId, name, parentId }: { clientId: string; name: string; parentId?: string | null },
): Promise<AccountEntity> {
  const { now } = actor;
  validate(uuid, clientId);
  const cleanName = validate(displayName(200), name);
  if (parentId !== null && parentId !== undefined) validate(uuid, parentId);
  requirePermission(actor.principal, 'clients.update', clientId);
  return inTransaction(db, async (manager) => {
    if (!(await manager.existsBy(ClientEntity, { id: clientId }))) throw notFound('Client', clientId);
    const parent = parentId
      ? await manager.findOneBy(AccountEntity, { id: parentId })
      : await manager.findOneBy(AccountEntity, { clientId, parentId: IsNull() });
    // An account of another client is as unknown here as one that does not exist.
    if (!parent || parent.clientId !== clientId)
      throw parentId ? notFound('Account', parentId) : notFound('Master account of client', clientId);
    await requireInScope(manager, actor.principal, { clientId, ids: [parent.id] });
    const account = manager.create(AccountEntity, {
      id: newId(),
      clientId,
      parentId: parent.id,
      name: cleanName,
      createdAt: now,
    });
    await manager.insert(AccountEntity, account);
    await publish(
      manager,
      'AccountChanged',
      { accountId: account.id, clientId, parentId: parent.id, removed: false },
      now,
    );
    await audit(manager, actor, {
      action: 'ACCOUNT_CREATED',
      targetType: 'Account',
      targetId: account.id,
      organizationId: clientId,
      before: null,
      after: { name: cleanName, parentId: parent.id },
    });
    return account;
  });
}

export async function renameAccount(db: DataSource, actor: Actor, id: string, name: string): Promise<AccountEntity> {
  validate(uuid, id);
  const cleanName = validate(displayName(200), name);
  return inTransaction(db, async (manager) => {
    const account = await manager.findOneBy(AccountEntity, { id });
    if (!account) throw notFound('Account', id);
    requirePermission(actor.principal, 'clients.update', account.clientId);
    await requireInScope(manager, actor.principal, { clientId: account.clientId, ids: [id] });
    await manager.update(AccountEntity, { id }, { name: cleanName });
    return { ...account, name: cleanName };
  });
}

/**
 * Moves an account under another account of the same client. The master stays the root, and an
 * account cannot go under itself or one of its own descendants (that would cut a cycle loose).
 */
export async function moveAccount(
  db: DataSource,
  actor: Actor,
  id: string,
  newParentId: string,
): Promise<AccountEntity> {
  validate(uuid, id);
  validate(uuid, newParentId);
  return inTransaction(db, async (manager) => {
    const account = await manager.findOneBy(AccountEntity, { id });
    if (!account) throw notFound('Account', id);
    requirePermission(actor.principal, 'clients.update', account.clientId);
    if (account.parentId === null)
      throw badInput('The master account is the root of the tree and cannot be moved', 'id');
    const accounts = await manager.findBy(AccountEntity, { clientId: account.clientId });
    const byId = new Map(accounts.map((row) => [row.id, row]));
    const parent = byId.get(newParentId);
    if (!parent) throw notFound('Account', newParentId);
    await requireInScope(manager, actor.principal, { clientId: account.clientId, ids: [id, newParentId], accounts });
    // Walk up from the new parent: meeting the moved account means the new parent is inside its subtree.
    for (
      let cursor: AccountEntity | undefined = parent;
      cursor;
      cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined
    ) {
      if (cursor.id === id) throw conflict('An account cannot be moved under itself or one of its sub-accounts');
    }
    if (account.parentId === newParentId) return account;
    await manager.update(AccountEntity, { id }, { parentId: newParentId });
    await publish(
      manager,
      'AccountChanged',
      { accountId: id, clientId: account.clientId, parentId: newParentId, removed: false },
      actor.now,
    );
    await audit(manager, actor, {
      action: 'ACCOUNT_MOVED',
      targetType: 'Account',
      targetId: id,
      organizationId: account.clientId,
      before: { parentId: account.parentId },
      after: { parentId: newParentId },
    });
    return { ...account, parentId: newParentId };
  });
}
