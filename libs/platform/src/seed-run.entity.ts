import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Which one-off data loads have run, so each runs once per database. */
@Entity('seed_runs')
export class SeedRunEntity {
  @PrimaryColumn('varchar', { length: 60 })
  name: string;

  @CreateDateColumn({ type: 'timestamptz' })
  appliedAt: Date;
}
