/**
 * Who in the network may appear to whom. Every list, count, reason, path, graph and
 * notice that shows one person to another goes through these predicates, so what a
 * count says always matches what the matching list shows.
 */

/** Whether either of practitioners `one` and `other` (SQL expressions) has blocked the other. */
export function blockedSql(one: string, other: string): string {
  return `EXISTS (SELECT 1 FROM practitioner_blocks b
                   WHERE (b.blocker_id = ${one} AND b.blocked_id = ${other})
                      OR (b.blocker_id = ${other} AND b.blocked_id = ${one}))`;
}

/**
 * A peer the viewer may see: practitioner alias `alias` may appear to the viewer (SQL
 * expression) in the network, in lists and in counts alike: a discoverable profile, and
 * neither has blocked the other.
 */
export function peerVisibleSql(alias: string, viewer: string): string {
  return `(${alias}.discoverable AND NOT ${blockedSql(viewer, `${alias}.id`)})`;
}

/**
 * Whom the viewer may block: a peer they may see, or someone they already blocked
 * (blocking again changes nothing). Anyone else (an undiscoverable profile, someone who
 * blocked them) answers as an id that does not exist would.
 */
export function blockableSql(alias: string, viewer: string): string {
  return `(${peerVisibleSql(alias, viewer)}
           OR EXISTS (SELECT 1 FROM practitioner_blocks mine WHERE mine.blocker_id = ${viewer} AND mine.blocked_id = ${alias}.id))`;
}
