// Compares tests/data/cron/fire_times.tsv with cron-parser and croner.
// Run outside the repository so that node_modules stays out of it:
//   mkdir -p /tmp/cronref && cd /tmp/cronref && npm install cron-parser croner
//   NODE_PATH=/tmp/cronref/node_modules node tests/data/cron/reference/compare.js tests/data/cron/fire_times.tsv
// Prints each case where a library differs from the expected times, and a summary. Every such
// case should carry a "# differs" comment in the corpus (see docs/schedules.md).
const fs = require('fs');
const { CronExpressionParser } = require('cron-parser');
const { Cron } = require('croner');

const iso = (d) => d.toISOString().replace('.000Z', 'Z');

function cronParser(expr, tz, from, n) {
  try {
    const it = CronExpressionParser.parse(expr, { currentDate: new Date(from), tz });
    return Array.from({ length: n }, () => iso(it.next().toDate())).join(',');
  } catch (e) {
    return 'ERROR ' + e.message;
  }
}

function croner(expr, tz, from, n, dayAnd) {
  try {
    const job = new Cron(expr, { timezone: tz, paused: true, domAndDow: dayAnd, fixedTimeRule: 'no-wildcard' });
    return job.nextRuns(n, new Date(from)).map(iso).join(',');
  } catch (e) {
    return 'ERROR ' + e.message;
  }
}

const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n');
let cases = 0, agreeBoth = 0, marked = 0, unmarked = 0;
lines.forEach((line, index) => {
  if (!line || line.startsWith('#')) return;
  const [expr, tz, from, rule, expected] = line.split('\t');
  const n = expected.split(',').length;
  const a = rule === 'and' ? expected : cronParser(expr, tz, from, n);
  const b = croner(expr, tz, from, n, rule === 'and');
  cases++;
  if (a === expected && b === expected) { agreeBoth++; return; }
  const isMarked = (lines[index - 1] || '').startsWith('#   ');
  isMarked ? marked++ : unmarked++;
  if (!isMarked || process.env.VERBOSE) {
    console.log(`line ${index + 1}: ${expr} | ${tz} | ${from}${isMarked ? '' : '   (NOT MARKED)'}`);
    if (a !== expected) console.log(`  cron-parser ${a}`);
    if (b !== expected) console.log(`  croner      ${b}`);
  }
});
console.log(`${cases} cases: ${agreeBoth} agree with both, ${marked} differ as marked, ${unmarked} differ unmarked`);
process.exit(unmarked ? 1 : 0);
