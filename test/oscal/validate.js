#!/usr/bin/env node
// Validate JSON documents against a JSON Schema (draft-07), e.g. NIST's OSCAL
// SSP schema.  Usage: node validate.js SCHEMA FILE...
// Prints "valid: FILE" or the errors (instancePath + message, at most 20 per
// file); exits 1 if any file is invalid or unreadable, 2 on usage errors.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');            // default class: draft-07, as OSCAL uses
const addFormats = require('ajv-formats');

const MAX_ERRORS = 20;

function readJson(path) {
  return JSON.parse(fs.readFileSync(path, 'utf8'));
}

function main(argv) {
  if (argv.length < 2) {
    console.error('usage: node validate.js SCHEMA FILE...');
    return 2;
  }
  const [schemaPath, ...files] = argv;
  let validate;
  try {
    // unicodeRegExp stays on (the default): OSCAL token patterns use \p{L}.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(readJson(schemaPath));
  } catch (e) {
    console.error(`cannot compile schema ${schemaPath}: ${e.message}`);
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let doc;
    try {
      doc = readJson(file);
    } catch (e) {
      console.log(`invalid: ${file}: cannot read JSON: ${e.message}`);
      failed++;
      continue;
    }
    if (validate(doc)) {
      console.log(`valid: ${file}`);
      continue;
    }
    failed++;
    const errs = validate.errors || [];
    console.log(`invalid: ${file} (${errs.length} error${errs.length === 1 ? '' : 's'})`);
    for (const err of errs.slice(0, MAX_ERRORS)) {
      let extra = '';
      if (err.keyword === 'additionalProperties') extra = ` '${err.params.additionalProperty}'`;
      else if (err.keyword === 'enum') extra = ` ${JSON.stringify(err.params.allowedValues)}`;
      let msg = `${err.message}${extra}`;
      if (msg.length > 160) msg = msg.slice(0, 157) + '...';   // long OSCAL patterns
      console.log(`  ${err.instancePath || '/'}: ${msg}`);
    }
    if (errs.length > MAX_ERRORS) console.log(`  ... ${errs.length - MAX_ERRORS} more`);
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
