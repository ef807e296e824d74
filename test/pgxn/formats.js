// ajv-cli plugin (ajv validate -c ./formats.js): the string formats the
// PGXN meta spec v1 schemas use.  uri, email and date-time come from
// ajv-formats; "path" is PGXN's own (upstream defines it in Rust, not in the
// schemas): a relative path in Unix form inside the distribution, so no
// leading "/", no "." or ".." part (one leading "./" is allowed, as upstream
// allows it).
'use strict';
const addFormats = require('ajv-formats');

function isPath(s) {
  const rel = s.startsWith('./') ? s.slice(2) : s;
  if (rel === '' || rel.startsWith('/')) return false;
  return rel.split('/').every((part) => part !== '.' && part !== '..');
}

module.exports = function addPgxnFormats(ajv) {
  addFormats(ajv);
  ajv.addFormat('path', { type: 'string', validate: isPath });
  return ajv;
};
