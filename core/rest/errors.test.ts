import { WpError, wpErrors } from './errors';

/** WP_Error as an answer: code, message and data; no stack captured (it is never shown), other errors keep theirs. */
describe('WpError', () => {
  it('carries WordPress\'s envelope and is an Error', () => {
    const error = wpErrors.forbidden(false);
    expect(error).toBeInstanceOf(Error);
    expect(error.toJSON()).toEqual({ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 401 } });
    expect(error.status).toBe(401);
  });

  it('captures no stack frames, and leaves the stack trace limit as it was for other errors', () => {
    const before = Error.stackTraceLimit;
    const error = new WpError('x', 'An answer.', { status: 400 });
    expect(error.stack).toBe('WpError: An answer.');
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('a fault').stack).toMatch(/\n\s+at /);
  });
});
