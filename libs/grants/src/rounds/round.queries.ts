/** A round with its fund's owner, the names of its eligible areas and its criteria (as JSON). */
export const ROUND_SQL = `
  SELECT r.*, (SELECT owner_organisation_id FROM grant_funds WHERE id = r.fund_id) AS owner_organisation_id,
         COALESCE((SELECT array_agg(ar.name ORDER BY ar.name) FROM grant_round_areas x JOIN areas ar ON ar.id = x.area_id
                    WHERE x.round_id = r.id), '{}') AS eligible_areas,
         COALESCE((SELECT json_agg(json_build_object('id', c.id, 'position', c.position, 'name', c.name,
                                    'guidance', c.guidance, 'weight', c.weight, 'maxScore', c.max_score)
                                    ORDER BY c.position)
                    FROM grant_criteria c WHERE c.round_id = r.id), '[]') AS criteria
    FROM grant_rounds r`;
