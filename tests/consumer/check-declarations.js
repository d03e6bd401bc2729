// The consumer check's strict type check (tests/consumer/consumer.test.ts), run in the consumer's
// `types/` directory (a CommonJS project): the files named on the command line compiled as
//   tsc --noEmit --strict --module node16 --moduleResolution node16 --target es2022 --types node <files>
// would compile them, without skipLibCheck for what this package publishes. node16: the package is
// resolved through its `exports` map as Node does, and a declaration of ours that imported an
// ES-module-only package's types would be an error here (TS1541); the ts-jest check covers the
// older `node` (node10) resolution that ts-jest's defaults use.
//
// What gets the full (semantic) check: the consumer's own files and every declaration file of this
// package that the program reaches (node_modules/wp-token-emulator/dist/**/*.d.ts, as npm installed
// it), exactly as a consumer without skipLibCheck checks them. What does not: the insides of other
// packages' declarations (Node.js's, Express's, supertest's) and TypeScript's own lib files. They are
// loaded, and every type of theirs that our declarations or the consumer's file use is resolved and
// checked where it is used; checking their own bodies is their packages' business and was ~2/3 of
// the tsc run's CPU (docs/performance.md, "Test time"). Option, global and syntax errors are
// reported for every file, as tsc reports them. Prints how many of our declarations were checked.
'use strict';
const path = require('node:path');

const ts = require(require.resolve('typescript', { paths: [process.cwd()] }));
const options = { noEmit: true, strict: true, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, target: ts.ScriptTarget.ES2022, types: ['node'] };
const program = ts.createProgram(process.argv.slice(2), options);
const ours = `${path.sep}node_modules${path.sep}wp-token-emulator${path.sep}`;
const fullyChecked = program
  .getSourceFiles()
  .filter((file) => !program.isSourceFileDefaultLibrary(file) && (!file.fileName.includes('/node_modules/') || path.resolve(file.fileName).includes(ours)));
const diagnostics = [
  ...program.getOptionsDiagnostics(),
  ...program.getGlobalDiagnostics(),
  ...program.getSyntacticDiagnostics(),
  ...fullyChecked.flatMap((file) => program.getSemanticDiagnostics(file)),
];
const declarations = fullyChecked.filter((file) => file.isDeclarationFile).length;
process.stdout.write(`${fullyChecked.length} files fully checked, ${declarations} of them this package's declarations\n`);
if (diagnostics.length > 0) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' };
  process.stdout.write(ts.formatDiagnostics(diagnostics, host));
  process.exitCode = 2;
}
