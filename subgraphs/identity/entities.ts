import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { UserKind, UserStatus } from '../../shared/demo-data';

@Entity('users')
@Index('idx_users_org_last_name', ['organizationId', 'lastName', 'id'])
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
  @Column({ type: 'varchar', length: 20 }) kind: UserKind;
  @Column({ type: 'varchar', length: 20 }) status: UserStatus;
  @Column({ type: 'varchar', length: 255, nullable: true }) passwordHash: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) lastLoginAt: Date | null;
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
}
export const IDENTITY_ENTITIES = [UserEntity, LoginEventEntity, SessionEntity, LoginAttemptEntity, ServiceAccountEntity];
