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
    const existing = Object.keys(this.headers).find((n) => n.toLowerCase() === name.toLowerCase());
    if (existing) delete this.headers[existing];
    this.headers[name] = value;
    return this;
  }

  getHeader(name: string): string | undefined {
    const wanted = name.toLowerCase();
    for (const key in this.headers) if (key.length === wanted.length && key.toLowerCase() === wanted) return this.headers[key];
    return undefined;
  }
}

export function isRestResponse(value: unknown): value is RestResponse {
  return value instanceof RestResponse;
}
