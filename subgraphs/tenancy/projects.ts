import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { inTransaction, isUniqueViolation } from '../../shared/data/database';
import { conflict, forbidden, notFound } from '../../shared/runtime/errors';
import { actorId, can, requirePermission } from '../../shared/auth/guard';
import { newId } from '../../shared/runtime/ids';
import { publish } from '../../shared/events/outbox';
import type { Actor, Principal } from '../../shared/auth/principal';
import { displayName, uuid, validate } from '../../shared/runtime/validation';
import { isExternalIn } from './access';
import {
  AccountEntity,
  ClientEntity,
  PartnerEntity,
  ProjectEntity,
  ProjectParticipantEntity,
  ProjectPartyEntity,
} from './entities';

const createProjectInput = z.object({
  clientId: uuid,
  name: displayName(200),
  accountId: uuid.nullish(),
  externalOrganizationIds: z.array(uuid).max(50, 'may hold at most 50 organisations').nullish(),
});

/** A project of a client; its parties are the client and any external organisations named. */
export async function createProject(db: DataSource, actor: Actor, input: unknown): Promise<ProjectEntity> {
  const { now } = actor;
  const { clientId, name, accountId, externalOrganizationIds } = validate(createProjectInput, input);
  requirePermission(actor.principal, 'projects.manage', clientId);
  const externals = [...new Set(externalOrganizationIds ?? [])].filter((id) => id !== clientId);
  try {
    return await inTransaction(db, async (manager) => {
      if (!(await manager.existsBy(ClientEntity, { id: clientId }))) throw notFound('Client', clientId);
      if (accountId) {
        const account = await manager.findOneBy(AccountEntity, { id: accountId });
        if (!account || account.clientId !== clientId) throw notFound('Account', accountId);
      }
      if (externals.length) {
        const known = new Set([
          ...(await manager.findBy(PartnerEntity, { id: In(externals) })).map((row) => row.id),
          ...(await manager.findBy(ClientEntity, { id: In(externals) })).map((row) => row.id),
        ]);
        const unknown = externals.find((id) => !known.has(id));
        if (unknown) throw notFound('Organisation', unknown);
      }
      const project = manager.create(ProjectEntity, {
        id: newId(),
        clientId,
        accountId: accountId ?? null,
        name,
        createdAt: now,
        createdBy: actorId(actor.principal),
      });
      await manager.insert(ProjectEntity, project);
      await manager.insert(
        ProjectPartyEntity,
        [clientId, ...externals].map((organizationId) => ({ projectId: project.id, organizationId })),
      );
      return project;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A project named "${name}" already exists in this client`);
    throw error;
  }
}

/**
 * Whether a principal sees a project: projects.read in its client, and for external contacts (roles
 * only at the external or participant tier there) only when their own organisation is a party.
 */
export function maySeeProject(principal: Principal, project: ProjectEntity, parties: string[]): boolean {
  if (!can(principal, 'projects.read', project.clientId)) return false;
  if (!isExternalIn(principal, project.clientId)) return true;
  return (
    (principal.kind === 'user' || principal.kind === 'service') &&
    principal.organizationId !== null &&
    parties.includes(principal.organizationId)
  );
}

/**
 * Records that a user takes part in a project, once, and tells compliance (ProjectJoined starts the
 * retention clock). Project managers add anyone; a user may join a project they can see themselves.
 */
export async function joinProject(
  db: DataSource,
  actor: Actor,
  projectId: string,
  userId: string,
): Promise<ProjectParticipantEntity> {
  const { now } = actor;
  validate(uuid, projectId);
  validate(uuid, userId);
  const { principal } = actor;
  return inTransaction(db, async (manager) => {
    const project = await manager.findOneBy(ProjectEntity, { id: projectId });
    if (!project) throw notFound('Project', projectId);
    const parties = (await manager.findBy(ProjectPartyEntity, { projectId })).map((row) => row.organizationId);
    const self = principal.kind === 'user' && principal.userId === userId;
    if (!can(principal, 'projects.manage', project.clientId)) {
      // A project out of sight is not confirmed to exist.
      if (!maySeeProject(principal, project, parties)) throw notFound('Project', projectId);
      if (!self) throw forbidden('You need the projects.manage permission in this client to add participants');
    }
    const existing = await manager.findOneBy(ProjectParticipantEntity, { projectId, userId });
    if (existing) return existing;
    const row = manager.create(ProjectParticipantEntity, {
      projectId,
      userId,
      joinedAt: now,
      addedBy: actorId(principal),
    });
    await manager.insert(ProjectParticipantEntity, row);
    await publish(
      manager,
      'ProjectJoined',
      { projectId, clientId: project.clientId, userId, joinedAt: now.toISOString() },
      now,
    );
    return row;
  });
}
