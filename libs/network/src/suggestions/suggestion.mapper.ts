import { SuggestedPeer } from './suggested-peer.model.js';
import type { SuggestionRow } from './suggestion.queries.js';

export function toSuggestedPeer(row: SuggestionRow): SuggestedPeer {
  return Object.assign(new SuggestedPeer(), {
    practitionerId: row.id,
    score: Math.round(row.score * 1000) / 1000,
    mutualConnections: row.mutual,
    reasons: reasonsFor(row),
  });
}

/** Reasons a person can read, strongest first. */
export function reasonsFor(row: Pick<SuggestionRow, 'mutual' | 'sharedThemes' | 'sharedArea'>): string[] {
  const reasons: string[] = [];
  if (row.mutual > 0) reasons.push(`${row.mutual} mutual connection${row.mutual === 1 ? '' : 's'}`);
  const themes = row.sharedThemes.slice(0, 2).map((name) => name.toLowerCase());
  const topics = themes.length === 2 ? `${themes[0]} and ${themes[1]}` : themes[0];
  if (topics && row.sharedArea) reasons.push(`Also works on ${topics} in ${row.sharedArea}`);
  else if (topics) reasons.push(`Also works on ${topics}`);
  else if (row.sharedArea) reasons.push(`Also works in ${row.sharedArea}`);
  return reasons;
}
