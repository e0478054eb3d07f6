import { badInput } from '@cohesion/common';
import type { AreaKindValue } from './area.entity.js';

/** Which kind of area may sit directly under which. */
const ALLOWED_PARENTS: Record<AreaKindValue, (AreaKindValue | null)[]> = {
  REGION: [null],
  LOCAL_AUTHORITY: ['REGION'],
  LOCALITY: ['LOCAL_AUTHORITY'],
  WARD: ['LOCAL_AUTHORITY', 'LOCALITY'],
};

/** ONS GSS code prefixes by kind (England, Wales, Scotland, Northern Ireland). */
const CODE_PATTERNS: Record<AreaKindValue, { pattern: RegExp; example: string; required: boolean }> = {
  REGION: { pattern: /^(E12|E92|W92|S92|N92)\d{6}$/, example: 'E12000005', required: false },
  LOCAL_AUTHORITY: { pattern: /^(E06|E07|E08|E09|W06|S12|N09)\d{6}$/, example: 'E08000030', required: true },
  LOCALITY: { pattern: /^[A-Z0-9][A-Z0-9-]{0,19}$/, example: 'WAL-NORTH', required: false },
  WARD: { pattern: /^(E05|W05|S13|N08)\d{6}$/, example: 'E05001131', required: false },
};

export function assertParentKind(kind: AreaKindValue, parentKind: AreaKindValue | null, field: string): void {
  const allowed = ALLOWED_PARENTS[kind];
  if (!allowed.includes(parentKind)) {
    const expected = allowed.map((value) => (value === null ? 'no parent' : `a ${value}`)).join(' or ');
    throw badInput(field, `a ${kind} must sit under ${expected}`);
  }
}

export function assertAreaCode(kind: AreaKindValue, code: string | null | undefined, field: string): void {
  const rule = CODE_PATTERNS[kind];
  if (code === null || code === undefined || code === '') {
    if (rule.required) throw badInput(field, `is required for a ${kind} (its ONS code, e.g. ${rule.example})`);
    return;
  }
  if (!rule.pattern.test(code)) throw badInput(field, `is not a valid code for a ${kind} (e.g. ${rule.example})`);
}
