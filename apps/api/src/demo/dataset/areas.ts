import type { DemoArea } from '../demo-dataset.types.js';

/** The areas: the region, its councils, localities and wards (real names and ONS codes). */
export const DEMO_AREAS: DemoArea[] = [
  { key: 'west-midlands', name: 'West Midlands', kind: 'REGION', code: 'E12000005' },

  { key: 'birmingham', name: 'Birmingham', kind: 'LOCAL_AUTHORITY', code: 'E08000025', parent: 'west-midlands' },
  { key: 'coventry', name: 'Coventry', kind: 'LOCAL_AUTHORITY', code: 'E08000026', parent: 'west-midlands' },
  { key: 'dudley', name: 'Dudley', kind: 'LOCAL_AUTHORITY', code: 'E08000027', parent: 'west-midlands' },
  { key: 'sandwell', name: 'Sandwell', kind: 'LOCAL_AUTHORITY', code: 'E08000028', parent: 'west-midlands' },
  { key: 'solihull', name: 'Solihull', kind: 'LOCAL_AUTHORITY', code: 'E08000029', parent: 'west-midlands' },
  { key: 'walsall', name: 'Walsall', kind: 'LOCAL_AUTHORITY', code: 'E08000030', parent: 'west-midlands' },
  {
    key: 'wolverhampton',
    name: 'Wolverhampton',
    kind: 'LOCAL_AUTHORITY',
    code: 'E08000031',
    parent: 'west-midlands',
  },

  { key: 'walsall-north', name: 'Walsall North', kind: 'LOCALITY', code: 'WAL-NORTH', parent: 'walsall' },
  { key: 'walsall-south', name: 'Walsall South', kind: 'LOCALITY', code: 'WAL-SOUTH', parent: 'walsall' },
  { key: 'walsall-east', name: 'Walsall East', kind: 'LOCALITY', code: 'WAL-EAST', parent: 'walsall' },
  { key: 'walsall-west', name: 'Walsall West', kind: 'LOCALITY', code: 'WAL-WEST', parent: 'walsall' },
  {
    key: 'birmingham-hodge-hill',
    name: 'Hodge Hill',
    kind: 'LOCALITY',
    code: 'BIR-HODGE-HILL',
    parent: 'birmingham',
  },
  { key: 'birmingham-ladywood', name: 'Ladywood', kind: 'LOCALITY', code: 'BIR-LADYWOOD', parent: 'birmingham' },
  {
    key: 'birmingham-perry-barr',
    name: 'Perry Barr',
    kind: 'LOCALITY',
    code: 'BIR-PERRY-BARR',
    parent: 'birmingham',
  },
  {
    key: 'sandwell-west-bromwich',
    name: 'West Bromwich',
    kind: 'LOCALITY',
    code: 'SAN-WEST-BROMWICH',
    parent: 'sandwell',
  },
  { key: 'sandwell-smethwick', name: 'Smethwick', kind: 'LOCALITY', code: 'SAN-SMETHWICK', parent: 'sandwell' },
  { key: 'sandwell-oldbury', name: 'Oldbury', kind: 'LOCALITY', code: 'SAN-OLDBURY', parent: 'sandwell' },

  // Wards: real names. Birmingham's carry their ONS codes (its 69 wards of 2018), as do Heath
  // Town and St Thomas's, wards of Wolverhampton's 2023 and Dudley's 2024 warding. Walsall,
  // Sandwell, Coventry and Solihull were re-warded in May 2026 and Netherton, Woodside and St
  // Andrews is no longer a Dudley ward: those carry no code until checked against ONS data for
  // the current wards, rather than guessed; nor does St Peter's (ONS's ward is St Peters, a name
  // found in several councils).
  { key: 'blakenall', name: 'Blakenall', kind: 'WARD', parent: 'walsall-north' },
  { key: 'bloxwich-east', name: 'Bloxwich East', kind: 'WARD', parent: 'walsall-north' },
  { key: 'st-matthews', name: "St Matthew's", kind: 'WARD', parent: 'walsall-south' },
  { key: 'pleck', name: 'Pleck', kind: 'WARD', parent: 'walsall-south' },
  { key: 'darlaston-south', name: 'Darlaston South', kind: 'WARD', parent: 'walsall-west' },
  { key: 'aldridge-central-and-south', name: 'Aldridge Central and South', kind: 'WARD', parent: 'walsall-east' },
  { key: 'alum-rock', name: 'Alum Rock', kind: 'WARD', code: 'E05011120', parent: 'birmingham-hodge-hill' },
  {
    key: 'bordesley-green',
    name: 'Bordesley Green',
    kind: 'WARD',
    code: 'E05011127',
    parent: 'birmingham-hodge-hill',
  },
  {
    key: 'soho-and-jewellery-quarter',
    name: 'Soho & Jewellery Quarter',
    kind: 'WARD',
    code: 'E05011168',
    parent: 'birmingham-ladywood',
  },
  { key: 'nechells', name: 'Nechells', kind: 'WARD', code: 'E05011155', parent: 'birmingham-ladywood' },
  { key: 'lozells', name: 'Lozells', kind: 'WARD', code: 'E05011153', parent: 'birmingham-perry-barr' },
  {
    key: 'handsworth-wood',
    name: 'Handsworth Wood',
    kind: 'WARD',
    code: 'E05011143',
    parent: 'birmingham-perry-barr',
  },
  { key: 'soho-and-victoria', name: 'Soho and Victoria', kind: 'WARD', parent: 'sandwell-smethwick' },
  { key: 'st-pauls', name: 'St Pauls', kind: 'WARD', parent: 'sandwell-smethwick' },
  { key: 'greets-green-and-lyng', name: 'Greets Green and Lyng', kind: 'WARD', parent: 'sandwell-west-bromwich' },
  { key: 'west-bromwich-central', name: 'West Bromwich Central', kind: 'WARD', parent: 'sandwell-west-bromwich' },
  { key: 'langley', name: 'Langley', kind: 'WARD', parent: 'sandwell-oldbury' },
  { key: 'st-michaels', name: "St Michael's", kind: 'WARD', parent: 'coventry' },
  { key: 'foleshill', name: 'Foleshill', kind: 'WARD', parent: 'coventry' },
  { key: 'st-peters', name: "St Peter's", kind: 'WARD', parent: 'wolverhampton' },
  { key: 'heath-town', name: 'Heath Town', kind: 'WARD', code: 'E05014848', parent: 'wolverhampton' },
  { key: 'st-thomass', name: "St Thomas's", kind: 'WARD', code: 'E05015923', parent: 'dudley' },
  {
    key: 'netherton-woodside-and-st-andrews',
    name: 'Netherton, Woodside and St Andrews',
    kind: 'WARD',
    parent: 'dudley',
  },
  { key: 'chelmsley-wood', name: 'Chelmsley Wood', kind: 'WARD', parent: 'solihull' },
];
