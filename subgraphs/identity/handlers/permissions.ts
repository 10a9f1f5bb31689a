import type { EventHandlers } from '../../../shared/events/outbox';
import { UserEntity } from '../entities';

/** Handlers of permissions' events: identity keeps each user's type id for directory search. */
export const permissionsHandlers: EventHandlers = {
  UserTypeAssigned: async (manager, payload) => {
    await manager.update(UserEntity, { id: payload.userId }, { userTypeId: payload.userTypeId });
  },
};
