/**
 * WordPress's WP_Error as the REST API shows it: `{code, message, data: {status, ...}}`.
 * The one error type of the WordPress layer; vendor namespaces answer in their own envelopes.
 */
export class WpError extends Error {
  readonly data: { status: number; [key: string]: unknown };

  constructor(
    readonly code: string,
    message: string,
    data: { status: number; [key: string]: unknown },
  ) {
    // An answer, not a fault: its stack is never shown or logged (the pipeline sends no stack trace),
    // so none is captured (capturing one was most of what a refused request cost beyond a good one).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'WpError';
    this.data = data;
  }

  get status(): number {
    return this.data.status;
  }

  toJSON(): { code: string; message: string; data: Record<string, unknown> } {
    return { code: this.code, message: this.message, data: this.data };
  }
}

export function isWpError(value: unknown): value is WpError {
  return value instanceof WpError;
}

/** The errors the core itself raises, with WordPress's codes and messages. */
export const wpErrors = {
  noRoute: () => new WpError('rest_no_route', 'No route was found matching the URL and request method.', { status: 404 }),
  invalidJson: (code: number, message: string) =>
    new WpError('rest_invalid_json', 'Invalid JSON body passed.', { status: 400, json_error_code: code, json_error_message: message }),
  forbidden: (loggedIn: boolean) => new WpError('rest_forbidden', 'Sorry, you are not allowed to do that.', { status: loggedIn ? 403 : 401 }),
  notLoggedIn: () => new WpError('rest_not_logged_in', 'You are not currently logged in.', { status: 401 }),
  tooLarge: (limit: number) => new WpError('rest_request_too_large', `The request body is larger than the limit of ${limit} bytes.`, { status: 413 }),
  badRequestBody: (why: string) => new WpError('rest_invalid_request', why, { status: 400 }),
  internal: () =>
    new WpError('internal_server_error', '<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p>', {
      status: 500,
    }),
  storeUnavailable: () =>
    new WpError('rest_store_unavailable', 'The change could not be saved yet: the store cannot be written right now. Nothing was half-written; the change is kept in memory and written with the next successful save, so check whether it took effect before retrying.', { status: 503 }),
  tooManyAttempts: (retryAfter: number) =>
    new WpError('rest_too_many_login_attempts', `Too many failed login attempts. Try again in ${retryAfter} seconds.`, { status: 429 }),
};
