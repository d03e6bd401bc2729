// Validates OpenAPI documents with an independent validator (@seriousme/openapi-schema-validator,
// the OpenAPI Initiative's JSON schemas): `node validate-documents.mjs a.json b.json ...` prints one
// JSON line per file: {file, valid, version, errors}.
import { Validator } from '@seriousme/openapi-schema-validator';

const validator = new Validator(); // compiles the 3.1 schema once; each validate() reads its file anew
for (const file of process.argv.slice(2)) {
  const result = await validator.validate(file);
  console.log(JSON.stringify({ file, valid: result.valid, version: validator.version, errors: result.valid ? [] : result.errors }));
}
