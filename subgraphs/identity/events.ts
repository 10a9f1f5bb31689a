/**
 * Every event identity receives, in one map: the copies it keeps of tenancy's grants and accounts
 * (docs/authorization.md), each client's sign-up settings and status, partner invitations to email,
 * each person's type, tier and admin role from permissions, and compliance's soft deletion and erasure
 * (privacy.ts).
 */
import { In } from 'typeorm';
import type { InternalTokens } from '../../shared/auth/internal-token';
import type { SubgraphName } from '../../shared/runtime/config';
import type { EventHandlers } from '../../shared/events/outbox';
import { factHandlers } from '../../shared/subgraph/facts';
import { querySubgraph } from '../../shared/subgraph/client';
import type { MailServices } from './activation-links';
import { ClientEmailDomainEntity, ClientSettingsEntity, UserEntity } from './entities';
import { revokePartnerInvitations } from './invitations';
import { IDENTITY_FACTS } from './migrations';
import { privacyHandlers } from './privacy';

const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** What the handlers need beyond the database: mail, and calls to permissions (who may answer a partner invitation). */
export interface EventServices {
  mail: MailServices;
  tokens: InternalTokens;
  peers: Record<SubgraphName, string>;
}

const facts = factHandlers(IDENTITY_FACTS);

export function identityEventHandlers(services: EventServices): EventHandlers {
  return {
    ...facts,
    ...privacyHandlers,
    // The copy of the grant first; then, when the grant ended, what partner staff sent through it ends too.
    PartnerAccessChanged: async (manager, payload, event, now) => {
      await facts.PartnerAccessChanged?.(manager, payload, event, now);
      if (payload.status === 'CANCELLED') await revokePartnerInvitations(manager, payload, now);
    },
    // Identity keeps each user's type (directory search), tier and admin role, so tier rules and
    // "the last admin stays" are decided here without asking permissions.
    PersonAccessChanged: async (manager, payload) => {
      await manager.update(
        UserEntity,
        { id: payload.userId },
        { userTypeId: payload.userTypeId, tier: payload.tier, isAdmin: payload.admin },
      );
    },
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
    // A suspended client's users cannot sign in and their tokens stop working (sessions.ts, loaders.ts).
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
        await services.mail.mailer.send({
          to: user.email,
          subject: `${payload.clientName} invites your organisation to Tenantry`,
          text: [
            `Hello ${user.firstName},`,
            '',
            `${payload.clientName} invites your organisation to manage it on Tenantry with ${level}.`,
            `Accept or reject the invitation in the partner area: ${services.mail.appUrl}/partner/invitations/${encodeURIComponent(payload.invitationId)}`,
            '',
            `The invitation expires on ${payload.expiresAt.slice(0, 16).replace('T', ' ')} UTC.`,
          ].join('\n'),
        });
      }
    },
  };
}
