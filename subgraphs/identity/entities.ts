import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '../../shared/auth/principal';
import type { UserKind, UserStatus } from './domain';

@Entity('users')
@Index('idx_users_org_last_name', ['organizationId', 'lastName', 'id'])
// Directory search (directory.ts): every index starts with the organisation, so a search touches one tenant's rows.
@Index('idx_users_org_username_lc', ['organizationId', 'usernameLower'])
@Index('idx_users_org_first_name_lc', ['organizationId', 'firstNameLower'])
@Index('idx_users_org_last_name_lc', ['organizationId', 'lastNameLower'])
@Index('idx_users_org_email', ['organizationId', 'email'])
@Index('idx_users_org_status', ['organizationId', 'status', 'lastName', 'id'])
@Index('idx_users_org_kind', ['organizationId', 'kind', 'lastName', 'id'])
@Index('idx_users_org_user_type', ['organizationId', 'userTypeId', 'lastName', 'id'])
@Index('idx_users_org_admin', ['organizationId', 'isAdmin', 'status'])
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
  /** Whether the home organisation is a partner or a client, so references name the right type. */
  @Column({ type: 'varchar', length: 10 }) organizationKind: 'PARTNER' | 'CLIENT';
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;
  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  username: string;
  @Column({ type: 'varchar', length: 100 }) firstName: string;
  @Column({ type: 'varchar', length: 100 }) lastName: string;
  /** Lowercase copies for case-insensitive prefix search that can use an index on both databases. */
  @Column({ type: 'varchar', length: 100, default: '' }) usernameLower: string;
  @Column({ type: 'varchar', length: 100, default: '' }) firstNameLower: string;
  @Column({ type: 'varchar', length: 100, default: '' }) lastNameLower: string;
  @Column({ type: 'varchar', length: 20 }) kind: UserKind;
  /** External contacts: BASIC (portal) or ADVANCED; null for other kinds. */
  @Column({ type: 'varchar', length: 10, nullable: true }) accessLevel: 'BASIC' | 'ADVANCED' | null;
  /** Identity's copy of the user type permissions assigned (PersonAccessChanged), for directory search. */
  @Column({ type: 'varchar', length: 36, nullable: true }) userTypeId: string | null;
  @Column({ type: 'varchar', length: 20 }) status: UserStatus;
  @Column({ type: 'varchar', length: 255, nullable: true }) passwordHash: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) lastLoginAt: Date | null;
  /** The person's best role at home and whether it administers the organisation (PersonAccessChanged). */
  @Column({ type: 'varchar', length: 30, nullable: true }) tier: Role | null;
  @Column({ type: 'boolean', default: false }) isAdmin: boolean;
  /** Set when compliance soft-deletes the person: from then on they are invisible everywhere. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) deletedAt: Date | null;
}

@Entity('login_events')
@Index('idx_login_events_org_time', ['organizationId', 'occurredAt'])
export class LoginEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) userId: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
  @Column({ type: 'datetime', precision: 3 }) occurredAt: Date;
}

/**
 * One refresh token. Rotation adds a row to the same family; presenting a used token again revokes
 * the whole family (it was stolen or replayed). Only a SHA-256 of the token is stored.
 */
@Entity('sessions')
@Index('idx_sessions_family', ['familyId'])
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) familyId: string;
  @Column({ type: 'varchar', length: 36 }) userId: string;
  @Index('uq_sessions_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) expiresAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) usedAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) revokedAt: Date | null;
}

/** Every sign-in attempt, kept for throttling (per account and per client address) across replicas. */
@Entity('login_attempts')
@Index('idx_login_attempts_account', ['accountKey', 'attemptedAt'])
@Index('idx_login_attempts_address', ['address', 'attemptedAt'])
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 254 }) accountKey: string;
  @Column({ type: 'varchar', length: 64 }) address: string;
  @Column({ type: 'datetime', precision: 3 }) attemptedAt: Date;
  @Column({ type: 'boolean', default: false }) succeeded: boolean;
}

/** A non-human client of the graph (internal tools): a client id and a hashed secret. */
@Entity('service_accounts')
export class ServiceAccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Index('uq_service_accounts_client_id', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  clientId: string;
  @Column({ type: 'varchar', length: 255 }) secretHash: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'varchar', length: 36, nullable: true }) createdBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) revokedAt: Date | null;
  /** Set when partner staff created it in a client through a grant: it acts only while that grant lasts. */
  @Column({ type: 'varchar', length: 36, nullable: true }) boundToPartnerId: string | null;
}
/** An account (division) of the client a user works in, from the invitation's accountIds. */
@Entity('user_accounts')
@Index('idx_user_accounts_org_account', ['organizationId', 'accountId', 'userId'])
export class UserAccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) accountId: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
}

/**
 * One activation link. Only a SHA-256 of the token is stored; a link is good once, until expiresAt,
 * and a newer link (resend) or a revocation ends it.
 */
@Entity('user_invitations')
@Index('idx_user_invitations_user', ['userId', 'createdAt'])
@Index('idx_user_invitations_partner', ['organizationId', 'partnerId'])
export class InvitationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) userId: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
  @Index('uq_user_invitations_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) expiresAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) usedAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) revokedAt: Date | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) createdBy: string | null;
  /**
   * The partner whose grant the sender acted through, when partner staff sent it: the link stops
   * working when that grant ends (PartnerAccessChanged CANCELLED).
   */
  @Column({ type: 'varchar', length: 36, nullable: true }) partnerId: string | null;
}

/** Identity's copy of what tenancy says about a client: self-enrollment and suspension (events). */
@Entity('client_settings')
export class ClientSettingsEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) clientId: string;
  @Column({ type: 'boolean', default: false }) selfEnrollment: boolean;
  @Column({ type: 'varchar', length: 20, default: 'ACTIVE' }) status: 'ACTIVE' | 'SUSPENDED';
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

/** A corporate email domain of a client (lowercase), for sign-up. */
@Entity('client_email_domains')
@Index('idx_client_email_domains_client', ['clientId'])
export class ClientEmailDomainEntity {
  @PrimaryColumn({ type: 'varchar', length: 253 }) domain: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) clientId: string;
}

/**
 * Usage statistics for partner dashboards. Sign-ins are rolled up per client and day as they
 * happen, so a dashboard over a year reads at most 366 rows per client instead of every login event.
 */
@Entity('usage_daily')
export class UsageDailyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) organizationId: string;
  /** UTC day, YYYY-MM-DD. */
  @PrimaryColumn({ type: 'varchar', length: 10 }) day: string;
  @Column({ type: 'int', default: 0 }) logins: number;
  @Column({ type: 'int', default: 0 }) activeUsers: number;
}

/** One row per user and day with at least one sign-in: distinct active users over any period. */
@Entity('user_daily_activity')
@Index('idx_user_daily_activity_org_day', ['organizationId', 'day', 'userId'])
export class UserDailyActivityEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
  @PrimaryColumn({ type: 'varchar', length: 10 }) day: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
}

export const IDENTITY_ENTITIES = [
  UserEntity,
  LoginEventEntity,
  SessionEntity,
  LoginAttemptEntity,
  ServiceAccountEntity,
  UserAccountEntity,
  InvitationEntity,
  ClientSettingsEntity,
  ClientEmailDomainEntity,
  UsageDailyEntity,
  UserDailyActivityEntity,
];
