import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * "Send me a reset link", as asked: every request is written here alike, whether the
 * address has an account or not, so the answer takes the same work and time either way.
 * The background task sends the links and deletes the rows (within seconds).
 */
@Entity('password_reset_requests')
@Index('idx_password_reset_requests_created_at', ['createdAt'])
export class PasswordResetRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As typed, trimmed and lower-cased; not checked against accounts until the task runs. */
  @Column('varchar', { length: 254 })
  email: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
