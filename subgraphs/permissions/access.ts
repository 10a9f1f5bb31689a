import type { DataSource, EntityManager } from 'typeorm';

import { z } from 'zod';
import { audit } from '../../shared/events/audit';
import { bestRank, permissionsIn } from '../../shared/auth/authz';
import { inTransaction, isUniqueViolation } from '../../shared/data/database';
import { badInput, conflict, forbidden, notFound } from '../../shared/runtime/errors';
import { actorId, requirePermission } from '../../shared/auth/guard';
import { newId } from '../../shared/runtime/ids';
import { ROLE_TIERS, roleRank, type Actor, type Principal, type Role } from '../../shared/auth/principal';
import { displayName, uuid, validate } from '../../shared/runtime/validation';
import { ALL_PERMISSION_KEYS } from './catalogue';
import { announceAccess } from './announce';
import {
  PermissionOverrideEntity,
  RoleAssignmentEntity,
  UserTypeAssignmentEntity,
  UserTypeEntity,
  UserTypePermissionEntity,
} from './entities';

const ADMIN_TYPE = 'Organization Admin';
/** The role that administers each kind of organisation; the last holder cannot be removed. */
const ADMIN_ROLES: Role[] = ['PARTNER_ADMIN', 'CLIENT_ADMIN'];

const permissionKeys = z
  .array(z.string())
  .max(ALL_PERMISSION_KEYS.length)
  .refine(
    (keys) => keys.every((key) => ALL_PERMISSION_KEYS.includes(key)),
    'contains a permission that is not in the catalogue',
  )
  .transform((keys) => [...new Set(keys)].sort());

/** Nobody hands out a permission they do not hold in that organisation. */
function requireHoldsAll(principal: Principal, organizationId: string, keys: readonly string[]): void {
  const held = permissionsIn(principal, organizationId);
  const missing = keys.filter((key) => !held.has(key));
  if (missing.length > 0) throw forbidden(`You cannot grant permissions you do not hold: ${missing.join(', ')}`);
}

/** A subject's best tier in an organisation (a platform operator role counts everywhere). */
async function subjectRank(manager: EntityManager, subjectId: string, organizationId: string): Promise<number | null> {
  const roles = await manager.findBy(RoleAssignmentEntity, { userId: subjectId });
  const ranks = roles
    .filter((role) => role.organizationId === organizationId || role.role === 'PLATFORM_OPERATOR')
    .map((role) => roleRank(role.role));
  return ranks.length ? Math.min(...ranks) : null;
}

/** Nobody edits a user of a higher tier than their own. */
async function requireNotAbove(
  manager: EntityManager,
  principal: Principal,
  subjectId: string,
  organizationId: string,
): Promise<void> {
  const actorRank = bestRank(principal, organizationId);
  const targetRank = await subjectRank(manager, subjectId, organizationId);
  if (targetRank !== null && (actorRank === null || targetRank < actorRank))
    throw forbidden('You cannot change the access of a user of a higher tier than yours');
}

async function requireAssignment(manager: EntityManager, userId: string): Promise<UserTypeAssignmentEntity> {
  const assignment = await manager.findOneBy(UserTypeAssignmentEntity, { userId });
  if (!assignment) throw notFound('User', userId);
  return assignment;
}

async function requireType(manager: EntityManager, id: string): Promise<UserTypeEntity> {
  const type = await manager.findOneBy(UserTypeEntity, { id });
  if (!type) throw notFound('User type', id);
  return type;
}

const keysOf = async (manager: EntityManager, userTypeId: string): Promise<string[]> =>
  (await manager.find(UserTypePermissionEntity, { where: { userTypeId }, order: { permissionKey: 'ASC' } })).map(
    (row) => row.permissionKey,
  );

const typeSnapshot = async (manager: EntityManager, type: UserTypeEntity) => ({
  name: type.name,
  description: type.description,
  isDefault: type.isDefault,
  permissions: await keysOf(manager, type.id),
});

const userTypeInput = z.object({
  name: displayName(100),
  description: z.string().trim().max(300).optional().nullable(),
  permissions: permissionKeys,
});

export async function createUserType(
  db: DataSource,
  actor: Actor,
  organizationId: string,
  input: unknown,
): Promise<UserTypeEntity> {
  validate(uuid, organizationId);
  requirePermission(actor.principal, 'user-types.manage', organizationId);
  const { name, description, permissions } = validate(userTypeInput, input);
  requireHoldsAll(actor.principal, organizationId, permissions);
  try {
    return await inTransaction(db, async (manager) => {
      const type = manager.create(UserTypeEntity, {
        id: newId(),
        organizationId,
        name,
        description: description ?? '',
        predefined: false,
        isDefault: false,
        createdAt: actor.now,
      });
      await manager.insert(UserTypeEntity, type);
      if (permissions.length)
        await manager.insert(
          UserTypePermissionEntity,
          permissions.map((permissionKey) => ({ userTypeId: type.id, permissionKey })),
        );
      await audit(manager, actor, {
        action: 'USER_TYPE_CREATED',
        targetType: 'UserType',
        targetId: type.id,
        organizationId,
        before: null,
        after: { name, description: type.description, permissions },
      });
      return type;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A user type named "${name}" already exists in this organisation`);
    throw error;
  }
}

const userTypeChanges = z.object({
  name: displayName(100).optional().nullable(),
  description: z.string().trim().max(300).optional().nullable(),
  permissions: permissionKeys.optional().nullable(),
});

export async function updateUserType(
  db: DataSource,
  actor: Actor,
  id: string,
  input: unknown,
): Promise<UserTypeEntity> {
  validate(uuid, id);
  const changes = validate(userTypeChanges, input);
  try {
    return await inTransaction(db, async (manager) => {
      const type = await requireType(manager, id);
      requirePermission(actor.principal, 'user-types.manage', type.organizationId);
      const before = await typeSnapshot(manager, type);
      if (changes.permissions) {
        // Both what is added and what is removed must be within the editor's own permissions.
        const touched = [
          ...changes.permissions.filter((key) => !before.permissions.includes(key)),
          ...before.permissions.filter((key) => !changes.permissions!.includes(key)),
        ];
        requireHoldsAll(actor.principal, type.organizationId, touched);
        if (type.predefined && type.name === ADMIN_TYPE && touched.length > 0)
          throw forbidden('The permissions of Organization Admin cannot be changed');
        await manager.delete(UserTypePermissionEntity, { userTypeId: id });
        if (changes.permissions.length)
          await manager.insert(
            UserTypePermissionEntity,
            changes.permissions.map((permissionKey) => ({ userTypeId: id, permissionKey })),
          );
      }
      const fields: Partial<UserTypeEntity> = {};
      if (changes.name) {
        if (type.predefined && changes.name !== type.name)
          throw badInput('Predefined user types cannot be renamed', 'name');
        fields.name = changes.name;
      }
      if (changes.description !== undefined && changes.description !== null) fields.description = changes.description;
      if (Object.keys(fields).length) await manager.update(UserTypeEntity, { id }, fields);
      const updated = await requireType(manager, id);
      await audit(manager, actor, {
        action: 'USER_TYPE_UPDATED',
        targetType: 'UserType',
        targetId: id,
        organizationId: type.organizationId,
        before,
        after: await typeSnapshot(manager, updated),
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`A user type named "${changes.name}" already exists in this organisation`);
    throw error;
  }
}

export async function deleteUserType(
  db: DataSource,
  actor: Actor,
  id: string,
  reassignTo: string | null | undefined,
): Promise<boolean> {
  validate(uuid, id);
  return inTransaction(db, async (manager) => {
    const type = await requireType(manager, id);
    requirePermission(actor.principal, 'user-types.manage', type.organizationId);
    if (type.predefined) throw badInput('Predefined user types cannot be deleted');
    const users = await manager.countBy(UserTypeAssignmentEntity, { userTypeId: id });
    if (users > 0) {
      if (!reassignTo)
        throw conflict(`This user type has ${users} user(s); pass reassignTo to move them to another type first`);
      const target = await requireType(manager, reassignTo);
      if (target.organizationId !== type.organizationId || target.id === type.id)
        throw badInput('reassignTo must be another user type of the same organisation', 'reassignTo');
      requireHoldsAll(actor.principal, type.organizationId, await keysOf(manager, target.id));
      const moved = await manager.findBy(UserTypeAssignmentEntity, { userTypeId: id });
      await manager.update(UserTypeAssignmentEntity, { userTypeId: id }, { userTypeId: target.id });
      // Identity keeps each user's type for directory search: tell it about every user moved.
      for (const assignment of moved) await announceAccess(manager, assignment.userId, actor.now);
    }
    const before = await typeSnapshot(manager, type);
    if (type.isDefault) {
      const standard = await manager.findOneBy(UserTypeEntity, {
        organizationId: type.organizationId,
        name: 'Standard',
        predefined: true,
      });
      if (standard) await manager.update(UserTypeEntity, { id: standard.id }, { isDefault: true });
    }
    await manager.delete(UserTypePermissionEntity, { userTypeId: id });
    await manager.delete(UserTypeEntity, { id });
    await audit(manager, actor, {
      action: 'USER_TYPE_DELETED',
      targetType: 'UserType',
      targetId: id,
      organizationId: type.organizationId,
      before,
      after: reassignTo ? { usersMovedTo: reassignTo, users } : null,
    });
    return true;
  });
}

export async function setDefaultUserType(db: DataSource, actor: Actor, id: string): Promise<UserTypeEntity> {
  validate(uuid, id);
  return inTransaction(db, async (manager) => {
    const type = await requireType(manager, id);
    requirePermission(actor.principal, 'user-types.manage', type.organizationId);
    // Self-enrollment hands this type to strangers with a matching email: it must be within the editor's own reach.
    requireHoldsAll(actor.principal, type.organizationId, await keysOf(manager, id));
    const previous = await manager.findOneBy(UserTypeEntity, { organizationId: type.organizationId, isDefault: true });
    await manager.update(UserTypeEntity, { organizationId: type.organizationId }, { isDefault: false });
    await manager.update(UserTypeEntity, { id }, { isDefault: true });
    await audit(manager, actor, {
      action: 'DEFAULT_USER_TYPE_SET',
      targetType: 'UserType',
      targetId: id,
      organizationId: type.organizationId,
      before: previous ? { defaultUserTypeId: previous.id } : null,
      after: { defaultUserTypeId: id },
    });
    return requireType(manager, id);
  });
}

async function requireNotLastAdminType(manager: EntityManager, current: UserTypeEntity): Promise<void> {
  if (!(current.predefined && current.name === ADMIN_TYPE)) return;
  const admins = await manager.countBy(UserTypeAssignmentEntity, { userTypeId: current.id });
  if (admins <= 1)
    throw conflict('This is the last Organization Admin of the organisation; make someone else admin first');
}

export async function assignUserType(
  db: DataSource,
  actor: Actor,
  userId: string,
  userTypeId: string,
): Promise<{ id: string }> {
  validate(uuid, userId);
  validate(uuid, userTypeId);
  return inTransaction(db, async (manager) => {
    const assignment = await requireAssignment(manager, userId);
    const type = await requireType(manager, userTypeId);
    if (type.organizationId !== assignment.organizationId)
      throw badInput("The user type must belong to the user's organisation", 'userTypeId');
    requirePermission(actor.principal, 'user-types.manage', assignment.organizationId);
    const keys = await keysOf(manager, type.id);
    requireHoldsAll(actor.principal, assignment.organizationId, keys);
    await requireNotAbove(manager, actor.principal, userId, assignment.organizationId);
    if (assignment.subjectKind === 'EXTERNAL' && keys.length > 0)
      requirePermission(actor.principal, 'external-access.grant', assignment.organizationId);
    const current = await requireType(manager, assignment.userTypeId);
    if (current.id !== type.id) await requireNotLastAdminType(manager, current);
    await manager.update(UserTypeAssignmentEntity, { userId }, { userTypeId: type.id });
    await announceAccess(manager, userId, actor.now);
    await audit(manager, actor, {
      action: 'USER_TYPE_ASSIGNED',
      targetType: 'User',
      targetId: userId,
      organizationId: assignment.organizationId,
      before: { userTypeId: current.id, userType: current.name },
      after: { userTypeId: type.id, userType: type.name },
    });
    return { id: userId };
  });
}

const grantRoleInput = z.object({
  userId: uuid,
  role: z.enum(ROLE_TIERS),
  organizationId: uuid,
  accountIds: z.array(uuid).max(500).optional().nullable(),
});

export async function grantRole(db: DataSource, actor: Actor, input: unknown): Promise<RoleAssignmentEntity> {
  const { userId, role, organizationId, accountIds } = validate(grantRoleInput, input);
  requirePermission(actor.principal, 'roles.manage', organizationId);
  const actorRank = bestRank(actor.principal, organizationId);
  if (actorRank === null || roleRank(role) < actorRank) throw forbidden('You cannot grant a role above your own tier');
  return inTransaction(db, async (manager) => {
    const assignment = await requireAssignment(manager, userId);
    await requireNotAbove(manager, actor.principal, userId, organizationId);
    if (assignment.subjectKind === 'EXTERNAL' && roleRank(role) < roleRank('EXTERNAL'))
      requirePermission(actor.principal, 'external-access.grant', organizationId);
    const row = manager.create(RoleAssignmentEntity, {
      id: newId(),
      userId,
      organizationId,
      role,
      accountIds: [...new Set(accountIds ?? [])],
      createdAt: actor.now,
    });
    await manager.insert(RoleAssignmentEntity, row);
    await announceAccess(manager, userId, actor.now);
    await audit(manager, actor, {
      action: 'ROLE_GRANTED',
      targetType: 'User',
      targetId: userId,
      organizationId,
      before: null,
      after: { assignmentId: row.id, role, accountIds: row.accountIds },
    });
    return row;
  });
}

export async function revokeRole(db: DataSource, actor: Actor, assignmentId: string): Promise<boolean> {
  validate(uuid, assignmentId);
  return inTransaction(db, async (manager) => {
    const row = await manager.findOneBy(RoleAssignmentEntity, { id: assignmentId });
    if (!row) throw notFound('Role assignment', assignmentId);
    requirePermission(actor.principal, 'roles.manage', row.organizationId);
    const actorRank = bestRank(actor.principal, row.organizationId);
    if (actorRank === null || roleRank(row.role) < actorRank)
      throw forbidden('You cannot revoke a role above your own tier');
    await requireNotAbove(manager, actor.principal, row.userId, row.organizationId);
    if (ADMIN_ROLES.includes(row.role)) {
      const holders = await manager.countBy(RoleAssignmentEntity, {
        organizationId: row.organizationId,
        role: row.role,
      });
      if (holders <= 1)
        throw conflict(`This is the last ${row.role} of the organisation; grant the role to someone else first`);
    }
    await manager.delete(RoleAssignmentEntity, { id: assignmentId });
    await announceAccess(manager, row.userId, actor.now);
    await audit(manager, actor, {
      action: 'ROLE_REVOKED',
      targetType: 'User',
      targetId: row.userId,
      organizationId: row.organizationId,
      before: { assignmentId, role: row.role, accountIds: row.accountIds },
      after: null,
    });
    return true;
  });
}

const overrideInput = z.object({
  userId: uuid,
  organizationId: uuid,
  permission: z.string().refine((key) => ALL_PERMISSION_KEYS.includes(key), 'is not in the catalogue'),
  effect: z.enum(['GRANT', 'DENY']).nullish(),
});

export async function setPermissionOverride(db: DataSource, actor: Actor, input: unknown): Promise<{ id: string }> {
  const { userId, organizationId, permission, effect } = validate(overrideInput, input);
  requirePermission(actor.principal, 'roles.manage', organizationId);
  requireHoldsAll(actor.principal, organizationId, [permission]);
  return inTransaction(db, async (manager) => {
    const assignment = await requireAssignment(manager, userId);
    await requireNotAbove(manager, actor.principal, userId, organizationId);
    if (assignment.subjectKind === 'EXTERNAL' && effect === 'GRANT')
      requirePermission(actor.principal, 'external-access.grant', organizationId);
    const existing = await manager.findOneBy(PermissionOverrideEntity, {
      userId,
      organizationId,
      permissionKey: permission,
    });
    await manager.delete(PermissionOverrideEntity, { userId, organizationId, permissionKey: permission });
    if (effect)
      await manager.insert(PermissionOverrideEntity, {
        userId,
        organizationId,
        permissionKey: permission,
        effect,
        createdAt: actor.now,
        createdBy: actorId(actor.principal),
      });
    await audit(manager, actor, {
      action: 'PERMISSION_OVERRIDE_SET',
      targetType: 'User',
      targetId: userId,
      organizationId,
      before: existing ? { permission, effect: existing.effect } : null,
      after: effect ? { permission, effect } : null,
    });
    return { id: userId };
  });
}

/** Gives a new service account a user type of its own (no permissions until an admin edits it). */
export async function setUpServiceAccount(
  manager: EntityManager,
  payload: { serviceAccountId: string; organizationId: string; name: string; actorId: string | null },
  requestId: string | null,
  now: Date,
): Promise<void> {
  if (await manager.existsBy(UserTypeAssignmentEntity, { userId: payload.serviceAccountId })) return;
  const type = manager.create(UserTypeEntity, {
    id: newId(),
    organizationId: payload.organizationId,
    name: `Service: ${payload.name}`.slice(0, 100),
    description: 'User type of a service account',
    predefined: false,
    isDefault: false,
    createdAt: now,
  });
  await manager.insert(UserTypeEntity, type);
  await manager.insert(UserTypeAssignmentEntity, {
    userId: payload.serviceAccountId,
    userTypeId: type.id,
    organizationId: payload.organizationId,
    subjectKind: 'SERVICE',
  });
  await audit(
    manager,
    { principal: { kind: 'system', service: 'identity' }, requestId: requestId ?? '', now },
    {
      actorId: payload.actorId,
      action: 'SERVICE_ACCOUNT_CREATED',
      targetType: 'ServiceAccount',
      targetId: payload.serviceAccountId,
      organizationId: payload.organizationId,
      before: null,
      after: { name: payload.name, userTypeId: type.id, createdBy: payload.actorId },
    },
  );
}
