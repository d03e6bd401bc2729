// Loaded by Node's own require (by tests/environment.js, not through jest's per-file module registry,
// see response-check.ts), so this object lives once per jest worker: the Ajv instance, the compiled
// validators and the generated documents are shared by every test file the worker runs; `components`
// maps each document's components (as JSON) to the id they were added to Ajv under. Ajv is loaded here,
// with this module's (Node's) require, on first use.
let ajv = null;
module.exports = {
  get ajv() {
    if (!ajv) {
      const Ajv2020 = require('ajv/dist/2020').default;
      ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
    }
    return ajv;
  },
  compiled: new Map(),
  documents: new Map(),
  components: new Map(),
};
