import {
  ScheduleFrequency,
  type CostOption,
  type Organisation,
  type Schedule,
  type Service,
  type ServiceContact,
  type ServiceLocation,
} from '@cohesion/directory';
import { jsonForScript } from './service-words.js';

const SCHEMA_DAYS: Record<string, string> = {
  MO: 'https://schema.org/Monday',
  TU: 'https://schema.org/Tuesday',
  WE: 'https://schema.org/Wednesday',
  TH: 'https://schema.org/Thursday',
  FR: 'https://schema.org/Friday',
  SA: 'https://schema.org/Saturday',
  SU: 'https://schema.org/Sunday',
};

export interface ServiceFacts {
  service: Service;
  organisation: Organisation | null;
  costs: CostOption[];
  schedules: Schedule[];
  places: ServiceLocation[];
  contacts: ServiceContact[];
  areas: string[];
}

/** Leaves out what is empty, so the data says only what is known. */
function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, item]) => item !== null && item !== undefined && item !== '' && !(Array.isArray(item) && item.length === 0),
    ),
  ) as Partial<T>;
}

/**
 * The service as schema.org data (a `Service` provided by an `Organization`, with its
 * places, opening hours, offers and audience), from exactly what the page shows this
 * viewer; returned as text safe inside `<script type="application/ld+json">`.
 */
export function serviceJsonLd(facts: ServiceFacts): string {
  const { service, organisation } = facts;
  const data = compact({
    '@context': 'https://schema.org',
    '@type': 'Service',
    '@id': `/services/${service.id}`,
    name: service.name,
    description: service.description,
    url: service.url,
    email: service.email,
    provider: organisation
      ? compact({
          '@type': 'Organization',
          name: organisation.name,
          url: organisation.website,
          identifier: organisation.identifiers,
        })
      : undefined,
    areaServed: facts.areas.map((name) => ({ '@type': 'Place', name })),
    availableLanguage: service.languages,
    audience:
      service.minimumAge !== null || service.maximumAge !== null || service.eligibilityDescription
        ? compact({
            '@type': 'PeopleAudience',
            suggestedMinAge: service.minimumAge,
            suggestedMaxAge: service.maximumAge,
            audienceType: service.eligibilityDescription,
          })
        : undefined,
    availableChannel: facts.places.map((place) =>
      compact({
        '@type': 'ServiceChannel',
        name: place.name,
        serviceLocation: compact({
          '@type': 'Place',
          name: place.name,
          address: place.address
            ? compact({
                '@type': 'PostalAddress',
                streetAddress: [place.address.line1, place.address.line2].filter(Boolean).join(', '),
                addressLocality: place.address.town,
                postalCode: place.address.postcode,
                addressCountry: 'GB',
              })
            : undefined,
          geo: place.location
            ? { '@type': 'GeoCoordinates', latitude: place.location.latitude, longitude: place.location.longitude }
            : undefined,
        }),
      }),
    ),
    hoursAvailable: facts.schedules
      .filter((schedule) => schedule.byday && !/\d/.test(schedule.byday) && schedule.freq !== ScheduleFrequency.MONTHLY)
      .map((schedule) =>
        compact({
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: (schedule.byday ?? '')
            .split(',')
            .map((day) => SCHEMA_DAYS[day])
            .filter(Boolean),
          opens: schedule.opensAt?.slice(0, 5),
          closes: schedule.closesAt?.slice(0, 5),
          validFrom: schedule.validFrom,
          validThrough: schedule.validTo,
        }),
      ),
    offers: facts.costs
      .filter((cost) => cost.amountPence !== null)
      .map((cost) =>
        compact({
          '@type': 'Offer',
          name: cost.option,
          description: cost.amountDescription,
          price: ((cost.amountPence ?? 0) / 100).toFixed(2),
          priceCurrency: 'GBP',
          validFrom: cost.validFrom,
          validThrough: cost.validTo,
        }),
      ),
    contactPoint: facts.contacts.map((contact) =>
      compact({
        '@type': 'ContactPoint',
        name: contact.name,
        jobTitle: contact.title,
        email: contact.email,
        telephone: contact.phone,
      }),
    ),
    dateModified: service.lastModified.toISOString(),
  });
  return jsonForScript(data);
}
