import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * How many connections each practitioner has, kept by a trigger on connections. Network
 * ranking weighs a mutual connection by it (Adamic-Adar) and would otherwise count
 * every neighbour's neighbours on each request.
 */
@Entity('connection_counts')
@Check('ck_connection_counts_connections', `"connections" >= 0`)
export class ConnectionCountEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  practitionerId: string;

  @Column('int', { default: 0 })
  connections: number;
}
