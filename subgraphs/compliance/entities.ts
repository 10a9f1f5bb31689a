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

/** Append-only: rows are inserted by the AccessChanged event handler and never updated or deleted. */
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
export const COMPLIANCE_ENTITIES = [RetentionPolicyEntity, ConsentRecordEntity, AuditEntryEntity];
