import fc from 'fast-check';
import { codePointLength, sanitizeValue, validateValue } from '../../core/rest/schema';
import { binaryUnit } from '../arbitraries';

describe('arg schema validation', () => {
  it('patterns keep their meaning when a leading or trailing .* is dropped', () => {
    const name = { type: 'string' as const, pattern: '.*\\S.*' };
    expect(validateValue('   ', name, 'name')?.code).toBe('rest_invalid_pattern');
    expect(validateValue(' x ', name, 'name')).toBeNull();
    expect(validateValue('ab', { type: 'string', pattern: '^a.*' }, 'p')).toBeNull();
    expect(validateValue('ba', { type: 'string', pattern: '^a.*' }, 'p')?.code).toBe('rest_invalid_pattern');
    expect(validateValue('a.', { type: 'string', pattern: 'a\\.*' }, 'p')).toBeNull();
    expect(validateValue('xb', { type: 'string', pattern: '.*?b' }, 'p')).toBeNull();
    expect(validateValue('xc', { type: 'string', pattern: '.*?b' }, 'p')?.code).toBe('rest_invalid_pattern');
  });

  it('long adversarial strings are answered, not backtracked on: 200,000 spaces against .*\\S.*', () => {
    expect(validateValue(' '.repeat(200_000), { type: 'string', pattern: '.*\\S.*' }, 'name')?.code).toBe('rest_invalid_pattern');
  });

  it('numbers: long digit runs with a bad tail are rejected, valid forms accepted', () => {
    expect(validateValue('1'.repeat(100_000) + 'x', { type: 'integer' }, 'n')?.code).toBe('rest_invalid_type');
    for (const ok of ['5', '+8', '-3', ' 7 ', '1.', '.5', '1e3']) expect(validateValue(ok, { type: 'number' }, 'n')).toBeNull();
    expect(validateValue('1.5', { type: 'integer' }, 'n')?.code).toBe('rest_invalid_type');
    expect(sanitizeValue('+8', { type: 'integer' })).toBe(8);
  });

  it('e-mail: valid addresses pass, long adversarial ones fail', () => {
    expect(validateValue('someone@example.com', { type: 'string', format: 'email' }, 'e')).toBeNull();
    expect(validateValue('x@' + 'a.'.repeat(100_000), { type: 'string', format: 'email' }, 'e')?.code).toBe('rest_invalid_email');
    expect(validateValue('no-at-sign.example', { type: 'string', format: 'email' }, 'e')?.code).toBe('rest_invalid_email');
  });
});

describe('string lengths (minLength, maxLength)', () => {
  it('count code points as [...s] does: a surrogate pair is one, a lone surrogate is one', () => {
    const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
    fc.assert(
      fc.property(fc.array(fc.oneof(binaryUnit, loneSurrogate), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(codePointLength(s)).toBe([...s].length);
      }),
    );
    expect(codePointLength('\ud83d\ude00')).toBe(1);
    expect(codePointLength('\ude00\ud83d')).toBe(2);
    expect(codePointLength('a\ud83d')).toBe(2);
  });

  it('minLength and maxLength count an emoji as one character, as WordPress (mb_strlen) does', () => {
    const two = { type: 'string' as const, minLength: 2, maxLength: 2 };
    expect(validateValue('\ud83d\ude00', two, 'p')?.code).toBe('rest_too_short');
    expect(validateValue('\ud83d\ude00x', two, 'p')).toBeNull();
    expect(validateValue('\ud83d\ude00xy', two, 'p')?.code).toBe('rest_too_long');
  });
});
