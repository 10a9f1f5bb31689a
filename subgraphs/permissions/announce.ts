import type { EntityManager } from 'typeorm';
import { ADMIN_ROLES, bestRole } from '../../shared/auth/principal';
import { publish } from '../../shared/events/outbox';
import { RoleAssignmentEntity, UserTypeAssignmentEntity } from './entities';

/**
 * Tells identity a person's user type, tier and admin role as they now stand (PersonAccessChanged),
 * in the transaction of the change: identity decides tier rules and "the last admin stays" from it,
 * and searches users by type. Service accounts are not people: nothing is sent for them.
 */
export async function announceAccess(manager: EntityManager, userId: string, now: Date): Promise<void> {
  const assignment = await manager.findOneBy(UserTypeAssignmentEntity, { userId });
  if (!assignment || assignment.subjectKind === 'SERVICE') return;
  const roles = (await manager.findBy(RoleAssignmentEntity, { userId }))
    .filter((row) => row.organizationId === assignment.organizationId || row.role === 'PLATFORM_OPERATOR')
    .map((row) => row.role);
  await publish(
    manager,
    'PersonAccessChanged',
    {
      userId,
      organizationId: assignment.organizationId,
      userTypeId: assignment.userTypeId,
      tier: bestRole(roles),
      admin: roles.some((role) => ADMIN_ROLES.includes(role)),
    },
    now,
  );
}
