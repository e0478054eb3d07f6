import type { EntityManager } from 'typeorm';

type Row = Record<string, unknown>;

/** The fund row, locked until the transaction ends: every change to its totals goes through here first. */
export async function lockFund(manager: EntityManager, fundId: string): Promise<Row | undefined> {
  const [row] = await manager.query<Row[]>('SELECT * FROM grant_funds WHERE id = $1 FOR UPDATE', [fundId]);
  return row;
}
