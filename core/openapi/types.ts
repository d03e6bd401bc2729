/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it). */
export type JsonSchema = { [keyword: string]: unknown };

/** One response of an operation, as a namespace declares it. */
export interface ResponseFacts {
  description?: string;
  /** The body's schema; null: no body (204). */
  schema: JsonSchema | null;
  /** Default `application/json`. */
  contentType?: string;
  example?: unknown;
}

/** What the routes cannot say about one operation (`'POST /access-token'`, path relative to the namespace, `{name}` templates). */
export interface OperationFacts {
  summary?: string;
  description?: string;
  /** Answers other than the error envelope, by status (`200`, `201`; an error status here replaces the envelope for it). */
  responses?: Record<number, ResponseFacts>;
  /** Alternatives of security schemes (OpenAPI's security requirement list); absent: the namespace's default. */
  security?: Record<string, string[]>[];
  /** The request body's schema when the handler reads the body itself (declared args, when there are any, win). */
  requestSchema?: JsonSchema;
  /** A request body example (from the vendor's documents). */
  requestExample?: Record<string, unknown>;
  /** The body's media types when the route reads only some (default: JSON and form). */
  requestMediaTypes?: readonly string[];
  /** Extra parameters the handler reads itself (headers such as `access_token`). */
  parameters?: Record<string, unknown>[];
}

/** What NamespaceModule.openapi holds: the facts, or the facts of the profile in force (read from the site's settings). */
export type NamespaceOpenApiSource = NamespaceOpenApi | ((settings: Readonly<Record<string, unknown>>) => NamespaceOpenApi);

/** A namespace's extra OpenAPI facts, declared once in its module (NamespaceModule.openapi). */
export interface NamespaceOpenApi {
  /** One line for the document's title and the tag. */
  title?: string;
  description?: string;
  /** The vendor's token schemes (OpenAPI securitySchemes), by name. */
  securitySchemes?: Record<string, Record<string, unknown>>;
  /** Security of the namespace's operations that declare none and have no WordPress permission check. */
  security?: Record<string, string[]>[];
  /** The vendor's error envelope; absent: WordPress's. */
  errorSchema?: JsonSchema;
  operations?: Record<string, OperationFacts>;
}
