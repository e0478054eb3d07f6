/**
 * The 360Giving geoCodeType codelist (1.4.3, codelists/geoCodeType.csv) keyed by the
 * ONS entity prefix of a GSS code: E05 wards are WD, E08 metropolitan districts MD, and so on.
 */
export const GEO_CODE_TYPES: Readonly<Record<string, string>> = {
  E00: 'OA',
  E01: 'LSOA',
  E02: 'MSOA',
  E04: 'PAR',
  E05: 'WD',
  E06: 'UA',
  E07: 'NMD',
  E08: 'MD',
  E09: 'LONB',
  E10: 'CTY',
  E12: 'RGN/GOR',
  E14: 'WPC',
  E15: 'EER',
  E21: 'CANNET',
  E22: 'CSP',
  E23: 'PFA',
  E25: 'PUA',
  E26: 'NPARK',
  E28: 'REGD',
  E29: 'REGSD',
  E30: 'TTWA',
  E31: 'FRA',
  E32: 'LAC',
  E33: 'WZ',
  E36: 'CMWD',
  E37: 'LEP',
  E38: 'CCG',
  E39: 'NHSAT',
  E41: 'CMLAD',
  E42: 'CMCTY',
  N00: 'SA',
  N06: 'WPC',
  S00: 'OA',
  S01: 'DZ',
  S02: 'IG',
  S03: 'CHP',
  S05: 'ROA - CPP',
  S06: 'ROA - Local',
  S08: 'HB',
  S12: 'CA',
  S13: 'WD',
  S14: 'WPC',
  S16: 'SPC',
  S22: 'TTWA',
  W00: 'OA',
  W01: 'LSOA',
  W02: 'MSOA',
  W03: 'USOA',
  W04: 'COM',
  W05: 'WD',
  W06: 'UA',
  W07: 'WPC',
  W09: 'NAWC',
  W14: 'CDRP',
  W20: 'REGD',
  W21: 'REGSD',
  W22: 'TTWA',
  W30: 'AgricSmall',
  W33: 'CFA',
  W35: 'WZ',
  W39: 'CMWD',
  W40: 'CMLAD',
  W41: 'CMCTY',
};

/** An ONS GSS code: a country letter, a two-digit entity and six digits (E05011111). */
export const ONS_CODE = /^[EWSN]\d{8}$/;
/** The same test in PostgreSQL. */
export const ONS_CODE_SQL = '^[EWSN][0-9]{8}$';

/** The geoCodeType of an ONS code, or null when its entity is not in the codelist. */
export function geoCodeTypeOf(code: string): string | null {
  return ONS_CODE.test(code) ? (GEO_CODE_TYPES[code.slice(0, 3)] ?? null) : null;
}
