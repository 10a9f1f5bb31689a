import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A new client's policy: soft delete 12 months after joining, erasure 36 months after that (README, "Compliance (GDPR)"). */
export const DEFAULT_RETENTION = {
  softDeleteAfterMonths: 12,
  eraseAfterMonths: 36,
  privacyTermsVersion: '1.0',
  acceptanceWindowDays: 30,
} as const;

@Entity('retention_policies')
export class RetentionPolicyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) clientId: string;
  @Column({ type: 'int' }) softDeleteAfterMonths: number;
  @Column({ type: 'int' }) eraseAfterMonths: number;
  @Column({ type: 'varchar', length: 50 }) privacyTermsVersion: string;
  @Column({ type: 'int' }) acceptanceWindowDays: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

@Entity('consent_records')
@Index('idx_consent_records_user', ['userId', 'givenAt'])
export class ConsentRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) userId: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
  @Column({ type: 'varchar', length: 50 }) policyVersion: string;
  @Column({ type: 'datetime', precision: 3 }) givenAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) withdrawnAt: Date | null;
  @Column({ type: 'varchar', length: 50 }) source: string;
}

/**
 * Append-only: rows are inserted by the AccessChanged event handler (changes made elsewhere) and by
 * compliance's own changes in their transaction (audit-log.ts); never updated or deleted, except
 * that erasure replaces the person's identifiers with their pseudonym (privacy.ts).
 */
@Entity('audit_log')
@Index('idx_audit_org_time', ['organizationId', 'occurredAt', 'id'])
@Index('idx_audit_org_actor_time', ['organizationId', 'actorId', 'occurredAt'])
@Index('idx_audit_org_target_time', ['organizationId', 'targetId', 'occurredAt'])
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
  @Column({ type: 'varchar', length: 60, nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 60 }) action: string;
  @Column({ type: 'varchar', length: 40 }) targetType: string;
  @Column({ type: 'varchar', length: 60 }) targetId: string;
  @Column({ type: 'text', nullable: true }) before: string | null;
  @Column({ type: 'text', nullable: true }) after: string | null;
  @Column({ type: 'datetime', precision: 3 }) occurredAt: Date;
  @Column({ type: 'varchar', length: 36, nullable: true }) requestId: string | null;
}

/** A participant's membership of a project, as tenancy reported it: starts the retention clock. */
@Entity('participations')
@Index('idx_participations_client_joined', ['clientId', 'joinedAt'])
@Index('idx_participations_user', ['userId'])
export class ParticipationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) projectId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
  @Column({ type: 'varchar', length: 36 }) clientId: string;
  @Column({ type: 'datetime', precision: 3 }) joinedAt: Date;
}

export type PersonState = 'ACTIVE' | 'SOFT_DELETED' | 'ERASED';

/**
 * Where a person stands in the retention lifecycle. Transitions are conditional updates
 * (WHERE state = the previous one), so two sweeps never carry out the same step twice.
 */
@Entity('person_states')
@Index('idx_person_states_state_due', ['state', 'eraseDueAt'])
export class PersonStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) clientId: string | null;
  @Column({ type: 'varchar', length: 20 }) state: PersonState;
  @Column({ type: 'varchar', length: 100, nullable: true }) reason: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) softDeletedAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) eraseDueAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) erasedAt: Date | null;
  /** What audit entries and other records may keep once the person is erased. */
  @Column({ type: 'varchar', length: 64, nullable: true }) pseudonym: string | null;
}

export type RequestKind = 'EXPORT' | 'ERASURE';
export type RequestStatus = 'PENDING' | 'COMPLETED' | 'FAILED';

/** A data-subject request (GDPR art. 15/17): who asked, about whom, what happened. */
@Entity('data_subject_requests')
@Index('idx_dsr_client_time', ['clientId', 'requestedAt', 'id'])
export class DataSubjectRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) clientId: string;
  @Column({ type: 'varchar', length: 36 }) userId: string;
  @Column({ type: 'varchar', length: 10 }) kind: RequestKind;
  @Column({ type: 'varchar', length: 10 }) status: RequestStatus;
  @Column({ type: 'varchar', length: 60, nullable: true }) requestedBy: string | null;
  @Column({ type: 'datetime', precision: 3 }) requestedAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) completedAt: Date | null;
  /** The export document (JSON) until the person is erased; LONGTEXT on MySQL (see the migration). */
  @Column({ type: 'text', nullable: true }) result: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) failure: string | null;
}

/** Every table compliance owns (its copies of the access facts come from shared/subgraph/facts.ts). */
export const COMPLIANCE_ENTITIES = [
  RetentionPolicyEntity,
  ConsentRecordEntity,
  AuditEntryEntity,
  ParticipationEntity,
  PersonStateEntity,
  DataSubjectRequestEntity,
];
