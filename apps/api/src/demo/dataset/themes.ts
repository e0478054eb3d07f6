import type { DemoTerm } from '../demo-dataset.types.js';

/** The cohesion themes the demo adds to the vocabulary (parents before children). */
export const DEMO_THEMES: DemoTerm[] = [
  {
    code: 'community-tensions',
    name: 'Community tensions',
    description: 'Spotting, monitoring and calming tensions between communities.',
  },
  {
    code: 'hate-crime',
    name: 'Hate crime',
    description: 'Preventing, reporting and responding to hate crime and hate incidents.',
  },
  {
    code: 'misinformation-and-narratives',
    name: 'Misinformation and narratives',
    description: 'Countering rumours, misinformation and divisive narratives.',
  },
  {
    code: 'prevent-and-counter-extremism',
    name: 'Prevent and counter-extremism',
    description: 'Safeguarding people from radicalisation and extremism.',
  },
  {
    code: 'integration-and-esol',
    name: 'Integration and ESOL',
    description: 'Integration, English for speakers of other languages, and belonging.',
  },
  { code: 'inter-faith', name: 'Inter-faith', description: 'Dialogue and shared work between faith communities.' },
  {
    code: 'employment-and-skills',
    name: 'Employment and skills',
    description: 'Routes into work, training and skills.',
  },
  { code: 'youth', name: 'Youth', description: 'Work with and for young people.' },
  {
    code: 'womens-empowerment',
    name: "Women's empowerment",
    description: 'Confidence, voice and opportunity for women.',
  },
  { code: 'intergenerational', name: 'Intergenerational', description: 'Bringing generations together.' },
  {
    code: 'new-arrivals-and-asylum',
    name: 'New arrivals and asylum',
    description: 'Welcoming and supporting refugees, asylum seekers and new arrivals.',
  },
  { code: 'housing', name: 'Housing', description: 'Housing, neighbourhoods and homelessness.' },
  {
    code: 'health-and-wellbeing',
    name: 'Health and wellbeing',
    description: 'Physical and mental health and wellbeing.',
  },
  { code: 'safeguarding', name: 'Safeguarding', description: 'Keeping children and adults at risk safe.' },
  {
    code: 'workforce-wellbeing',
    name: 'Workforce wellbeing',
    description: 'Looking after the people who do this work.',
  },
  { code: 'data-and-evidence', name: 'Data and evidence', description: 'Insight, research and evaluation.' },
  { code: 'volunteering', name: 'Volunteering', description: 'Recruiting, supporting and recognising volunteers.' },

  {
    code: 'tension-monitoring',
    name: 'Tension monitoring',
    description: 'Gathering and sharing community intelligence so partners can act early on rising tensions.',
    parent: 'community-tensions',
  },
  {
    code: 'third-party-hate-crime-reporting',
    name: 'Third-party hate crime reporting',
    description:
      'Trusted community venues where people can report hate incidents without going to the police directly.',
    parent: 'hate-crime',
  },
  {
    code: 'media-literacy',
    name: 'Media literacy',
    description: 'Helping people check sources and recognise misleading content online.',
    parent: 'misinformation-and-narratives',
  },
  {
    code: 'esol-provision',
    name: 'ESOL provision',
    description: 'Classes and conversation groups for adults learning English.',
    parent: 'integration-and-esol',
  },
  {
    code: 'youth-voice',
    name: 'Youth voice',
    description: 'Young people shaping decisions that affect them and their neighbourhoods.',
    parent: 'youth',
  },
  {
    code: 'staff-safety',
    name: 'Staff safety',
    description: 'Protecting practitioners from hostility, harassment and online abuse.',
    parent: 'workforce-wellbeing',
  },
];
