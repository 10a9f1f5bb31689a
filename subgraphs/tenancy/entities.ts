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

export const TENANCY_ENTITIES = [PartnerEntity, ClientEntity, AccountEntity];
