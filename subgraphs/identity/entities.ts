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

export const IDENTITY_ENTITIES = [UserEntity, LoginEventEntity];
