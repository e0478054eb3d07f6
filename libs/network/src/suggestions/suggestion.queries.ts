import type { Db } from '@cohesion/common';
import { areasSql, practitionerThemesSql, practitionersSql, taxonomyTermsSql } from '@cohesion/directory';
import { neighboursSql } from '../connections/connection.queries.js';
import { NETWORK_POLICY } from '../network.policy.js';

/**
 * How much each signal counts. Network proximity is Adamic-Adar (each mutual connection
 * counts 1 / ln(their number of connections), so a hub everyone knows counts less than
 * a close colleague); themes and areas are Jaccard overlaps (0..1) of expertise and of
 * the places covered (the region everyone shares left out).
 */
const WEIGHTS = { network: 1, themes: 1, areas: 0.5 };

/** Second-hop rows read at most: people with the fewest connections first (their friends say the most). */
const EXPANSION_BUDGET = 2500;
/** Candidates scored in full: the strongest by network proximity... */
const NETWORK_CANDIDATES = 150;
/** ...and, when the network gives fewer than this (someone new), people alike in themes and places. */
const ALIKE_WHEN_FEWER_THAN = 100;
const ALIKE_CANDIDATES = 200;

/** A suggested person (`SUGGESTIONS_SQL`): mutual connections, score, and the themes and the place shared. */
export interface SuggestionRow {
  id: string;
  mutual: number;
  score: number;
  /** Names of the themes both work on, by name. */
  sharedThemes: string[];
  /** The most local area both cover (never a region), if any. */
  sharedArea: string | null;
}

/**
 * The suggestions of practitioner $1, best $2 first, in one statement (parameters from
 * `suggestionParams`); exported so the benchmark's SQL floor runs exactly this.
 */
export const SUGGESTIONS_SQL = `WITH me AS MATERIALIZED (
     SELECT p.id, p.term_path_ids, p.area_path_ids,
            ARRAY(SELECT mt.term_id FROM ${practitionerThemesSql('mt')} WHERE mt.practitioner_id = p.id) AS themes,
            ARRAY(SELECT r.id FROM ${areasSql('r')} WHERE r.kind = 'REGION') AS regions
       FROM ${practitionersSql('p')} WHERE p.id = $1),
   mine AS MATERIALIZED (SELECT n.id AS peer FROM (${neighboursSql('$1')}) n),
   degrees AS MATERIALIZED (
     SELECT mine.peer, coalesce(cc.connections, 0) AS degree
       FROM mine JOIN ${practitionersSql('v')} ON v.id = mine.peer
       LEFT JOIN connection_counts cc ON cc.practitioner_id = mine.peer
      -- Only connections the viewer may see count as mutual (myConnections lists the same people).
      WHERE ${NETWORK_POLICY.seePeer.sql('v', '$1')}),
   peers AS MATERIALIZED (
     SELECT peer, degree, sum(degree) OVER (ORDER BY degree, peer) - degree AS read_before FROM degrees),
   near AS MATERIALIZED (
     SELECT n.id AS candidate, count(*)::int AS mutual, sum(1 / ln(greatest(m.degree, 2))) AS adamic_adar
       FROM peers m
       CROSS JOIN LATERAL (${neighboursSql('m.peer')}) n
      WHERE m.read_before < $3 AND n.id <> $1 AND n.id NOT IN (SELECT peer FROM mine)
      GROUP BY n.id
      ORDER BY adamic_adar DESC, n.id
      LIMIT $4),
   alike AS MATERIALIZED (
     SELECT p.id AS candidate FROM ${practitionersSql('p')}, me
      WHERE (SELECT count(*) FROM near) < $5
        AND p.area_path_ids && ARRAY(SELECT unnest(me.area_path_ids) EXCEPT SELECT unnest(me.regions))
        AND p.term_path_ids && me.themes
        AND p.id <> me.id AND p.id NOT IN (SELECT peer FROM mine)
      ORDER BY p.updated_at DESC
      LIMIT $6),
   scored AS (
     SELECT p.id, coalesce(n.mutual, 0) AS mutual,
            $7::float8 * coalesce(n.adamic_adar, 0)
            + $8::float8 * overlap_ratio(p.term_path_ids, me.term_path_ids)
            + $9::float8 * overlap_ratio(p.area_path_ids, me.area_path_ids, me.regions) AS score
       FROM (SELECT candidate FROM near UNION SELECT candidate FROM alike) c
       JOIN ${practitionersSql('p')} ON p.id = c.candidate
       CROSS JOIN me
       LEFT JOIN near n ON n.candidate = c.candidate
      WHERE ${NETWORK_POLICY.seePeer.sql('p', '$1')}
      ORDER BY score DESC, p.id
      LIMIT $2)
   SELECT s.id, s.mutual, s.score,
          ARRAY(SELECT t.name FROM ${practitionerThemesSql('pt')} JOIN ${taxonomyTermsSql('t')} ON t.id = pt.term_id
                 WHERE pt.practitioner_id = s.id AND pt.term_id = ANY (me.themes) ORDER BY t.name) AS "sharedThemes",
          (SELECT a.name FROM ${areasSql('a')}
            WHERE a.id = ANY (p.area_path_ids) AND a.id = ANY (me.area_path_ids) AND a.kind <> 'REGION'
            ORDER BY cardinality(a.path_ids) DESC, a.name LIMIT 1) AS "sharedArea"
     FROM scored s JOIN ${practitionersSql('p')} ON p.id = s.id CROSS JOIN me
    ORDER BY s.score DESC, s.id`;

export function suggestionParams(me: string, first: number): unknown[] {
  return [
    me,
    first,
    EXPANSION_BUDGET,
    NETWORK_CANDIDATES,
    ALIKE_WHEN_FEWER_THAN,
    ALIKE_CANDIDATES,
    WEIGHTS.network,
    WEIGHTS.themes,
    WEIGHTS.areas,
  ];
}

/** The suggestions of practitioner `me`, best `first` first. */
export function suggestionsFor(db: Db, me: string, first: number): Promise<SuggestionRow[]> {
  return db.query<SuggestionRow[]>(SUGGESTIONS_SQL, suggestionParams(me, first));
}
