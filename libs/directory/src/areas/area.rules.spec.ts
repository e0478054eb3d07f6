import { describe, expect, it } from '@jest/globals';
import { assertAreaCode, assertParentKind } from './area.rules.js';

describe('area rules', () => {
  it('fits each kind under the right parent', () => {
    expect(() => assertParentKind('REGION', null, 'f')).not.toThrow();
    expect(() => assertParentKind('LOCAL_AUTHORITY', 'REGION', 'f')).not.toThrow();
    expect(() => assertParentKind('WARD', 'LOCALITY', 'f')).not.toThrow();
    expect(() => assertParentKind('WARD', 'LOCAL_AUTHORITY', 'f')).not.toThrow();
    expect(() => assertParentKind('LOCALITY', 'WARD', 'f')).toThrow('must sit under a LOCAL_AUTHORITY');
    expect(() => assertParentKind('REGION', 'REGION', 'f')).toThrow('no parent');
  });

  it('checks ONS codes by kind', () => {
    expect(() => assertAreaCode('LOCAL_AUTHORITY', 'E08000030', 'f')).not.toThrow();
    expect(() => assertAreaCode('LOCAL_AUTHORITY', null, 'f')).toThrow('is required');
    expect(() => assertAreaCode('WARD', 'E08000030', 'f')).toThrow('not a valid code');
    expect(() => assertAreaCode('WARD', undefined, 'f')).not.toThrow();
    expect(() => assertAreaCode('LOCALITY', 'WAL-NORTH', 'f')).not.toThrow();
  });
});
