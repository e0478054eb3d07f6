import type { DemoNetwork } from '../demo-dataset.types.js';

/**
 * Who knows whom in the demo, so the network has something to show from the first
 * sign-in: the demo member has connections, a request waiting for an answer and people
 * a few steps away; the organisation admin has a request to pass on and a partnership
 * to confirm.
 */
export const DEMO_NETWORK: DemoNetwork = {
  connections: [
    { between: ['member', 'org-admin'], origin: 'WORKED_TOGETHER', since: 400 },
    { between: ['member', 'amira-hussain'], origin: 'MET_AT_EVENT', since: 210 },
    { between: ['member', 'marcus-reid'], origin: 'INTRODUCTION', since: 45 },
    { between: ['org-admin', 'walsall-grants-officer'], origin: 'WORKED_TOGETHER', since: 700 },
    { between: ['org-admin', 'gareth-hughes'], origin: 'MET_AT_EVENT', since: 120 },
    { between: ['walsall-grants-officer', 'amira-hussain'], origin: 'WORKED_TOGETHER', since: 500 },
    { between: ['walsall-grants-officer', 'simran-gill'], origin: 'WORKED_TOGETHER', since: 320 },
    { between: ['walsall-grants-officer', 'admin'], origin: 'MET_AT_EVENT', since: 90 },
    { between: ['amira-hussain', 'rezan-karimi'], origin: 'MET_AT_EVENT', since: 260 },
    { between: ['amira-hussain', 'teodora-popescu'], origin: 'WORKED_TOGETHER', since: 150 },
    { between: ['marcus-reid', 'kwame-mensah'], origin: 'WORKED_TOGETHER', since: 600 },
    { between: ['marcus-reid', 'eleanor-price'], origin: 'MET_AT_EVENT', since: 75 },
    { between: ['kwame-mensah', 'joanna-kowalska'], origin: 'MET_AT_EVENT', since: 330 },
    { between: ['joanna-kowalska', 'imran-qureshi'], origin: 'WORKED_TOGETHER', since: 180 },
    { between: ['joanna-kowalska', 'yusuf-abdi'], origin: 'MET_AT_EVENT', since: 160 },
    { between: ['rezan-karimi', 'ahmad-noori'], origin: 'WORKED_TOGETHER', since: 540 },
    { between: ['simran-gill', 'abena-boateng'], origin: 'MET_AT_EVENT', since: 60 },
    { between: ['simran-gill', 'gareth-hughes'], origin: 'WORKED_TOGETHER', since: 240 },
    { between: ['eleanor-price', 'priya-mistry'], origin: 'MET_AT_EVENT', since: 100 },
    { between: ['priya-mistry', 'chidi-okonkwo'], origin: 'WORKED_TOGETHER', since: 800 },
    { between: ['chidi-okonkwo', 'leila-farahani'], origin: 'WORKED_TOGETHER', since: 900 },
    { between: ['yusuf-abdi', 'claire-whitehouse'], origin: 'WORKED_TOGETHER', since: 365 },
    { between: ['claire-whitehouse', 'tariq-mahmood'], origin: 'MET_AT_EVENT', since: 140 },
    { between: ['tariq-mahmood', 'amira-hussain'], origin: 'MET_AT_EVENT', since: 30 },
    { between: ['jordan-campbell', 'aisha-begum'], origin: 'WORKED_TOGETHER', since: 420 },
    { between: ['aisha-begum', 'samuel-tesfay'], origin: 'MET_AT_EVENT', since: 95 },
    { between: ['samuel-tesfay', 'magdalena-nowak'], origin: 'WORKED_TOGETHER', since: 280 },
    { between: ['olena-kovalenko', 'magdalena-nowak'], origin: 'MET_AT_EVENT', since: 50 },
    { between: ['farah-siddiqui', 'beverley-jones'], origin: 'WORKED_TOGETHER', since: 610 },
    { between: ['beverley-jones', 'ravi-chauhan'], origin: 'MET_AT_EVENT', since: 200 },
    { between: ['ravi-chauhan', 'teodora-popescu'], origin: 'MET_AT_EVENT', since: 35 },
  ],
  introductions: [
    {
      from: 'teodora-popescu',
      to: 'member',
      message:
        'Amira mentioned you keep the tension-monitoring picture for Sandwell. We are setting up a Roma community ' +
        'forum in Smethwick and would value twenty minutes on what you see locally.',
      status: 'PENDING_TARGET',
      askedDaysAgo: 2,
    },
    {
      from: 'gareth-hughes',
      to: 'member',
      via: 'org-admin',
      message:
        'I run the Walsall fire safety home visits and we keep meeting the same families your neighbourhood team ' +
        'works with. Could Nasreen introduce us so we can join up visits?',
      status: 'PENDING_BROKER',
      askedDaysAgo: 1,
    },
    {
      from: 'member',
      to: 'marcus-reid',
      message:
        'We both sit on the Sandwell tension-monitoring group but have never spoken properly; could we compare ' +
        'how you brief schools after an incident?',
      status: 'ACCEPTED',
      askedDaysAgo: 47,
    },
  ],
  partnerships: [
    { organisation: 'bloxwich-youth-collective', partner: 'walsall-council', kind: 'PARTNERS_WITH', confirmed: true },
    { organisation: 'pleck-residents-together', partner: 'wm-cohesion-network', kind: 'MEMBER_OF', confirmed: true },
    { organisation: 'dudley-good-neighbours', partner: 'dudley-council', kind: 'PARTNERS_WITH', confirmed: true },
    {
      organisation: 'gurdwara-sach-khand-sewa',
      partner: 'bc-interfaith-friendship-forum',
      kind: 'MEMBER_OF',
      confirmed: true,
    },
    {
      organisation: 'sanatan-seva-mandir',
      partner: 'bc-interfaith-friendship-forum',
      kind: 'MEMBER_OF',
      confirmed: true,
    },
    { organisation: 'wmp-walsall', partner: 'pleck-womens-circle', kind: 'PARTNERS_WITH', confirmed: false },
  ],
};
