import { toGlobalId } from '@cohesion/common';
import type { PractitionerEntity } from './practitioner.entity.js';
import { Practitioner, type ContactVisibility } from './practitioner.model.js';
import { visibleValue, type Relationship } from '../directory.policy.js';

export const PRACTITIONER_TYPE = 'Practitioner';

/** Builds what `relationship` may see of a profile: contact details by their visibility, settings for the owner only. */
export function toPractitioner(entity: PractitionerEntity, relationship: Relationship): Practitioner {
  const own = relationship === 'SELF';
  return Object.assign(new Practitioner(), {
    id: toGlobalId(PRACTITIONER_TYPE, entity.id),
    practitionerId: entity.id,
    fullName: entity.fullName,
    jobTitle: entity.jobTitle,
    bio: entity.bio,
    canHelpWith: entity.canHelpWith,
    lookingFor: entity.lookingFor,
    languages: entity.languages,
    openToIntroductions: entity.openToIntroductions,
    connectedToYou: relationship === 'CONNECTION',
    contact: {
      email: visibleValue(entity.contactEmail, entity.contactEmailVisibility, relationship),
      phone: visibleValue(entity.contactPhone, entity.contactPhoneVisibility, relationship),
      mobile: visibleValue(entity.contactMobile, entity.contactMobileVisibility, relationship),
      website: visibleValue(entity.website, entity.websiteVisibility, relationship),
    },
    discoverable: own ? entity.discoverable : null,
    introductionsMonthlyCap: own ? entity.introductionsMonthlyCap : null,
    contactVisibility: own
      ? {
          email: entity.contactEmailVisibility as ContactVisibility,
          phone: entity.contactPhoneVisibility as ContactVisibility,
          mobile: entity.contactMobileVisibility as ContactVisibility,
          website: entity.websiteVisibility as ContactVisibility,
        }
      : null,
    version: own ? entity.version : null,
    demo: entity.isDemo,
    updatedAt: entity.updatedAt,
  });
}
