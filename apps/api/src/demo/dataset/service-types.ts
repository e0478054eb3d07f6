import type { DemoTerm } from '../demo-dataset.types.js';

/** The service types the demo adds to the vocabulary (parents before children). */
export const DEMO_SERVICE_TYPES: DemoTerm[] = [
  {
    code: 'advice-and-guidance',
    name: 'Advice and guidance',
    description: 'Information and advice on rights, services and next steps.',
  },
  { code: 'esol-class', name: 'ESOL class', description: 'English classes for speakers of other languages.' },
  { code: 'drop-in', name: 'Drop-in', description: 'Come along without an appointment.' },
  { code: 'mentoring', name: 'Mentoring', description: 'One-to-one support from a mentor.' },
  { code: 'sport-and-activities', name: 'Sport and activities', description: 'Sport, games, arts and activities.' },
  { code: 'support-group', name: 'Support group', description: 'Peer support in a group.' },
  { code: 'training', name: 'Training', description: 'Courses and training sessions.' },
  { code: 'helpline', name: 'Helpline', description: 'Support by phone or online chat.' },
  { code: 'community-event', name: 'Community event', description: 'Events that bring people together.' },
  { code: 'befriending', name: 'Befriending', description: 'Regular friendly contact for people who are isolated.' },
  { code: 'food-support', name: 'Food support', description: 'Food banks, community meals and pantries.' },
  {
    code: 'interpreting-and-translation',
    name: 'Interpreting and translation',
    description: 'Help in other languages.',
  },
  { code: 'counselling', name: 'Counselling', description: 'Talking therapies and counselling.' },

  {
    code: 'conversation-club',
    name: 'Conversation club',
    description: 'Informal sessions for practising spoken English with volunteers.',
    parent: 'esol-class',
  },
  {
    code: 'community-meal',
    name: 'Community meal',
    description: 'Shared meals open to everyone in the neighbourhood.',
    parent: 'food-support',
  },
];
