import { In } from 'typeorm';
import type { EventHandlers } from '../../../shared/events/outbox';
import { querySubgraph } from '../../../shared/subgraph/client';
import { ClientEmailDomainEntity, ClientSettingsEntity, UserEntity } from '../entities';
import type { LifecycleServices } from '../lifecycle';

const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * Handlers of tenancy's events: identity keeps its own copy of each client's sign-up settings
 * (corporate domains, self-enrollment) and status, and emails partners about access invitations.
 */
export function tenancyHandlers(services: LifecycleServices): EventHandlers {
  return {
    ClientProfileChanged: async (manager, payload, event) => {
      const domains = [
        ...new Set(
          payload.emailDomains.map((domain) => domain.trim().toLowerCase()).filter((domain) => DOMAIN.test(domain)),
        ),
      ];
      const settings = await manager.findOneBy(ClientSettingsEntity, { clientId: payload.clientId });
      const updatedAt = new Date(event.occurredAt);
      if (settings)
        await manager.update(
          ClientSettingsEntity,
          { clientId: payload.clientId },
          { selfEnrollment: payload.selfEnrollment, updatedAt },
        );
      else
        await manager.insert(ClientSettingsEntity, {
          clientId: payload.clientId,
          selfEnrollment: payload.selfEnrollment,
          status: 'ACTIVE',
          updatedAt,
        });
      await manager.delete(ClientEmailDomainEntity, { clientId: payload.clientId });
      if (domains.length)
        await manager.insert(
          ClientEmailDomainEntity,
          domains.map((domain) => ({ domain, clientId: payload.clientId })),
        );
    },
    ClientStatusChanged: async (manager, payload, event) => {
      const settings = await manager.findOneBy(ClientSettingsEntity, { clientId: payload.clientId });
      const updatedAt = new Date(event.occurredAt);
      if (settings)
        await manager.update(
          ClientSettingsEntity,
          { clientId: payload.clientId },
          { status: payload.status, updatedAt },
        );
      else
        await manager.insert(ClientSettingsEntity, {
          clientId: payload.clientId,
          selfEnrollment: false,
          status: payload.status,
          updatedAt,
        });
    },
    PartnerInvitationSent: async (manager, payload, event) => {
      // Who may answer: the partner's users holding partner-access.manage, as permissions computes it.
      const data = await querySubgraph<{ _usersWithPermission: string[] }>({
        url: services.peers.permissions,
        audience: 'permissions',
        tokens: services.tokens,
        principal: { kind: 'system', service: 'identity' },
        query: 'query($org: ID!, $key: String!) { _usersWithPermission(organizationId: $org, permission: $key) }',
        variables: { org: payload.partnerId, key: 'partner-access.manage' },
        requestId: event.eventId,
      });
      if (data._usersWithPermission.length === 0) return;
      const recipients = await manager.find(UserEntity, {
        where: { id: In(data._usersWithPermission), organizationId: payload.partnerId, status: 'ACTIVE' },
        order: { email: 'ASC' },
      });
      const level = payload.level === 'FULL' ? 'full access' : 'limited access';
      // Inside the event's transaction: if a send fails the event is redelivered (a recipient may get it twice, never zero times).
      for (const user of recipients) {
        await services.mailer.send({
          to: user.email,
          subject: `${payload.clientName} invites your organisation to Tenantry`,
          text: [
            `Hello ${user.firstName},`,
            '',
            `${payload.clientName} invites your organisation to manage it on Tenantry with ${level}.`,
            `Accept or reject the invitation in the partner area: ${services.appUrl}/partner/invitations/${encodeURIComponent(payload.invitationId)}`,
            '',
            `The invitation expires on ${payload.expiresAt.slice(0, 16).replace('T', ' ')} UTC.`,
          ].join('\n'),
        });
      }
    },
  };
}
