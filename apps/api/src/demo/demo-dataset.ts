import { DEMO_AREAS } from './dataset/areas.js';
import { DEMO_EMAIL_DOMAINS, DEMO_INVITATIONS } from './dataset/memberships.js';
import { DEMO_NETWORK } from './dataset/network.js';
import { DEMO_ORGANISATIONS } from './dataset/organisations.js';
import { DEMO_PRACTITIONERS } from './dataset/practitioners.js';
import { DEMO_SERVICE_TYPES } from './dataset/service-types.js';
import { DEMO_SERVICES } from './dataset/services.js';
import { DEMO_THEMES } from './dataset/themes.js';
import type { DemoDataset } from './demo-dataset.types.js';

/**
 * Demo data for Cohesion Network, loaded once on first start and marked as demo.
 *
 * Everything about people here is fictional: names, job histories, emails and phone
 * numbers. Phone numbers are in Ofcom's drama ranges (0121 496 0xxx, 01632 960xxx,
 * 07700 900xxx, 08081 570xxx); emails and websites use example.org domains. The seven
 * councils, West Midlands Police and West Midlands Fire Service appear by name with
 * generic descriptions; every other organisation is invented. Area names and ONS codes
 * for the region, councils and wards are real; a ward whose code could not be checked
 * against ONS data carries none.
 * Coordinates sit within 0.01 degrees of the centroid of each postcode district.
 */
export const DEMO_DATASET: DemoDataset = {
  areas: DEMO_AREAS,
  themes: DEMO_THEMES,
  serviceTypes: DEMO_SERVICE_TYPES,
  organisations: DEMO_ORGANISATIONS,
  practitioners: DEMO_PRACTITIONERS,
  services: DEMO_SERVICES,
  network: DEMO_NETWORK,
  emailDomains: DEMO_EMAIL_DOMAINS,
  invitations: DEMO_INVITATIONS,
};
