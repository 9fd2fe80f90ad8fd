#!/usr/bin/env node
// graphql-js's side of the engine benchmarks: runs one workload of Benchmarks/Workloads
// the way the Swift harness does (a warm-up, then N rounds, figure = median) and
// prints {"name", "unit", "rounds", "median", "check"} as one JSON line, where check
// is what the first operation returned (e.g. a count of definitions), or the figure the
// workload's setup derived from its response when the engines' bytes legitimately differ.
//
//   node bench.js <workload> [--workloads DIR] [--warmup S] [--round S] [--rounds N]
//   node bench.js --list
'use strict';

const fs = require('fs');
const path = require('path');

// Debian's node-graphql installs graphql-js under /usr/share/nodejs, which this
// node's require() may not search.
function loadGraphQL() {
  for (const id of ['graphql', '/usr/share/nodejs/graphql']) {
    try {
      return require(id);
    } catch (error) {
      if (error.code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  throw new Error('graphql-js not found: apt-get install node-graphql');
}
const graphql = loadGraphQL();

// Each workload: its unit and a setup returning the timed operation. The operation
// returns a number (accumulated into a sink) so nothing is optimized away.
// Units: 'MB/s' needs `bytes` (UTF-8 bytes per operation); others are operations/s.
const workloads = {
  'parse-kitchen-sink': (w) => parseWorkload(w.text('kitchen-sink.graphql')),
  'parse-big': (w) => parseWorkload(w.text('big.graphql')),
  'validate-introspection': (w) => validateWorkload(w.text('schema.graphql'), w.text('introspection.graphql')),
  'validate-fragments': (w) => validateWorkload(w.text('schema.graphql'), w.text('fragments.graphql')),
  'execute-introspection': (w) =>
    executeWorkload(w.text('schema.graphql'), w.text('introspection.graphql'), introspectionCount),
  'execute-list': (w) => executeWorkload(w.text('schema.graphql'), w.text('list.graphql')),
  'execute-nested': (w) => executeWorkload(w.text('schema.graphql'), w.text('nested.graphql')),
  'request-storefront': (w) => requestWorkload(w.text('schema.graphql'), w.text('storefront.graphql'), { first: 20 }),
};

// The execution workloads' data (/work/shared/bench/README.md), as plain objects whose
// properties are the fields (graphql-js's default resolver reads them). Fields with
// arguments are functions of the args, which the default resolver calls:
// featuredListings(first) and reviews(first) return the first `first` elements.
function benchData() {
  const categories = ['books', 'games', 'garden', 'kitchen', 'music', 'office', 'sports', 'toys'];
  const items = [];
  for (let i = 0; i < 1000; i++) {
    items.push({
      id: `item-${i}`,
      name: `Item ${i}`,
      sku: `SKU-${100000 + i}`,
      price: (i % 500) + 0.99,
      quantity: i % 37,
      inStock: i % 3 !== 0,
      rating: (i % 50) / 10,
      category: categories[i % 8],
      createdAt: `2024-03-${10 + (i % 18)}T12:00:00Z`,
      weight: (i % 20) * 0.25 + 0.5,
    });
  }
  const departments = [];
  for (let d = 0; d < 20; d++) {
    const sections = [];
    for (let s = 0; s < 10; s++) {
      const shelves = [];
      for (let h = 0; h < 5; h++) {
        shelves.push({
          id: `shelf-${d}-${s}-${h}`,
          label: `Shelf ${h}`,
          capacity: 10 * (h + 1),
          load: ((50 * d + 5 * s + h) % 100) / 100,
        });
      }
      sections.push({ id: `sec-${d}-${s}`, name: `Section ${s}`, position: s, visible: (d + s) % 4 !== 0, shelves });
    }
    departments.push({ id: `dept-${d}`, name: `Department ${d}`, code: 100 + d, active: d % 2 === 0, sections });
  }
  const providers = [];
  for (let p = 0; p < 5; p++) providers.push({ id: `prov-${p}`, name: `Provider ${p}`, rating: 4 + p / 10 });
  const listings = [];
  for (let i = 0; i < 20; i++) {
    const reviews = [];
    for (let r = 0; r < 3; r++) reviews.push({ rating: ((i + r) % 5) + 1, body: `Review ${r} of listing ${i}` });
    listings.push({
      id: `listing-${i}`,
      title: `Listing ${i}`,
      description: `Description of listing ${i}`,
      amount: 2.5 * i + 9.99,
      inStock: i % 4 !== 0,
      rating: (i % 5) + 0.5,
      provider: providers[i % 5],
      reviews: ({ first }) => reviews.slice(0, first),
    });
  }
  return {
    items,
    departments,
    featuredListings: ({ first }) => listings.slice(0, first),
  };
}

// BENCH_DUMP_DIR (as for the Swift runner): the response goes to DIR/<name>.graphql-js.json.
let workloadName;
function dump(json) {
  const dir = process.env.BENCH_DUMP_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${workloadName}.graphql-js.json`), json);
}

// The response's JSON text length (in UTF-16 units, which are its bytes: these responses
// are ASCII); throws when the response has errors.
function responseLength(result) {
  const json = JSON.stringify(result);
  if (result.errors) throw new Error(`errors in the response: ${json.slice(0, 500)}`);
  return json.length;
}

// The check of an introspection response (as the Swift runner's introspectionCount): the
// number of types, plus the fields, input fields, enum values, possible types and
// interfaces of the schema's own (non-`__`) types, plus their fields' arguments. (The
// engines' introspection responses differ in bytes: type and field order, description
// texts, graphql-js 16.6 has no isOneOf/@oneOf.)
function introspectionCount(result) {
  const types = result.data.__schema.types;
  let count = types.length;
  for (const type of types) {
    if (type.name.startsWith('__')) continue;
    for (const key of ['fields', 'inputFields', 'enumValues', 'possibleTypes', 'interfaces']) {
      count += (type[key] || []).length;
    }
    for (const field of type.fields || []) count += field.args.length;
  }
  return count;
}

// execute-*: the document parsed and validated once; each operation executes it and
// serializes the response. `check(result)`, when given, is the figure compared across
// engines (computed here, untimed) instead of the response's length.
function executeWorkload(schemaText, text, check) {
  const schema = graphql.buildSchema(schemaText);
  const document = graphql.parse(text);
  const errors = graphql.validate(schema, document);
  if (errors.length > 0) throw new Error(`invalid document: ${errors.map((e) => e.message).join('; ')}`);
  const rootValue = benchData();
  const result = graphql.execute({ schema, document, rootValue });
  dump(JSON.stringify(result));
  return {
    unit: 'executions/s',
    operation: () => responseLength(graphql.execute({ schema, document, rootValue })),
    check: check ? check(result) : undefined,
  };
}

// request-*: the full request path each time (graphqlSync: parse, validate, execute).
function requestWorkload(schemaText, source, variableValues) {
  const schema = graphql.buildSchema(schemaText);
  const rootValue = benchData();
  dump(JSON.stringify(graphql.graphqlSync({ schema, source, rootValue, variableValues })));
  return {
    unit: 'requests/s',
    operation: () => responseLength(graphql.graphqlSync({ schema, source, rootValue, variableValues })),
  };
}

// graphql-js's specifiedRules (16.6 here: no MaxIntrospectionDepthRule, which our engine
// runs on top; that favours graphql-js slightly).
function validateWorkload(schemaText, text) {
  const schema = graphql.buildSchema(schemaText);
  const document = graphql.parse(text);
  return {
    unit: 'validations/s',
    operation: () => 1 + graphql.validate(schema, document).length,
  };
}

function parseWorkload(text) {
  return {
    unit: 'MB/s',
    bytes: Buffer.byteLength(text, 'utf8'),
    operation: () => graphql.parse(text).definitions.length,
  };
}

function options(argv) {
  const result = {
    name: undefined,
    workloads: path.join(__dirname, '..', 'Workloads'),
    warmup: 1,
    round: 1,
    rounds: 5,
    list: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--workloads': result.workloads = next(); break;
      case '--warmup': result.warmup = Number(next()); break;
      case '--round': result.round = Number(next()); break;
      case '--rounds': result.rounds = Number(next()); break;
      case '--list': result.list = true; break;
      default:
        if (arg.startsWith('--') || result.name !== undefined) throw new Error(`unknown argument ${arg}`);
        result.name = arg;
    }
  }
  return result;
}

function now() {
  return Number(process.hrtime.bigint()) / 1e9;
}

let sink = 0;

// Runs the operation in batches until `seconds` have passed; returns operations/s.
function run(operation, seconds, batch) {
  const start = now();
  let operations = 0;
  let elapsed = 0;
  do {
    for (let i = 0; i < batch; i++) sink += operation();
    operations += batch;
    elapsed = now() - start;
  } while (elapsed < seconds);
  return operations / elapsed;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function main() {
  const opts = options(process.argv.slice(2));
  if (opts.list) {
    for (const name of Object.keys(workloads)) console.log(name);
    return;
  }
  const setup = workloads[opts.name];
  workloadName = opts.name;
  if (!setup) throw new Error(`unknown workload ${opts.name}; known: ${Object.keys(workloads).join(', ')}`);
  const cache = new Map();
  const files = {
    text(file) {
      if (!cache.has(file)) cache.set(file, fs.readFileSync(path.join(opts.workloads, file), 'utf8'));
      return cache.get(file);
    },
  };
  const { unit, bytes, operation, check: setupCheck } = setup(files);
  const figure = (opsPerSecond) => (unit === 'MB/s' ? (opsPerSecond * bytes) / 1e6 : opsPerSecond);

  const first = operation();
  const check = setupCheck === undefined ? first : setupCheck;
  sink += first;
  const warm = run(operation, opts.warmup, 1);
  const batch = Math.max(1, Math.floor((warm * opts.round) / 1000));
  const rounds = [];
  for (let i = 0; i < opts.rounds; i++) rounds.push(figure(run(operation, opts.round, batch)));
  if (sink === 0) throw new Error('the workload did nothing');
  console.log(JSON.stringify({ name: opts.name, unit, rounds, median: median(rounds), check }));
}

try {
  main();
} catch (error) {
  console.error(`node/bench.js: ${error.message}`);
  process.exit(2);
}
