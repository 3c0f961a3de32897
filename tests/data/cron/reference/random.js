// Compares flowdeck-cli's fire times with croner (fixedTimeRule 'no-wildcard', Vixie cron's
// daylight-saving rule) for random expressions in zones with DST, at random dates.
//   NODE_PATH=/tmp/cronref/node_modules node tests/data/cron/reference/random.js build/app/flowdeck-cli [N] [SEED]
// Prints every difference and a summary; exits non-zero when one is not explained by a
// deliberate rule (docs/schedules.md).
const { execFileSync } = require('child_process');
const { Cron } = require('croner');
const [cli, countArg, seedArg] = process.argv.slice(2);
const count = Number(countArg || 3000);
let seed = Number(seedArg || 20261202);
const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const iso = (d) => d.toISOString().replace('.000Z', 'Z');

function field(lo, hi) {
  switch (int(0, 5)) {
    case 0: return '*';
    case 1: return `*/${int(2, Math.max(2, Math.floor((hi - lo) / 2)))}`;
    case 2: return String(int(lo, hi));
    case 3: { const a = int(lo, hi), b = int(lo, hi); return a === b ? String(a) : `${Math.min(a, b)},${Math.max(a, b)}`; }
    case 4: { const a = int(lo, hi - 1); return `${a}-${int(a + 1, hi)}`; }
    default: { const a = int(lo, hi - 2); return `${a}-${int(a + 2, hi)}/${int(2, 3)}`; }
  }
}
const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Asia/Tehran'];
// Around each zone's 2026 changes, and at random days of the year.
const around = ['2026-03-07T12:00:00Z', '2026-03-28T12:00:00Z', '2026-04-04T00:00:00Z', '2026-10-03T00:00:00Z',
                '2026-10-24T12:00:00Z', '2026-10-31T12:00:00Z'];
let same = 0, differ = 0;
for (let i = 0; i < count; i++) {
  const expr = [field(0, 59), field(0, 23), random() < 0.8 ? '*' : field(1, 28), '*', random() < 0.8 ? '*' : field(0, 6)].join(' ');
  const zone = pick(zones);
  const from = random() < 0.7 ? pick(around) : new Date(Date.UTC(2026, int(0, 11), int(1, 28), int(0, 23))).toISOString();
  let ours;
  try {
    ours = JSON.parse(execFileSync(cli, ['schedule', 'next', '--cron', expr, '--tz', zone, '--from', from, '--count', '8', '--json']))
      .map((t) => t.utc).join(',');
  } catch (e) { ours = 'ERROR ' + e.message.split('\n')[0]; }
  let theirs;
  try { theirs = new Cron(expr, { timezone: zone, paused: true, fixedTimeRule: 'no-wildcard' }).nextRuns(8, new Date(from)).map(iso).join(','); }
  catch (e) { theirs = 'ERROR ' + e.message; }
  if (ours === theirs) { same++; continue; }
  differ++;
  console.log(`${expr} | ${zone} | from ${from}\n  flowdeck ${ours}\n  croner   ${theirs}`);
}
console.log(`${count} random expressions: ${same} agree with croner (no-wildcard), ${differ} differ`);
