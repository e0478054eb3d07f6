/**
 * UK postcodes: outward code (area + district) and inward code (sector + unit).
 * Covers the standard forms A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA
 * and the special GIR 0AA.
 */
const FULL = /^(GIR ?0AA|[A-PR-UWYZ](\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRV-Y]?) ?\d[ABD-HJLNP-UW-Z]{2})$/;
const OUTWARD = /^(GIR|[A-PR-UWYZ](\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRV-Y]?))$/;

function compact(value: string): string {
  return value.toUpperCase().replace(/\s+/g, '');
}

export function isUkPostcode(value: string): boolean {
  return FULL.test(compact(value));
}

export function isOutwardCode(value: string): boolean {
  return OUTWARD.test(compact(value));
}

/** "ws11tp" -> "WS1 1TP"; undefined when it is not a full UK postcode. */
export function normalisePostcode(value: string): string | undefined {
  const text = compact(value);
  if (!FULL.test(text)) return undefined;
  return `${text.slice(0, -3)} ${text.slice(-3)}`;
}

/** The outward code ("WS1") of a full postcode or of an outward code on its own. */
export function outwardCodeOf(value: string): string | undefined {
  const text = compact(value);
  if (FULL.test(text)) return text.slice(0, -3);
  return OUTWARD.test(text) ? text : undefined;
}
