import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '../../shared/auth/principal';

@Entity('permissions')
export class PermissionEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 }) key: string;
  @Column({ type: 'varchar', length: 50 }) product: string;
  @Column({ type: 'varchar', length: 300 }) description: string;
}

@Entity('user_types')
@Index('uq_user_types_org_name', ['organizationId', 'name'], { unique: true })
export class UserTypeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 300, default: '' }) description: string;
  @Column({ type: 'boolean', default: false }) predefined: boolean;
  @Column({ type: 'boolean', default: false }) isDefault: boolean;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

@Entity('user_type_permissions')
export class UserTypePermissionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userTypeId: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) permissionKey: string;
}

/** Which user type each user has: exactly one per user. */
@Entity('user_type_assignments')
@Index('idx_user_type_assignments_type', ['userTypeId'])
export class UserTypeAssignmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
  @Column({ type: 'varchar', length: 36 }) userTypeId: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
  /** EMPLOYEE, EXTERNAL, PARTICIPANT or SERVICE: granting access to externals needs its own permission. */
  @Column({ type: 'varchar', length: 20, default: 'EMPLOYEE' }) subjectKind: string;
}

@Entity('role_assignments')
@Index('idx_role_assignments_user', ['userId'])
@Index('idx_role_assignments_org', ['organizationId'])
export class RoleAssignmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) userId: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
  @Column({ type: 'varchar', length: 30 }) role: Role;
  /** Account ids the role is limited to; empty for the whole organisation. */
  @Column({ type: 'simple-json' }) accountIds: string[];
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/** A per-user exception to the user type: grant or deny one permission in one organisation. */
@Entity('permission_overrides')
export class PermissionOverrideEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) organizationId: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) permissionKey: string;
  @Column({ type: 'varchar', length: 10 }) effect: 'GRANT' | 'DENY';
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'varchar', length: 60, nullable: true }) createdBy: string | null;
}

/**
 * What a client allows a partner (kept here from tenancy's grant lifecycle): LIMITED to chosen
 * products, or FULL (billing only with the wallet). Only ACTIVE grants count.
 */
@Entity('partner_grants')
@Index('idx_partner_grants_partner', ['partnerId', 'status'])
export class PartnerGrantEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) clientId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) partnerId: string;
  @Column({ type: 'varchar', length: 10 }) level: 'LIMITED' | 'FULL';
  @Column({ type: 'simple-json' }) products: string[];
  @Column({ type: 'boolean', default: false }) includeWallet: boolean;
  @Column({ type: 'varchar', length: 20 }) status: 'ACTIVE' | 'CANCELLED';
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

export const PERMISSIONS_ENTITIES = [
  PermissionEntity,
  UserTypeEntity,
  UserTypePermissionEntity,
  UserTypeAssignmentEntity,
  RoleAssignmentEntity,
  PermissionOverrideEntity,
  PartnerGrantEntity,
];
