#!/usr/bin/env node
// Copies the vendored PGXN meta spec v1 schemas (schema/v1, unchanged from
// pgxn/meta) to DST with their regular expressions rewritten for ajv.
// Upstream validates with a Rust regex engine; JavaScript's Unicode regular
// expressions (which ajv uses) name three of its classes differently and
// have no POSIX brackets:
//   \p{Space} -> \p{White_Space}   \p{Cntrl} -> \p{Cc}
//   \p{lower} -> \p{Lowercase}     [[:digit:]] -> [0-9]
// Only "pattern" values and "patternProperties" keys are touched, and each
// rewrite must be used at least once, so that a new upstream version which
// drops or changes these classes is noticed here rather than silently
// validating something else.
// Usage: node prepare-schemas.js SRC_DIR DST_DIR
'use strict';
const fs = require('fs');
const path = require('path');

const REWRITES = [
  ['\\p{Space}', '\\p{White_Space}'],
  ['\\p{Cntrl}', '\\p{Cc}'],
  ['\\p{lower}', '\\p{Lowercase}'],
  ['[[:digit:]]', '[0-9]'],
];
const used = new Map(REWRITES.map(([from]) => [from, 0]));

function rewrite(re) {
  let out = re;
  for (const [from, to] of REWRITES) {
    const parts = out.split(from);
    used.set(from, used.get(from) + parts.length - 1);
    out = parts.join(to);
  }
  return out;
}

function walk(node) {
  if (Array.isArray(node)) return node.map(walk);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pattern' && typeof value === 'string') out[key] = rewrite(value);
    else if (key === 'patternProperties' && value && typeof value === 'object') {
      out[key] = {};
      for (const [re, sub] of Object.entries(value)) out[key][rewrite(re)] = walk(sub);
    } else out[key] = walk(value);
  }
  return out;
}

function main([src, dst]) {
  if (!src || !dst) {
    console.error('usage: node prepare-schemas.js SRC_DIR DST_DIR');
    return 2;
  }
  fs.mkdirSync(dst, { recursive: true });
  const files = fs.readdirSync(src).filter((f) => f.endsWith('.schema.json')).sort();
  if (files.length === 0) {
    console.error(`prepare-schemas: no *.schema.json in ${src}`);
    return 1;
  }
  for (const f of files) {
    const schema = JSON.parse(fs.readFileSync(path.join(src, f), 'utf8'));
    fs.writeFileSync(path.join(dst, f), JSON.stringify(walk(schema), null, 2) + '\n');
  }
  const unused = [...used].filter(([, n]) => n === 0).map(([from]) => from);
  if (unused.length) {
    console.error(`prepare-schemas: rewrites no longer used by the schemas: ${unused.join(' ')}`);
    return 1;
  }
  console.log(`prepare-schemas: ${files.length} schemas, rewrites applied: ` +
    [...used].map(([from, n]) => `${from} x${n}`).join(', '));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
