// Loaded by Node's own require (not jest's per-file module registry, see response-check.ts), so this
// object lives once per jest worker: the Ajv instance, the compiled validators and the generated
// documents are shared by every test file the worker runs; `components` maps each document's components
// (as JSON) to the id they were added to Ajv under.
module.exports = { ajv: null, compiled: new Map(), documents: new Map(), components: new Map() };
