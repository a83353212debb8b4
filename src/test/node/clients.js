// The JavaScript RDF clients the integration tests run (ComunicaIT, FormatWalkIT), as their users
// run them. The packages come from package.json, installed by .ci/setup with `npm ci` into
// TONET_NODE_DIR (outside the repository); the tests start this script with that variable set.
//
//   node clients.js comunica SOURCE QUERY       one JSON object per solution, one per line
//   node clients.js comunica-sparql URL QUERY   the same, with a SPARQL endpoint as the source
//   node clients.js jsonld-count < DOCS.json    DOCS is a JSON array of JSON-LD documents: prints
//                                                the number of quads jsonld.js reads from each
'use strict';

const path = require('path');

const dir = process.env.TONET_NODE_DIR;
if (!dir) {
  console.error('TONET_NODE_DIR is not set: run the tests through Maven, after ./.ci/setup');
  process.exit(2);
}
function load(name) {
  return require(path.join(dir, 'node_modules', name));
}

async function comunica(source, query) {
  const { QueryEngine } = load('@comunica/query-sparql');
  const engine = new QueryEngine();
  const bindings = await engine.queryBindings(query, { sources: [source], lenient: false });
  for (const b of await bindings.toArray()) {
    const row = {};
    for (const [variable, term] of b) {
      row[variable.value] = term.value;
    }
    console.log(JSON.stringify(row));
  }
}

async function jsonldCount() {
  const jsonld = load('jsonld');
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
  }
  const docs = JSON.parse(text);
  for (const doc of docs) {
    // safe mode: anything jsonld.js would drop (an undefined term, a bad IRI) is an error.
    const quads = await jsonld.toRDF(doc, { safe: true });
    console.log(quads.length);
  }
}

async function main() {
  const [command, a, b] = process.argv.slice(2);
  switch (command) {
    case 'comunica':
      return comunica(a, b);
    case 'comunica-sparql':
      return comunica({ type: 'sparql', value: a }, b);
    case 'jsonld-count':
      return jsonldCount();
    default:
      console.error('unknown command: ' + command);
      process.exit(2);
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
