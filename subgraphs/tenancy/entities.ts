import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('partners')
export class PartnerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'boolean', default: false }) isOperator: boolean;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

@Entity('clients')
@Index('idx_clients_partner_name', ['partnerId', 'name'])
export class ClientEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) partnerId: string | null;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Index('uq_clients_subdomain', { unique: true })
  @Column({ type: 'varchar', length: 63 })
  subdomain: string;
  @Column({ type: 'varchar', length: 20, default: 'ACTIVE' }) status: 'ACTIVE' | 'SUSPENDED';
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  /** The user or service account that created it (null for seeded clients). */
  @Column({ type: 'varchar', length: 60, nullable: true }) createdBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) statusChangedAt: Date | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) statusChangedBy: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) statusReason: string | null;
}

@Entity('accounts')
@Index('idx_accounts_client', ['clientId'])
export class AccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) clientId: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) parentId: string | null;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

export const COMPANY_SIZES = [
  'SIZE_1_10',
  'SIZE_11_50',
  'SIZE_51_200',
  'SIZE_201_500',
  'SIZE_501_1000',
  'SIZE_1001_5000',
  'SIZE_5001_PLUS',
] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

/** One row per client once its profile was first edited (or seeded). */
@Entity('company_profiles')
export class CompanyProfileEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) clientId: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) legalName: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) taxId: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  @Column({ type: 'varchar', length: 2, nullable: true }) country: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) addressLine1: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) addressLine2: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) postalCode: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) city: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) region: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) industry: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) size: CompanySize | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) logoUrl: string | null;
  @Column({ type: 'boolean', default: false }) selfEnrollment: boolean;
  @Column({ type: 'varchar', length: 36, nullable: true }) legalRepresentativeId: string | null;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'varchar', length: 60, nullable: true }) updatedBy: string | null;
}

/** A corporate email domain (lower case); the primary key keeps each domain with one client. */
@Entity('client_email_domains')
@Index('idx_client_email_domains_client', ['clientId'])
export class ClientEmailDomainEntity {
  @PrimaryColumn({ type: 'varchar', length: 253 }) domain: string;
  @Column({ type: 'varchar', length: 36 }) clientId: string;
}

/** Third-party assessment-tool providers a client can connect. */
export const INTEGRATION_PROVIDERS = ['SHL', 'HOGAN', 'TALENTLENS', 'CODILITY', 'TESTGORILLA', 'OTHER'] as const;
export type IntegrationProvider = (typeof INTEGRATION_PROVIDERS)[number];

/** Integration codes are AES-256-GCM ciphertext (see integrations.ts); never returned. */
@Entity('client_integrations')
export class ClientIntegrationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) clientId: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) provider: IntegrationProvider;
  @Column({ type: 'text', nullable: true }) codesCiphertext: string | null;
  @Column({ type: 'datetime', precision: 3 }) codesUpdatedAt: Date;
  @Column({ type: 'varchar', length: 60, nullable: true }) codesUpdatedBy: string | null;
}

@Entity('client_products')
export class ClientProductEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) clientId: string;
  /** A product of the permission catalogue (lower case: core, people, ...). */
  @PrimaryColumn({ type: 'varchar', length: 40 }) product: string;
}

@Entity('projects')
@Index('uq_projects_client_name', ['clientId', 'name'], { unique: true })
export class ProjectEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) clientId: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) accountId: string | null;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'varchar', length: 60, nullable: true }) createdBy: string | null;
}

/** Organisations taking part in a project: always its client, plus external organisations. */
@Entity('project_parties')
@Index('idx_project_parties_org', ['organizationId'])
export class ProjectPartyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) projectId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) organizationId: string;
}

@Entity('project_participants')
@Index('idx_project_participants_user', ['userId'])
export class ProjectParticipantEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) projectId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
  @Column({ type: 'datetime', precision: 3 }) joinedAt: Date;
  @Column({ type: 'varchar', length: 60, nullable: true }) addedBy: string | null;
}

export type AccessLevel = 'LIMITED' | 'FULL';
export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'DELETED';

@Entity('partner_invitations')
@Index('idx_partner_invitations_client', ['clientId', 'status'])
@Index('idx_partner_invitations_partner', ['partnerId', 'status'])
export class PartnerInvitationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) clientId: string;
  @Column({ type: 'varchar', length: 36 }) partnerId: string;
  @Column({ type: 'varchar', length: 10 }) level: AccessLevel;
  @Column({ type: 'simple-json' }) products: string[];
  @Column({ type: 'boolean', default: false }) includeWallet: boolean;
  /** PENDING until answered or deleted; an unanswered one past expiresAt reads as EXPIRED. */
  @Column({ type: 'varchar', length: 20 }) status: InvitationStatus;
  @Column({ type: 'varchar', length: 60, nullable: true }) invitedBy: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) sentAt: Date;
  @Column({ type: 'datetime', precision: 3 }) expiresAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) respondedAt: Date | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) respondedBy: string | null;
}

/** Tenancy's record of what a client allows a partner; permissions keeps its own copy from PartnerAccessChanged. */
@Entity('partner_grants')
@Index('idx_tenancy_partner_grants_partner', ['partnerId', 'status'])
export class PartnerGrantEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) clientId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) partnerId: string;
  @Column({ type: 'varchar', length: 10 }) level: AccessLevel;
  @Column({ type: 'simple-json' }) products: string[];
  @Column({ type: 'boolean', default: false }) includeWallet: boolean;
  @Column({ type: 'varchar', length: 20 }) status: 'ACTIVE' | 'CANCELLED';
  @Column({ type: 'varchar', length: 36, nullable: true }) invitationId: string | null;
  @Column({ type: 'datetime', precision: 3 }) grantedAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) cancelledBy: string | null;
}

export const TENANCY_ENTITIES = [
  PartnerEntity,
  ClientEntity,
  AccountEntity,
  CompanyProfileEntity,
  ClientEmailDomainEntity,
  ClientIntegrationEntity,
  ClientProductEntity,
  ProjectEntity,
  ProjectPartyEntity,
  ProjectParticipantEntity,
  PartnerInvitationEntity,
  PartnerGrantEntity,
];
