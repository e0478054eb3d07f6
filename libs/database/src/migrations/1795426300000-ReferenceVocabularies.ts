import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The product's two vocabularies and their top-level terms: reference data every database needs. */
const TAXONOMIES: [string, string, string][] = [
  ['cohesion-themes', 'Cohesion themes', 'What community cohesion work is about.'],
  ['service-types', 'Service types', 'What kind of service something is.'],
];

const THEMES: [string, string, string][] = [
  ['community-tensions', 'Community tensions', 'Spotting, monitoring and calming tensions between communities.'],
  ['hate-crime', 'Hate crime', 'Preventing, reporting and responding to hate crime and hate incidents.'],
  [
    'misinformation-and-narratives',
    'Misinformation and narratives',
    'Countering rumours, misinformation and divisive narratives.',
  ],
  [
    'prevent-and-counter-extremism',
    'Prevent and counter-extremism',
    'Safeguarding people from radicalisation and extremism.',
  ],
  [
    'integration-and-esol',
    'Integration and ESOL',
    'Integration, English for speakers of other languages, and belonging.',
  ],
  ['inter-faith', 'Inter-faith', 'Dialogue and shared work between faith communities.'],
  ['employment-and-skills', 'Employment and skills', 'Routes into work, training and skills.'],
  ['youth', 'Youth', 'Work with and for young people.'],
  ['womens-empowerment', "Women's empowerment", 'Confidence, voice and opportunity for women.'],
  ['intergenerational', 'Intergenerational', 'Bringing generations together.'],
  [
    'new-arrivals-and-asylum',
    'New arrivals and asylum',
    'Welcoming and supporting refugees, asylum seekers and new arrivals.',
  ],
  ['housing', 'Housing', 'Housing, neighbourhoods and homelessness.'],
  ['health-and-wellbeing', 'Health and wellbeing', 'Physical and mental health and wellbeing.'],
  ['safeguarding', 'Safeguarding', 'Keeping children and adults at risk safe.'],
  ['workforce-wellbeing', 'Workforce wellbeing', 'Looking after the people who do this work.'],
  ['data-and-evidence', 'Data and evidence', 'Insight, research and evaluation.'],
  ['volunteering', 'Volunteering', 'Recruiting, supporting and recognising volunteers.'],
];

const SERVICE_TYPES: [string, string, string][] = [
  ['advice-and-guidance', 'Advice and guidance', 'Information and advice on rights, services and next steps.'],
  ['esol-class', 'ESOL class', 'English classes for speakers of other languages.'],
  ['drop-in', 'Drop-in', 'Come along without an appointment.'],
  ['mentoring', 'Mentoring', 'One-to-one support from a mentor.'],
  ['sport-and-activities', 'Sport and activities', 'Sport, games, arts and activities.'],
  ['support-group', 'Support group', 'Peer support in a group.'],
  ['training', 'Training', 'Courses and training sessions.'],
  ['helpline', 'Helpline', 'Support by phone or online chat.'],
  ['community-event', 'Community event', 'Events that bring people together.'],
  ['befriending', 'Befriending', 'Regular friendly contact for people who are isolated.'],
  ['food-support', 'Food support', 'Food banks, community meals and pantries.'],
  ['interpreting-and-translation', 'Interpreting and translation', 'Help in other languages.'],
  ['counselling', 'Counselling', 'Talking therapies and counselling.'],
];

export class ReferenceVocabularies1795426300000 implements MigrationInterface {
  name = 'ReferenceVocabularies1795426300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [code, name, description] of TAXONOMIES) {
      await queryRunner.query(
        'INSERT INTO taxonomies (code, name, description) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
        [code, name, description],
      );
    }
    const vocabularies: [string, [string, string, string][]][] = [
      ['cohesion-themes', THEMES],
      ['service-types', SERVICE_TYPES],
    ];
    for (const [taxonomy, terms] of vocabularies) {
      for (const [code, name, description] of terms) {
        await queryRunner.query(
          `INSERT INTO taxonomy_terms (taxonomy_id, code, name, description)
           SELECT id, $2, $3, $4 FROM taxonomies WHERE code = $1
           ON CONFLICT (taxonomy_id, code) DO NOTHING`,
          [taxonomy, code, name, description],
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM taxonomy_terms WHERE taxonomy_id IN (SELECT id FROM taxonomies WHERE code = ANY($1))
         AND NOT EXISTS (SELECT 1 FROM taxonomy_terms child WHERE child.parent_id = taxonomy_terms.id)`,
      [TAXONOMIES.map(([code]) => code)],
    );
  }
}
