/**
 * A service with every part Open Referral UK describes (prices, a schedule, a venue with
 * an address and coordinates, an online place, a contact, languages, terms and areas), as
 * `createService` takes it. Ids are GraphQL global ids.
 */
export function fullServiceInput(links: {
  termIds: string[];
  serviceAreaIds: string[];
  /** The ward the venue is in, if any. */
  venueAreaId?: string;
}): Record<string, unknown> {
  return {
    name: 'ESOL for women',
    description: 'Friendly English classes with a crèche.',
    url: 'https://caldmore-circle.example.org/esol',
    email: 'classes@caldmore-circle.example.org',
    fees: 'Free; a small charge for trips.',
    eligibilityDescription: 'Women aged 16 and over.',
    minimumAge: 16,
    languages: ['en', 'ur', 'pa'],
    assuredDate: '2026-09-01',
    costOptions: [
      { option: 'Classes', amountPence: 0, amountDescription: 'Free' },
      {
        option: 'Trips',
        amountPence: 350,
        amountDescription: 'per trip',
        validFrom: '2026-09-01',
        validTo: '2027-07-31',
      },
    ],
    schedules: [
      { freq: 'WEEKLY', interval: 1, byday: 'TU,TH', opensAt: '10:00', closesAt: '12:00', description: 'Term time' },
    ],
    locations: [
      {
        name: 'Caldmore Community Centre',
        description: 'Ground floor, step-free.',
        address: { line1: '1 Caldmore Green', line2: 'Caldmore', town: 'Walsall', postcode: 'WS1 3RQ' },
        location: { latitude: 52.5795, longitude: -1.9903 },
        areaId: links.venueAreaId,
      },
      { locationType: 'VIRTUAL', name: 'Online classroom' },
    ],
    contacts: [
      {
        name: 'Classes team',
        title: 'Coordinator',
        email: 'classes@caldmore-circle.example.org',
        phone: '01922 000000',
      },
    ],
    taxonomyTermIds: links.termIds,
    serviceAreaIds: links.serviceAreaIds,
  };
}
