/**
 * Data-subject requests (GDPR art. 15 and 17): an export of everything the graph holds on a person,
 * and erasure on request. Asked by the person, or by compliance.export in their home organisation;
 * listing them is loaders.ts's (`dataSubjectRequests`).
 */
import { inTransaction } from '../../shared/data/database';
import { newId } from '../../shared/runtime/ids';
import { uuid, validate } from '../../shared/runtime/validation';
import type { ComplianceContext } from './context';
import { DataSubjectRequestEntity, type RequestKind } from './entities';
import { authorize } from './policy';
import { erase, exportDocument, findSubject, identifyingStrings } from './privacy';

type UseCaseContext = Pick<ComplianceContext, 'db' | 'access' | 'services'>;

/**
 * Decides the request and writes it as PENDING. The person's organisation comes from compliance's
 * people copy (identity's PersonChanged); an unknown, erased or soft-deleted person, or one the
 * caller may not see, answers NOT_FOUND.
 */
async function openRequest(
  { db, access, services }: UseCaseContext,
  userId: string,
  kind: RequestKind,
): Promise<DataSubjectRequestEntity> {
  validate(uuid, userId);
  const subject = await findSubject(db.manager, userId);
  const organizationId = await authorize(
    access,
    kind === 'EXPORT' ? 'data-subject.export' : 'data-subject.erase',
    subject,
  );
  const request = db.getRepository(DataSubjectRequestEntity).create({
    id: newId(),
    clientId: organizationId,
    userId,
    kind,
    status: 'PENDING',
    requestedBy: access.actorId,
    requestedAt: services.clock.now(),
    completedAt: null,
    result: null,
    failure: null,
  });
  await inTransaction(db, (manager) => manager.insert(DataSubjectRequestEntity, request));
  return request;
}

/**
 * Gathers everything every subgraph holds on the person into one JSON document, stored with the
 * request so the requester can fetch it. Each subgraph answers only about that one person.
 */
export async function requestDataExport(context: UseCaseContext, userId: string): Promise<DataSubjectRequestEntity> {
  const { db, services } = context;
  const { clock } = services;
  const request = await openRequest(context, userId, 'EXPORT');
  try {
    const document = await exportDocument(db, services, userId, clock.now());
    await inTransaction(db, (manager) =>
      manager.update(
        DataSubjectRequestEntity,
        { id: request.id },
        { status: 'COMPLETED', completedAt: clock.now(), result: JSON.stringify(document) },
      ),
    );
  } catch (error) {
    await inTransaction(db, (manager) =>
      manager.update(
        DataSubjectRequestEntity,
        { id: request.id },
        { status: 'FAILED', completedAt: clock.now(), failure: 'A subgraph could not be reached; ask again' },
      ),
    );
    throw error;
  }
  return (await db.getRepository(DataSubjectRequestEntity).findOneBy({ id: request.id }))!;
}

/**
 * Erases the person on request, through the same step the retention sweep takes (which also drops
 * the documents of earlier exports). The caller delivers the PersonErased event before answering.
 */
export async function requestErasure(context: UseCaseContext, userId: string): Promise<DataSubjectRequestEntity> {
  const { db, services } = context;
  const { clock } = services;
  const request = await openRequest(context, userId, 'ERASURE');
  const strings = await identifyingStrings(services, userId);
  await erase(db, userId, clock.now(), { identifyingStrings: strings, fromStates: ['ACTIVE', 'SOFT_DELETED'] });
  await inTransaction(db, (manager) =>
    manager.update(DataSubjectRequestEntity, { id: request.id }, { status: 'COMPLETED', completedAt: clock.now() }),
  );
  return (await db.getRepository(DataSubjectRequestEntity).findOneBy({ id: request.id }))!;
}
