// Lints Dockerfiles with dockerfile-utils (the validator of the Docker language server used by
// VS Code): syntax, instruction arguments, and its warnings treated as errors. Usage:
// node lint-dockerfile.mjs Dockerfile... Prints "FILE:LINE:COLUMN: message"; exits 1 on any.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const { validate } = require("dockerfile-utils");

let problems = 0;
for (const file of process.argv.slice(2)) {
  // Every rule at "warning" or stricter; a deprecated MAINTAINER and the like are errors here.
  const settings = { deprecatedMaintainer: 1, directiveCasing: 1, emptyContinuationLine: 1, instructionCasing: 1,
    instructionCmdMultiple: 1, instructionEntrypointMultiple: 1, instructionHealthcheckMultiple: 1,
    instructionJSONInSingleQuotes: 1, instructionWorkdirRelative: 1 };
  for (const d of validate(readFileSync(file, "utf8"), settings)) {
    console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
    problems++;
  }
}
process.exit(problems ? 1 : 0);
