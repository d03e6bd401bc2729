import type { Method, RouteDescription } from '../rest/server';
import type { PathParameter } from './paths';
import { argToJsonSchema, argsToObjectSchema } from './schema';
import type { JsonSchema, OperationFacts } from './types';
import { WP_BASIC } from './wordpress';

const BODY_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH']);
const JSON_AND_FORM = ['application/json', 'application/x-www-form-urlencoded'] as const;

/** What an operation is built from: its route's endpoint, its path, and the namespace's facts. */
export interface OperationInput {
  method: Method;
  template: string;
  pathParameters: PathParameter[];
  endpoint: RouteDescription['endpoints'][number];
  facts: OperationFacts;
  /** `$ref` of the namespace's error schema. */
  errorRef: JsonSchema;
  /** The namespace's security when the operation declares none and WordPress does not guard it. */
  namespaceSecurity: Record<string, string[]>[] | undefined;
  tag: string;
  /** Puts a schema in the document's components and gives the `$ref` to it (a body shared by JSON and form). */
  component(name: string, schema: JsonSchema): JsonSchema;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad request: missing or invalid parameters',
  401: 'Not authenticated (or the credentials were refused)', 403: 'Not allowed for this user', 404: 'Not found',
};

function operationId(method: string, template: string): string {
  return `${method.toLowerCase()}${template.replace(/^\/wp-json/, '').replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, '')}`;
}

function responsesOf(input: OperationInput): Record<string, unknown> {
  const { endpoint, facts, errorRef, pathParameters } = input;
  const error = (status: number | 'default') => ({
    description: status === 'default' ? 'Any other error, in the namespace\'s error envelope' : STATUS_TEXT[status] ?? 'Error',
    content: { 'application/json': { schema: errorRef } },
  });
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(facts.responses ?? {})) {
    const code = Number(status);
    responses[status] = {
      description: response.description ?? STATUS_TEXT[code] ?? 'Response',
      ...(response.schema === null
        ? {}
        : { content: { [response.contentType ?? 'application/json']: { schema: response.schema, ...(response.example !== undefined ? { example: response.example } : {}) } } }),
    };
  }
  // A route whose namespace declared no answer for it: any JSON, said so (the range key keeps error statuses to the envelope).
  if (Object.keys(responses).every((status) => Number(status) >= 300)) {
    responses['2XX'] = { description: 'Success (the namespace declares no schema for it: any JSON)', content: { 'application/json': { schema: {} } } };
  }
  const errors: number[] = [];
  if (Object.keys(endpoint.args).length > 0 || BODY_METHODS.has(input.method)) errors.push(400);
  if (endpoint.guarded || facts.security || input.namespaceSecurity) errors.push(401, 403);
  if (pathParameters.length > 0) errors.push(404);
  for (const status of errors) if (!(status in responses)) responses[status] = error(status);
  responses.default = error('default');
  return responses;
}

/** One OpenAPI operation for a method of a registered route. */
export function buildOperation(input: OperationInput): Record<string, unknown> {
  const { method, template, pathParameters, endpoint, facts } = input;
  const inPath = new Set(pathParameters.map((p) => p.name));
  const parameters: Record<string, unknown>[] = pathParameters.map((p) => ({ name: p.name, in: 'path', required: true, schema: { type: 'string', pattern: p.pattern } }));
  const bodyArgs = Object.fromEntries(Object.entries(endpoint.args).filter(([name]) => !inPath.has(name)));
  let requestBody: Record<string, unknown> | undefined;
  // A DELETE has a body only when the namespace declares one (pkmnapi's delete code).
  if (BODY_METHODS.has(method) || (method === 'DELETE' && facts.requestSchema)) {
    if (Object.keys(bodyArgs).length > 0 || facts.requestSchema) {
      const own = Object.keys(bodyArgs).length > 0 || !facts.requestSchema ? argsToObjectSchema(bodyArgs) : facts.requestSchema;
      const types = facts.requestMediaTypes ?? JSON_AND_FORM;
      // One copy of a body schema that both media types use.
      const schema = types.length > 1 ? input.component(`${operationId(method, template)}_body`, own) : own;
      const content: Record<string, unknown> = {};
      for (const type of types) content[type] = { schema, ...(facts.requestExample ? { example: facts.requestExample } : {}) };
      requestBody = { required: (own.required as unknown[] | undefined)?.length ? true : false, content };
    }
  } else {
    for (const [name, arg] of Object.entries(bodyArgs)) {
      parameters.push({ name, in: 'query', required: arg.required === true, schema: argToJsonSchema(arg), ...(arg.description ? { description: arg.description } : {}) });
    }
  }
  parameters.push(...(facts.parameters ?? []));
  const security = facts.security ?? (endpoint.guarded ? [{ [WP_BASIC]: [] }] : input.namespaceSecurity);
  return {
    operationId: operationId(method, template),
    tags: [input.tag],
    ...(facts.summary ? { summary: facts.summary } : {}),
    ...(facts.description ? { description: facts.description } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: responsesOf(input),
    ...(security ? { security } : {}),
  };
}
