/** A grant application of the demo fund, in the state it has reached; amounts are pence. */
export interface DemoApplication {
  key: string;
  applicant: string;
  title: string;
  summary: string;
  requested: number;
  start: string;
  end: string;
  areas: string[];
  themes: string[];
  participants: number;
  income: number;
  status: 'IN_ASSESSMENT' | 'INELIGIBLE' | 'DECLINED' | 'ACTIVE' | 'COMPLETED';
  awarded?: number;
  paid?: number[];
  scheduled?: number[];
  actualSpend?: number;
  reason?: string;
}

/**
 * Walsall's cohesion micro-grants part way through a year: applications to score,
 * awards being paid, a monitoring report in and one overdue, a closed award, a decline
 * and an ineligible bid.
 */
export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    key: 'pleck-supper-club',
    applicant: 'pleck-womens-circle',
    title: 'Pleck Women’s Supper Club',
    summary: 'Monthly shared suppers where women new to Pleck cook with long-standing neighbours and practise English.',
    requested: 350_000,
    start: '2027-01-10',
    end: '2027-07-31',
    areas: ['pleck'],
    themes: ['integration-and-esol'],
    participants: 45,
    income: 2_400_000,
    status: 'IN_ASSESSMENT',
  },
  {
    key: 'interfaith-walks',
    applicant: 'bc-interfaith-friendship-forum',
    title: 'Walsall Faith Trail Walks',
    summary: 'Guided walks between a gurdwara, a mosque, a church and a mandir, with tea and questions at each stop.',
    requested: 480_000,
    start: '2027-02-01',
    end: '2027-09-30',
    areas: ['walsall'],
    themes: ['inter-faith'],
    participants: 200,
    income: 6_100_000,
    status: 'IN_ASSESSMENT',
  },
  {
    key: 'bloxwich-youth-voices',
    applicant: 'bloxwich-youth-collective',
    title: 'Bloxwich Youth Voices',
    summary: 'Young people from Bloxwich and Blakenall make short films about their streets and show them together.',
    requested: 400_000,
    start: '2026-06-01',
    end: '2027-03-31',
    areas: ['walsall', 'bloxwich-east', 'blakenall'],
    themes: ['community-tensions'],
    participants: 60,
    income: 3_800_000,
    status: 'ACTIVE',
    awarded: 300_000,
    paid: [200_000],
    scheduled: [100_000],
  },
  {
    key: 'blakenall-pantry-lunches',
    applicant: 'christ-the-servant-pantry',
    title: 'Blakenall Pantry Lunches',
    summary: 'A weekly free lunch at the pantry where volunteers and visitors of every background eat together.',
    requested: 250_000,
    start: '2026-05-01',
    end: '2026-10-31',
    areas: ['walsall', 'blakenall'],
    themes: ['community-tensions'],
    participants: 80,
    income: 900_000,
    status: 'ACTIVE',
    awarded: 250_000,
    paid: [250_000],
  },
  {
    key: 'pleck-street-games',
    applicant: 'pleck-residents-together',
    title: 'Pleck Street Games',
    summary: 'Four summer play streets closing Pleck roads to traffic so children and parents meet their neighbours.',
    requested: 150_000,
    start: '2026-07-01',
    end: '2026-09-30',
    areas: ['pleck'],
    themes: ['community-tensions'],
    participants: 150,
    income: 400_000,
    status: 'COMPLETED',
    awarded: 150_000,
    paid: [140_000],
    actualSpend: 140_000,
  },
  {
    key: 'rainbow-roots-socials',
    applicant: 'rainbow-roots-bc',
    title: 'Rainbow Roots Walsall Socials',
    summary: 'Monthly socials for LGBT+ people of faith in Walsall, with a facilitator and a quiet room.',
    requested: 200_000,
    start: '2026-09-01',
    end: '2027-03-31',
    areas: ['walsall'],
    themes: ['hate-crime'],
    participants: 40,
    income: 1_500_000,
    status: 'DECLINED',
    reason: 'A strong idea; the panel funded similar socials this year and invites a bid in the next round.',
  },
  {
    key: 'canalside-family-day',
    applicant: 'canalside-logistics',
    title: 'Canalside Family Fun Day',
    summary: 'A family day at the depot with food stalls, a bouncy castle and stands from local groups.',
    requested: 300_000,
    start: '2026-08-01',
    end: '2026-08-31',
    areas: ['walsall'],
    themes: ['community-tensions'],
    participants: 500,
    income: 250_000_000,
    status: 'INELIGIBLE',
    reason: 'Organisation kind: this round is for voluntary and community groups, faith groups, not businesses',
  },
];
