// Cold /ask: every request is a question the cache cannot answer, so each one plans, runs SQL in DuckDB, draws
// a chart and writes its artifacts. The answer cache matches questions by meaning (the canonical plan), so
// rephrasing is not enough for a miss: each question carries a threshold no other request used,
// "total sales by region where sales > 523.0070000012", which makes a plan (and SQL) of its own. The integer part
// changes from run to run, so a second run against the same node misses as well.
//
//   k6 run k6/cold-ask.js                                    # 4 VUs for 1m, no think time
//   k6 run -e VUS=1 -e MEDIAN_MS=150 k6/cold-ask.js          # one client: the project's cold target (median < 150 ms)
//
// Settings (-e NAME=value): BASE_URL, FILE_ID (f_abc123), VUS (4), DURATION (1m), SLEEP (0),
// MEDIAN_MS (300), P95_MS (1000). The defaults suit a 2-core node (4 concurrent clients on the sample dataset
// there gave a median of ~140 ms and a p95 of ~210 ms): cold questions are CPU-bound, so with more VUs than
// cores the latency grows with the queue, not with a defect.
import { check, sleep } from 'k6';
import { Rate, Trend } from 'k6/metrics';
import { ask, env, json, num, requireHealthy, SAMPLE_FILE_ID } from './lib.js';

const THINK_SECONDS = num('SLEEP', 0);

/** Share of replies that said "cached": false (each must be a real run). */
const cacheMisses = new Rate('cache_misses');
/** Time of the plan, act and answer steps the node reports in the reply's trace (no HTTP or queueing). */
const tracedMs = new Trend('traced_steps_ms', true);

export const options = {
  scenarios: {
    cold_ask: {
      executor: 'constant-vus',
      vus: num('VUS', 4),
      duration: env('DURATION', '1m'),
    },
  },
  thresholds: {
    'http_req_failed{name:ask}': ['rate<0.01'],
    'http_req_duration{name:ask}': [`med<${num('MEDIAN_MS', 300)}`, `p(95)<${num('P95_MS', 1000)}`],
    // a hit would make the figures meaningless: abort rather than report them
    cache_misses: [{ threshold: 'rate>0.99', abortOnFail: true, delayAbortEval: '10s' }],
    checks: ['rate>0.99'],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
};

export function setup() {
  requireHealthy();
  // the integer part of every threshold in this run: 10..1009, another one on the next run (1 in 1000 alike)
  return { base: 10 + (Math.floor(Date.now() / 1000) % 1000) };
}

/**
 * A threshold no other request of this run uses: the run's integer part, then 10 fixed decimals made of the VU
 * (3 digits) and its iteration (7 digits). Fixed width, so no two (VU, iteration) pairs give the same number
 * (1, 10 and 100 would, as 0.1, 0.10 and 0.100, without the padding).
 */
function threshold(base) {
  return `${base}.${String(__VU % 1000).padStart(3, '0')}${String(__ITER % 10000000).padStart(7, '0')}`;
}

export default function (data) {
  const question = `total sales by region where sales > ${threshold(data.base)}`;
  const res = ask(SAMPLE_FILE_ID, question, 'ask');
  const body = json(res);
  const miss = body !== null && body.cached === false;
  check(res, {
    'status 200': (r) => r.status === 200,
    'answered': () => body !== null && body.status === 'ok' && Array.isArray(body.results),
    'not from the cache': () => miss,
  });
  cacheMisses.add(miss);
  if (body !== null && Array.isArray(body.trace)) {
    tracedMs.add(body.trace.reduce((sum, step) => sum + (Number(step.duration_ms) || 0), 0));
  }
  if (THINK_SECONDS > 0) {
    sleep(THINK_SECONDS);
  }
}
