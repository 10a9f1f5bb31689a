import { In } from 'typeorm';
import { z } from 'zod';
import { inTransaction, isUniqueViolation } from '../../shared/data/database';
import { publish } from '../../shared/events/outbox';
import { conflict, notFound } from '../../shared/runtime/errors';
import { newId } from '../../shared/runtime/ids';
import { displayName, uuid, validate } from '../../shared/runtime/validation';
import { AccessPersonEntity } from '../../shared/subgraph/facts';
import type { TenancyContext } from './context';
import {
  AccountEntity,
  ClientEntity,
  PartnerEntity,
  ProjectEntity,
  ProjectParticipantEntity,
  ProjectPartyEntity,
} from './entities';
import type { MutationCreateProjectArgs, MutationJoinProjectArgs } from './generated/resolvers-types';
import { authorize } from './policy';

const createProjectInput = z.object({
  clientId: uuid,
  name: displayName(200),
  accountId: uuid.nullish(),
  externalOrganizationIds: z.array(uuid).max(50, 'may hold at most 50 organisations').nullish(),
});

/**
 * A project of a client, in one of its accounts or client-wide; its parties are the client and any
 * external organisations named (which must exist). Someone whose roles cover some accounts only
 * creates projects in those accounts.
 */
export async function createProject(context: TenancyContext, args: MutationCreateProjectArgs): Promise<ProjectEntity> {
  const { db, access, now } = context;
  const { clientId, name, accountId, externalOrganizationIds } = validate(createProjectInput, args);
  const client = await db.getRepository(ClientEntity).findOneBy({ id: clientId });
  if (!client) throw notFound('Client', clientId);
  await authorize(access, 'project.create', {
    client,
    account: accountId
      ? { id: accountId, ref: await db.getRepository(AccountEntity).findOneBy({ id: accountId }) }
      : undefined,
  });
  const externals = [...new Set(externalOrganizationIds ?? [])].filter((id) => id !== clientId);
  if (externals.length) {
    const known = new Set([
      ...(await db.getRepository(PartnerEntity).findBy({ id: In(externals) })).map((row) => row.id),
      ...(await db.getRepository(ClientEntity).findBy({ id: In(externals) })).map((row) => row.id),
    ]);
    const unknown = externals.find((id) => !known.has(id));
    if (unknown) throw notFound('Organisation', unknown);
  }
  try {
    return await inTransaction(db, async (manager) => {
      const project = manager.create(ProjectEntity, {
        id: newId(),
        clientId,
        accountId: accountId ?? null,
        name,
        createdAt: now,
        createdBy: access.actorId,
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
 * Records that a person takes part in a project, once, and tells compliance (ProjectJoined starts the
 * retention clock under the client's policy). The person must belong to the project's client or to
 * one of its external organisations (tenancy's copy of the people, never a foreign or deleted one).
 * Project managers add people to the projects they see; anyone joins a project they see themselves.
 */
export async function joinProject(
  context: TenancyContext,
  { projectId, userId }: MutationJoinProjectArgs,
): Promise<ProjectParticipantEntity> {
  const { db, access, now } = context;
  validate(uuid, projectId);
  validate(uuid, userId);
  const project = await db.getRepository(ProjectEntity).findOneBy({ id: projectId });
  if (!project) throw notFound('Project', projectId);
  const [parties, person, existing] = await Promise.all([
    db.getRepository(ProjectPartyEntity).findBy({ projectId }),
    db.getRepository(AccessPersonEntity).findOneBy({ userId }),
    db.getRepository(ProjectParticipantEntity).findOneBy({ projectId, userId }),
  ]);
  const joined =
    access.actorId !== null &&
    (access.actorId === userId
      ? existing !== null
      : await db.getRepository(ProjectParticipantEntity).existsBy({ projectId, userId: access.actorId }));
  await authorize(access, 'project.join', {
    project,
    joined,
    parties: parties.map((row) => row.organizationId),
    userId,
    person,
  });
  if (existing) return existing;
  return inTransaction(db, async (manager) => {
    const again = await manager.findOneBy(ProjectParticipantEntity, { projectId, userId });
    if (again) return again;
    const row = manager.create(ProjectParticipantEntity, { projectId, userId, joinedAt: now, addedBy: access.actorId });
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
