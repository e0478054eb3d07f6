import type { EntityManager } from 'typeorm';
import { stableId } from '@cohesion/common';
import { COHESION_THEMES } from '@cohesion/directory';
import { DEMO_APPLICATIONS as APPLICATIONS } from './dataset/grants.js';

export const DEMO_FUND_ID = stableId('grant-fund', 'walsall-2026-27');
export const DEMO_ROUND_ID = stableId('grant-round', 'walsall-2026-27-1');

/**
 * Walsall's cohesion micro-grants as they stand part way through a year, so a grants
 * officer signing in finds a fund with every kind of record: applications to score,
 * awards being paid, a monitoring report in and one overdue, a closed award, a decline
 * and an ineligible bid. Amounts are pence. The closed award names only a ward without
 * an ONS code, so the fund page shows a 360Giving data-quality warning.
 */
export async function seedDemoGrants(manager: EntityManager, terms: Map<string, string>): Promise<number> {
  const organisation = (key: string) => stableId('organisation', key);
  const area = (key: string) => stableId('area', key);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
  const isoDay = (offset: number) => day(offset).toISOString().slice(0, 10);
  const awards = APPLICATIONS.filter((application) => application.awarded);
  const committed = awards.reduce((sum, a) => sum + (a.actualSpend ?? a.awarded ?? 0), 0);
  const paid = awards.reduce((sum, a) => sum + (a.paid ?? []).reduce((x, y) => x + y, 0), 0);

  await manager.query(
    `INSERT INTO grant_funds (id, owner_organisation_id, name, programme_code, financial_year, budget_pence,
                              committed_pence, paid_pence, grant_id_prefix, description, is_demo)
     VALUES ($1, $2, 'Walsall Cohesion Micro-Grants 2026-27', 'WAL-CMG', '2026-27', 8700000, $3, $4,
             '360G-walsallcouncil', 'Small grants for voluntary, community and faith groups bringing Walsall together.', true)`,
    [DEMO_FUND_ID, organisation('walsall-council'), committed, paid],
  );
  await manager.query('INSERT INTO grant_fund_areas (fund_id, area_id) VALUES ($1, $2)', [
    DEMO_FUND_ID,
    area('walsall'),
  ]);
  await manager.query(
    `INSERT INTO grant_rounds (id, fund_id, name, opens_at, closes_at, min_award_pence, max_award_pence, eligible_kinds,
                               max_annual_income_pence)
     VALUES ($1, $2, '2026-27 open round', $3, $4, 50000, 500000, '{VCS,FAITH_GROUP}', 10000000)`,
    [DEMO_ROUND_ID, DEMO_FUND_ID, day(-240), day(30)],
  );
  await manager.query('INSERT INTO grant_round_areas (round_id, area_id) VALUES ($1, $2)', [
    DEMO_ROUND_ID,
    area('walsall'),
  ]);
  const criteria: [string, number, number][] = [
    ['Community need', 3, 10],
    ['Bringing different people together', 3, 10],
    ['Deliverability', 2, 5],
    ['Value for money', 1, 5],
  ];
  for (const [position, [name, weight, maxScore]] of criteria.entries()) {
    await manager.query(
      'INSERT INTO grant_criteria (id, round_id, position, name, weight, max_score) VALUES ($1, $2, $3, $4, $5, $6)',
      [stableId('grant-criterion', `${DEMO_ROUND_ID}:${position}`), DEMO_ROUND_ID, position, name, weight, maxScore],
    );
  }

  for (const application of APPLICATIONS) {
    const id = stableId('grant-application', application.key);
    const decided = !['IN_ASSESSMENT', 'INELIGIBLE'].includes(application.status);
    await manager.query(
      `INSERT INTO grant_applications (id, round_id, fund_id, applicant_organisation_id, status, project_title, summary,
          amount_requested_pence, planned_start, planned_end, expected_participants, annual_income_pence,
          ineligible_reason, submitted_at, decided_at, decision_reason, amount_awarded_pence, awarded_at, paid_pence,
          actual_spend_pence, closed_at, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, true)`,
      [
        id,
        DEMO_ROUND_ID,
        DEMO_FUND_ID,
        organisation(application.applicant),
        application.status,
        application.title,
        application.summary,
        application.requested,
        application.start,
        application.end,
        application.participants,
        application.income,
        application.status === 'INELIGIBLE' ? application.reason : null,
        day(-200),
        decided ? day(-180) : null,
        application.status === 'DECLINED' ? application.reason : null,
        application.awarded ?? null,
        application.awarded ? isoDay(-180) : null,
        (application.paid ?? []).reduce((x, y) => x + y, 0),
        application.actualSpend ?? null,
        application.status === 'COMPLETED' ? day(-20) : null,
      ],
    );
    for (const key of application.areas) {
      await manager.query('INSERT INTO grant_application_areas (application_id, area_id) VALUES ($1, $2)', [
        id,
        area(key),
      ]);
    }
    for (const code of application.themes) {
      const termId = terms.get(`${COHESION_THEMES}:${code}`);
      if (!termId) throw new Error(`No demo theme ${code}`);
      await manager.query('INSERT INTO grant_application_themes (application_id, term_id) VALUES ($1, $2)', [
        id,
        termId,
      ]);
    }
    for (const [index, amount] of (application.paid ?? []).entries()) {
      await manager.query(
        `INSERT INTO grant_payments (application_id, fund_id, amount_pence, due_date, status, paid_at, reference)
         VALUES ($1, $2, $3, $4, 'PAID', $5, $6)`,
        [id, DEMO_FUND_ID, amount, isoDay(-170 + index * 90), day(-170 + index * 90), `WAL-${1000 + index}`],
      );
    }
    for (const [index, amount] of (application.scheduled ?? []).entries()) {
      await manager.query(
        `INSERT INTO grant_payments (application_id, fund_id, amount_pence, due_date) VALUES ($1, $2, $3, $4)`,
        [id, DEMO_FUND_ID, amount, isoDay(20 + index * 60)],
      );
    }
  }

  // Bloxwich sent its mid-point report (with ONS4 wellbeing); the pantry's final report is overdue.
  await manager.query(
    `INSERT INTO grant_monitoring_reports (application_id, due_date, title, submitted_at, participants, sessions,
        volunteers, volunteer_hours, narrative, wellbeing_respondents, life_satisfaction_before, life_satisfaction_after,
        worthwhile_before, worthwhile_after, happiness_before, happiness_after, anxiety_before, anxiety_after)
     VALUES ($1, $2, 'Mid-point report', $3, 38, 14, 5, 96.5,
        'Fourteen film workshops so far; two films shown at Bloxwich library to 70 neighbours.', 31,
        6.1, 6.9, 6.4, 7.2, 6.0, 6.8, 4.9, 4.1)`,
    [stableId('grant-application', 'bloxwich-youth-voices'), isoDay(-40), day(-35)],
  );
  await manager.query(
    `INSERT INTO grant_monitoring_reports (application_id, due_date, title) VALUES ($1, '2027-04-30', 'Final report')`,
    [stableId('grant-application', 'bloxwich-youth-voices')],
  );
  await manager.query(
    `INSERT INTO grant_monitoring_reports (application_id, due_date, title) VALUES ($1, $2, 'Final report')`,
    [stableId('grant-application', 'blakenall-pantry-lunches'), isoDay(-12)],
  );
  await manager.query(
    `INSERT INTO grant_monitoring_reports (application_id, due_date, title, submitted_at, participants, sessions,
        volunteers, volunteer_hours, narrative)
     VALUES ($1, '2026-10-30', 'Final report', $2, 164, 4, 22, 210,
        'Four play streets; 164 children and parents took part and two streets plan their own next summer.')`,
    [stableId('grant-application', 'pleck-street-games'), day(-22)],
  );
  return APPLICATIONS.length;
}
