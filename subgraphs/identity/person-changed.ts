import type { EntityManager } from 'typeorm';
import { PLATFORM_ORGANIZATION_ID } from '../../shared/auth/principal';
import { publish } from '../../shared/events/outbox';
import { UserEntity } from './entities';

/**
 * Tells the other subgraphs where a person belongs and whether they still count (PersonChanged),
 * in the transaction of the change: their copies decide ids in input and hide deleted people
 * (docs/authorization.md). Reads the row as the change left it, so every caller sends the same shape.
 */
export async function announcePerson(manager: EntityManager, userId: string, now: Date): Promise<void> {
  const user = await manager.findOneBy(UserEntity, { id: userId });
  if (!user) return;
  await publish(
    manager,
    'PersonChanged',
    {
      userId: user.id,
      organizationId: user.organizationId,
      organizationKind: user.organizationId === PLATFORM_ORGANIZATION_ID ? 'PLATFORM' : user.organizationKind,
      kind: user.kind,
      accessLevel: user.accessLevel,
      status: user.status,
      deleted: user.deletedAt !== null,
    },
    now,
  );
}
