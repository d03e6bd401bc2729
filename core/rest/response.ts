/** The name under which `headers` holds `name`, compared case-insensitively (HTTP header names), or undefined. */
export function headerKey(headers: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  // (The length test first: no lower-cased copy of every other header's name.)
  for (const key in headers) if (key.length === wanted.length && key.toLowerCase() === wanted) return key;
  return undefined;
}

/** A REST response: status, headers and data. `data === null` sends no body (WordPress does the same for 204). */
export class RestResponse {
  readonly headers: Record<string, string> = {};

  constructor(
    public data: unknown = null,
    public status = 200,
    headers: Record<string, string> = {},
  ) {
    for (const [name, value] of Object.entries(headers)) this.header(name, value);
  }

  /** Sets a header; names are kept as given (WordPress spelling) and compared case-insensitively. */
  header(name: string, value: string): this {
    const existing = headerKey(this.headers, name);
    if (existing !== undefined) delete this.headers[existing];
    this.headers[name] = value;
    return this;
  }

  getHeader(name: string): string | undefined {
    const key = headerKey(this.headers, name);
    return key === undefined ? undefined : this.headers[key];
  }
}

export function isRestResponse(value: unknown): value is RestResponse {
  return value instanceof RestResponse;
}
