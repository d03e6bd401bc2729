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

describe("the order and the values of WordPress 6.8's checks (each case answered the same by the wp-oracle's rest_validate_value_from_schema)", () => {
  const code = (value: unknown, schema: Parameters<typeof validateValue>[1]) => {
    const error = validateValue(value, schema, 'p');
    return error === null ? null : ((error.data as { details?: { p?: { code: string } } }).details?.p?.code ?? error.code);
  };

  it("an integer is checked as a number first: '.5' below a minimum of 1 is out of bounds, '1.5' within bounds is not an integer", () => {
    const bounded = { type: 'integer' as const, minimum: 1, maximum: 100 };
    expect(code('.5', bounded)).toBe('rest_out_of_bounds');
    expect(code('1.5', bounded)).toBe('rest_invalid_type');
    expect(code('x', bounded)).toBe('rest_invalid_type');
    expect(code('1e3', bounded)).toBe('rest_out_of_bounds');
    expect(code('5.', bounded)).toBeNull();
  });

  it("'' is neither a boolean nor null (rest_is_boolean, is_null), but is an empty string for ['string', 'null']", () => {
    expect(code('', { type: 'boolean' })).toBe('rest_invalid_type');
    expect(code('', { type: 'null' })).toBe('rest_invalid_type');
    expect(code('', { type: ['boolean', 'null'] })).toBe('rest_invalid_type');
    expect(code('', { type: ['string', 'null'] })).toBeNull();
    expect(code('TRUE', { type: 'boolean' })).toBeNull();
  });

  it("the enum is checked after the type's own checks, the format after the enum", () => {
    expect(code('not-an-address', { type: 'string', format: 'email', enum: ['a@example.com'] })).toBe('rest_not_in_enum');
    expect(code('bad', { type: 'string', format: 'email', enum: ['bad'] })).toBe('rest_invalid_email');
    expect(code('b@example.com', { type: 'string', format: 'email', enum: ['a@example.com'] })).toBe('rest_not_in_enum');
    expect(code('500', { type: 'integer', maximum: 10, enum: [1, 2] })).toBe('rest_out_of_bounds');
  });
});

describe('arrays and objects as PHP decodes JSON (into arrays) and WordPress 6.8 checks them (each case answered the same by the wp-oracle)', () => {
  const verdict = (value: unknown, schema: Parameters<typeof validateValue>[1]) => {
    const error = validateValue(value, schema, 'p');
    if (error === null) return ['ok', sanitizeValue(value, schema)];
    const detail = (error.data as { details?: { p?: { code: string; message: string } } }).details?.p;
    return detail ? [detail.code, detail.message] : [error.code, error.message];
  };
  const list = { type: 'array' as const, items: { type: 'integer' as const }, minItems: 1 };

  it('an array: a scalar is a list once parsed, an object is one only when every key is numeric', () => {
    expect(verdict(2, list)).toEqual(['ok', [2]]);
    expect(verdict(true, list)).toEqual(['ok', [1]]);
    expect(verdict({ 0: 5, 1: 6 }, list)).toEqual(['ok', [5, 6]]);
    expect(verdict({ a: 1 }, list)).toEqual(['rest_invalid_type', 'p is not of type array.']);
    expect(verdict({}, list)).toEqual(['rest_too_few_items', 'p must contain at least 1 item.']);
    expect(verdict([], { ...list, minItems: 2 })).toEqual(['rest_too_few_items', 'p must contain at least 2 items.']);
  });

  it('an object: a JSON list is one too (keyed 0, 1, ...), required properties first, and additionalProperties: false drops nothing it let through', () => {
    expect(verdict(['x'], { type: 'object', properties: { b: { type: 'string', required: true } } })).toEqual(['rest_property_required', 'b is a required property of p.']);
    const closed = { type: 'object' as const, properties: { a: { type: 'integer' as const } }, additionalProperties: false };
    expect(verdict({ a: '5', z: 1 }, closed)).toEqual(['rest_additional_properties_forbidden', 'z is not a valid property of Object.']);
    expect(verdict({ a: '5' }, closed)).toEqual(['ok', { a: 5 }]);
    expect(verdict(['x', 1], { type: 'object' })).toEqual(['ok', ['x', 1]]);
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
