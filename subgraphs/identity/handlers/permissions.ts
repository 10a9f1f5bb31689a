import type { EventHandlers } from '../../../shared/events/outbox';
import { UserEntity } from '../entities';

/**
 * Handlers of permissions' events: identity keeps each user's type (directory search), tier and admin
 * role, so tier rules and "the last admin stays" are decided here without asking permissions.
 */
export const permissionsHandlers: EventHandlers = {
  PersonAccessChanged: async (manager, payload) => {
    await manager.update(
      UserEntity,
      { id: payload.userId },
      { userTypeId: payload.userTypeId, tier: payload.tier, isAdmin: payload.admin },
    );
  },
};
