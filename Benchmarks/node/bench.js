#!/usr/bin/env node
// graphql-js's side of the engine benchmarks: runs one workload of Benchmarks/Workloads
// the way the Swift harness does (a warm-up, then N rounds, figure = median) and
// prints {"name", "unit", "rounds", "median", "check"} as one JSON line, where check
// is what the first operation returned (e.g. a count of definitions).
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
};

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
  if (!setup) throw new Error(`unknown workload ${opts.name}; known: ${Object.keys(workloads).join(', ')}`);
  const cache = new Map();
  const files = {
    text(file) {
      if (!cache.has(file)) cache.set(file, fs.readFileSync(path.join(opts.workloads, file), 'utf8'));
      return cache.get(file);
    },
  };
  const { unit, bytes, operation } = setup(files);
  const figure = (opsPerSecond) => (unit === 'MB/s' ? (opsPerSecond * bytes) / 1e6 : opsPerSecond);

  const check = operation();
  sink += check;
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
