import { CliError, checkedArgs } from '../../core/cli';
import { checkArgs, documentProblems, invalidParam, paramProblems, type Args } from '../../core/validation';

/** The one validation mechanism: route args, other parameter objects (faults, journal filters), documents (fixtures). */
describe('checkArgs: parameters against declared args, as a route checks them', () => {
  const args: Args = {
    status: { type: 'integer', minimum: 200, maximum: 599 },
    path: { type: 'string', required: true },
    times: { type: 'integer', minimum: 1, default: 1 },
  };

  it('coerces valid values and fills defaults', () => {
    expect(checkArgs(args, { status: '503', path: '/x' })).toEqual({ ok: true, values: { status: 503, path: '/x', times: 1 } });
  });

  it('missing required args come first, as rest_missing_callback_param', () => {
    const result = checkArgs(args, { status: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.toJSON()).toEqual({ code: 'rest_missing_callback_param', message: 'Missing parameter(s): path', data: { status: 400, params: ['path'] } });
  });

  it('every invalid arg in one rest_invalid_param, WordPress-shaped', () => {
    const result = checkArgs(args, { status: 700, path: 5, times: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('rest_invalid_param');
    expect(result.error.message).toBe('Invalid parameter(s): status, path, times');
    expect(result.error.data.params).toEqual({ status: 'status must be between 200 (inclusive) and 599 (inclusive)', path: 'path is not of type string.', times: 'times must be greater than or equal to 1' });
  });

  it('reads own properties only', () => {
    const source = Object.create({ path: '/inherited' }) as Record<string, unknown>;
    expect(checkArgs(args, source).ok).toBe(false);
  });

  it('paramProblems names each parameter of a failure with its message, for callers that throw their own error', () => {
    const invalid = checkArgs(args, { status: 700, path: 5 });
    const missing = checkArgs(args, {});
    expect(invalid.ok || paramProblems(invalid.error)).toEqual([
      { path: 'status', message: 'status must be between 200 (inclusive) and 599 (inclusive)' },
      { path: 'path', message: 'path is not of type string.' },
    ]);
    expect(missing.ok || paramProblems(missing.error)).toEqual([{ path: 'path', message: 'Missing parameter(s): path' }]);
  });

  it('invalidParam is the one-parameter form', () => {
    expect(invalidParam('set', 'set must be a time.').toJSON()).toEqual({
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): set',
      data: { status: 400, params: { set: 'set must be a time.' }, details: { set: { code: 'rest_invalid_param', message: 'set must be a time.', data: null } } },
    });
  });
});

describe('documentProblems: every problem of a JSON document, with its path', () => {
  const schema = {
    type: 'object' as const,
    additionalProperties: false,
    properties: {
      tokens: {
        type: 'array' as const,
        items: {
          type: 'object' as const,
          additionalProperties: false,
          properties: {
            name: { type: 'string' as const, required: true, minLength: 1 },
            expiredTime: { type: 'integer' as const, minimum: 0 },
            uuid: { type: 'string' as const, format: 'uuid' as const },
          },
        },
      },
    },
  };

  it('a valid document has none', () => {
    expect(documentProblems({ tokens: [{ name: 'a', expiredTime: 0 }] }, schema, 'acme')).toEqual([]);
  });

  it('JSON types as they are: "5" is not an integer', () => {
    expect(documentProblems({ tokens: [{ name: 'a', expiredTime: '5' }] }, schema, 'acme')).toEqual([{ path: 'acme.tokens[0].expiredTime', message: 'must be an integer >= 0' }]);
  });

  it('names each problem: unknown keys, missing fields, bounds, formats, wrong item types', () => {
    const problems = documentProblems({ tokens: [{ extra: 1, expiredTime: -1, uuid: 'x' }, { name: '' }, 5], other: true }, schema, 'acme');
    expect(problems).toEqual([
      { path: 'acme.other', message: 'unknown key (allowed: tokens)' },
      { path: 'acme.tokens[0].extra', message: 'unknown key (allowed: name, expiredTime, uuid)' },
      { path: 'acme.tokens[0].name', message: 'is required' },
      { path: 'acme.tokens[0].expiredTime', message: 'must be an integer >= 0' },
      { path: 'acme.tokens[0].uuid', message: 'must be a UUID' },
      { path: 'acme.tokens[1].name', message: 'must be a non-empty string' },
      { path: 'acme.tokens[2]', message: 'must be an object' },
    ]);
  });

  it("a level's validate runs once its schema passes", () => {
    const even = { type: 'integer' as const, validate: (v: unknown) => (Number(v) % 2 === 0 ? (true as const) : 'must be even') };
    expect(documentProblems(3, even, 'n')).toEqual([{ path: 'n', message: 'must be even' }]);
    expect(documentProblems('3', even, 'n')).toEqual([{ path: 'n', message: 'must be an integer' }]);
  });
});

describe('documentProblems: bounds said from the value', () => {
  it('below the minimum and above the maximum', () => {
    const schema = { type: 'integer' as const, minimum: 1, maximum: 10 };
    expect(documentProblems(0, schema, 'n')).toEqual([{ path: 'n', message: 'must be an integer >= 1' }]);
    expect(documentProblems(11, schema, 'n')).toEqual([{ path: 'n', message: 'must be at most 10' }]);
    expect(documentProblems(1, { type: 'number' as const, minimum: 1, exclusiveMinimum: true }, 'x')).toEqual([{ path: 'x', message: 'must be a number > 1' }]);
  });
});

describe('checkedArgs: a command\'s arguments by the same mechanism', () => {
  const args = { n: { type: 'integer' as const, required: true, maximum: 3 }, mode: { type: 'string' as const, enum: ['a', 'b'], default: 'a' } };
  it('gives coerced values with defaults, or a CliError naming each problem', () => {
    expect(checkedArgs(args, { n: '2' })).toEqual({ n: 2, mode: 'a' });
    expect(() => checkedArgs(args, {})).toThrow(new CliError('Missing parameter(s): n'));
    expect(() => checkedArgs(args, { n: 9, mode: 'c' })).toThrow(new CliError('n must be less than or equal to 3 mode is not one of a and b.'));
  });
});
