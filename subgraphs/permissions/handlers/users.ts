import type { EntityManager } from 'typeorm';
import { audit } from '../../../shared/events/audit';
import type { EventPayloads } from '../../../shared/events/events';
import { stableId } from '../../../shared/runtime/ids';
import type { EventHandlers } from '../../../shared/events/outbox';
import type { Role } from '../../../shared/auth/principal';
import { RoleAssignmentEntity, UserTypeAssignmentEntity, UserTypeEntity } from '../entities';
import { createPredefinedUserTypes, predefinedUserTypeId } from '../user-types';
import { announceAccess } from '../announce';

type Kind = EventPayloads['UserCreated']['kind'];
type AccessLevel = EventPayloads['UserCreated']['accessLevel'] | undefined;

const BASE_ROLE: Record<Kind, Role> = { EMPLOYEE: 'MEMBER', EXTERNAL: 'EXTERNAL', PARTICIPANT: 'PARTICIPANT' };
const SYSTEM = { kind: 'system' as const, service: 'permissions' };

/**
 * The user type a new user of this kind gets: the organisation's default type for employees and for
 * external contacts with advanced access (identity checked that the inviter holds external-access.grant),
 * "External Contact" for basic access, "Participant" for participants.
 */
async function typeFor(
  manager: EntityManager,
  { organizationId, kind, accessLevel }: { organizationId: string; kind: Kind; accessLevel: AccessLevel },
  now: Date,
): Promise<UserTypeEntity> {
  // An organisation whose ClientCreated has not arrived yet still gets its predefined types (idempotent).
  await createPredefinedUserTypes(manager, organizationId, now);
  if (kind === 'PARTICIPANT' || (kind === 'EXTERNAL' && accessLevel !== 'ADVANCED')) {
    const name = kind === 'PARTICIPANT' ? 'Participant' : 'External Contact';
    return await manager.findOneByOrFail(UserTypeEntity, { id: predefinedUserTypeId(organizationId, name) });
  }
  return (
    (await manager.findOneBy(UserTypeEntity, { organizationId, isDefault: true })) ??
    (await manager.findOneByOrFail(UserTypeEntity, { id: predefinedUserTypeId(organizationId, 'Standard') }))
  );
}

/** Gives the user a type (keeping a valid one) and a base role; tells identity (PersonAccessChanged). */
async function deriveAccess(
  manager: EntityManager,
  payload: { userId: string; organizationId: string; kind: Kind; accessLevel: AccessLevel; accountIds: string[] },
  action: string,
  now: Date,
): Promise<void> {
  const { userId, organizationId, kind } = payload;
  const assignment = await manager.findOneBy(UserTypeAssignmentEntity, { userId });
  const current = assignment ? await manager.findOneBy(UserTypeEntity, { id: assignment.userTypeId }) : null;
  // A type that was deleted, or belongs to another organisation, is broken: derive it again.
  const valid =
    assignment !== null &&
    current !== null &&
    current.organizationId === organizationId &&
    assignment.organizationId === organizationId;
  const type = valid ? current : await typeFor(manager, payload, now);
  if (!assignment)
    await manager.insert(UserTypeAssignmentEntity, { userId, userTypeId: type.id, organizationId, subjectKind: kind });
  else if (!valid)
    await manager.update(
      UserTypeAssignmentEntity,
      { userId },
      { userTypeId: type.id, organizationId, subjectKind: kind },
    );

  const roles = await manager.findBy(RoleAssignmentEntity, { userId, organizationId });
  let granted: RoleAssignmentEntity | null = null;
  if (roles.length === 0) {
    // One deterministic id per user: a redelivered or repeated event cannot add a second base role.
    granted = manager.create(RoleAssignmentEntity, {
      id: stableId(`base-role:${userId}`),
      userId,
      organizationId,
      role: BASE_ROLE[kind],
      accountIds: [...new Set(payload.accountIds)],
      createdAt: now,
    });
    if (await manager.existsBy(RoleAssignmentEntity, { id: granted.id }))
      await manager.delete(RoleAssignmentEntity, { id: granted.id });
    await manager.insert(RoleAssignmentEntity, granted);
  }
  await announceAccess(manager, userId, now);
  if (!valid || granted) {
    await audit(
      manager,
      { principal: SYSTEM, requestId: '', now },
      {
        action,
        targetType: 'User',
        targetId: userId,
        organizationId,
        before: assignment ? { userTypeId: assignment.userTypeId } : null,
        after: {
          userTypeId: type.id,
          userType: type.name,
          ...(granted ? { role: granted.role, accountIds: granted.accountIds } : {}),
        },
      },
    );
  }
}

/** Handlers of identity's user events (UserCreated, UserRepairRequested); both are idempotent. */
export const userHandlers: EventHandlers = {
  UserCreated: (manager, payload, _event, now) => deriveAccess(manager, payload, 'USER_ACCESS_DERIVED', now),
  UserRepairRequested: (manager, payload, _event, now) =>
    deriveAccess(
      manager,
      { ...payload, accessLevel: payload.accessLevel, accountIds: payload.accountIds ?? [] },
      'USER_ACCESS_REPAIRED',
      now,
    ),
};
