import type { DataSource, EntityManager } from 'typeorm';
import type { EventPayloads } from '../../shared/events/events';
import {
  ClientEntity,
  CompanyProfileEntity,
  PartnerInvitationEntity,
  ProjectEntity,
  ProjectParticipantEntity,
} from './entities';

/**
 * Tenancy's share of the GDPR lifecycle (events.ts hands it the events). Soft deletion takes the
 * person out of project participant lists; erasure removes their participations and replaces every
 * "who did it" reference (creator, legal representative, inviter) with the pseudonym. Readers hide
 * deleted people from tenancy's copy of the people as well, so nothing depends on the order.
 */
export async function softDeletePerson(
  manager: EntityManager,
  payload: EventPayloads['PersonSoftDeleted'],
): Promise<void> {
  await manager.delete(ProjectParticipantEntity, { userId: payload.userId });
}

export async function erasePerson(manager: EntityManager, payload: EventPayloads['PersonErased']): Promise<void> {
  await manager.delete(ProjectParticipantEntity, { userId: payload.userId });
  await replaceActor(manager, payload.userId, payload.pseudonym);
  await manager.update(
    CompanyProfileEntity,
    { legalRepresentativeId: payload.userId },
    { legalRepresentativeId: null },
  );
}

async function replaceActor(manager: EntityManager, userId: string, pseudonym: string): Promise<void> {
  const columns: Array<
    [
      (
        | typeof ClientEntity
        | typeof ProjectEntity
        | typeof ProjectParticipantEntity
        | typeof CompanyProfileEntity
        | typeof PartnerInvitationEntity
      ),
      string,
    ]
  > = [
    [ClientEntity, 'createdBy'],
    [ClientEntity, 'statusChangedBy'],
    [ProjectEntity, 'createdBy'],
    [ProjectParticipantEntity, 'addedBy'],
    [CompanyProfileEntity, 'updatedBy'],
    [PartnerInvitationEntity, 'invitedBy'],
    [PartnerInvitationEntity, 'respondedBy'],
  ];
  for (const [entity, column] of columns) await manager.update(entity, { [column]: userId }, { [column]: pseudonym });
}

/** What tenancy holds on one person, for a data-subject export. */
export async function personalData(db: DataSource, userId: string): Promise<Record<string, unknown>> {
  const [participations, legalRepresentativeOf] = await Promise.all([
    db.getRepository(ProjectParticipantEntity).findBy({ userId }),
    db.getRepository(CompanyProfileEntity).findBy({ legalRepresentativeId: userId }),
  ]);
  return {
    projects: participations.map(({ projectId, joinedAt }) => ({ projectId, joinedAt })),
    legalRepresentativeOf: legalRepresentativeOf.map((profile) => profile.clientId),
  };
}
