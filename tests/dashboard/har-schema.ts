/**
 * The HAR 1.2 validator the tests use: the HAR 1.2 JSON schema (har-schema) compiled by Ajv 8 with
 * its formats (date-time, uri, ipv4/6), so an archive is checked field by field as the spec has it.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas: Record<string, object> = require('har-schema');

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addMetaSchema(draft06);
for (const schema of Object.values(schemas)) ajv.addSchema(schema);
const validate = ajv.getSchema('har.json#')!;

/** The schema's errors for a HAR document (empty: valid HAR 1.2). */
export function harErrors(har: unknown): string[] {
  return validate(har) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
