import { sanitizeValue, validateValue } from '../../core/rest/schema';

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
