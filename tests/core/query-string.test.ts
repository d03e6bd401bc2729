import fc from 'fast-check';
import request from 'supertest';
import { parsePhpQuery, phpUrlDecode } from '../../core/query-string';
import { asAdmin, standardApp } from '../helpers';

/*
 * Query strings and form bodies as PHP fills $_GET / $_POST from them. Every expected value below is
 * what PHP 8.2's parse_str() gave for the same text (the wp-oracle's PHP); 2,000 generated query
 * strings gave the same result as parse_str() when this was written (tests/conformance/README.md).
 */
describe('parsePhpQuery', () => {
  it.each([
    ['a=1&a=2', { a: '2' }], // the last wins (qs made an array)
    ['a.b=1&c d=2&e+f=3', { a_b: '1', c_d: '2', e_f: '3' }],
    ['a[b][c=1', { a: { b: '1' } }],
    ['a[b]c=1', { a: { b: '1' } }],
    ['a[b=1', { a_b: '1' }],
    ['a[ b]=1', { a: { ' b': '1' } }],
    ['a[ ]=1', { a: ['1'] }],
    ['a[]=1&a[5]=2&a[]=3', { a: { 0: '1', 5: '2', 6: '3' } }],
    ['a=1&a[b]=2', { a: { b: '2' } }],
    ['a[b]=1&a=2', { a: '2' }],
    [' a=1', { a: '1' }],
    ['a%00b=1', { a: '1' }],
    ['a.b[c.d]=1', { a_b: { 'c.d': '1' } }],
    ['a[b.c[d]=1', { a: { 'b.c[d': '1' } }],
    ['[a]=1&=2', {}],
    ['a]=1', { 'a]': '1' }],
    ['%=1&a=%zz%41', { '%': '1', a: '%zzA' }],
    ['a=1=2&&b', { a: '1=2', b: '' }],
    ['__proto__[x]=1', { ['__proto__']: { x: '1' } }],
  ])('%j', (text, expected) => {
    const parsed = parsePhpQuery(text);
    expect(parsed).toEqual(expected);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('stops at 64 levels of brackets and 1,000 variables, as PHP does by default', () => {
    expect(parsePhpQuery('a' + '[b]'.repeat(64) + '=1')).not.toEqual({});
    expect(parsePhpQuery('a' + '[b]'.repeat(65) + '=1')).toEqual({});
    const many = Array.from({ length: 1200 }, (_, i) => `v${i}=1`).join('&');
    expect(Object.keys(parsePhpQuery(many))).toHaveLength(1000);
  });

  it("urldecode: '+' is a space, a '%' without two hex digits stays, and any text decodes without throwing", () => {
    expect(phpUrlDecode('a+b%20c%2')).toBe('a b c%2');
    fc.assert(fc.property(fc.string(), (s) => typeof phpUrlDecode(s) === 'string' && typeof parsePhpQuery(s) === 'object'));
  });
});

describe('a REST request reads its query string as PHP does', () => {
  it('the last of two per_page values counts (an array before, refused as "not of type integer")', async () => {
    const emu = await standardApp();
    try {
      const res = await request(emu.app).get('/wp-json/wp/v2/users?per_page=5&per_page=1').set('Authorization', asAdmin);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(1);
      expect(res.headers['x-wp-totalpages']).toBe(String(Number(res.headers['x-wp-total'])));
    } finally {
      await emu.close();
    }
  });
});
