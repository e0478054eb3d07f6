/** A row as the directory's audit entries record it: without its sort key and timestamps (the entry has its own). */
export type AuditState<R> = Omit<R, 'sortName' | 'createdAt' | 'updatedAt'>;

export function auditState<R extends { sortName: string; createdAt: Date; updatedAt: Date }>(row: R): AuditState<R> {
  const { sortName: _sortName, createdAt: _createdAt, updatedAt: _updatedAt, ...state } = row;
  return state;
}
