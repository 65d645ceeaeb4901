// Cache-hit /ask: the seed's own scenario (100 virtual users asking one question of file f_abc123 for 3 minutes),
// with pass/fail thresholds. setup() asks once so the answer is cached and stops the run if the second ask is
// not a hit; every measured request must then be a 200 answered from the cache.
//
//   k6 run k6/cache-hit.js                                   # http://localhost:8080, 100 VUs, 3m, 0.1 s think time
//   k6 run -e BASE_URL=http://10.0.1.20:8080 -e SLEEP=0 k6/cache-hit.js   # no think time: closed loop like wrk
//
// Settings (-e NAME=value): BASE_URL, FILE_ID (f_abc123), QUESTION (total sales by region), VUS (100),
// DURATION (3m), SLEEP (0.1, seconds between a VU's requests, as in the seed), P95_MS (5), P99_MS (10).
import { check, fail, sleep } from 'k6';
import { Rate } from 'k6/metrics';
import { ask, env, json, num, requireHealthy, SAMPLE_FILE_ID } from './lib.js';

const QUESTION = env('QUESTION', 'total sales by region');
const THINK_SECONDS = num('SLEEP', 0.1);

/** Share of measured replies that said "cached": true. */
const cacheHits = new Rate('cache_hits');

export const options = {
  scenarios: {
    cache_hit: {
      executor: 'constant-vus',
      vus: num('VUS', 100),
      duration: env('DURATION', '3m'),
    },
  },
  thresholds: {
    // no failed request at all: a hit touches no tool, so any error is a defect, not load
    'http_req_failed{name:ask}': ['rate==0'],
    // the project's cache-hit target is p99 < 10 ms (docs/BENCHMARKS.md); p95 is a tighter early warning
    'http_req_duration{name:ask}': [`p(95)<${num('P95_MS', 5)}`, `p(99)<${num('P99_MS', 10)}`],
    // every reply a hit: a miss here means the cache lost the entry (eviction, TTL, a Redis failover)
    cache_hits: ['rate==1'],
    checks: ['rate==1'],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
};

export function setup() {
  const health = requireHealthy();
  ask(SAMPLE_FILE_ID, QUESTION, 'warm-up'); // a miss that runs the job, or already a hit
  const res = ask(SAMPLE_FILE_ID, QUESTION, 'warm-up');
  const body = json(res);
  if (res.status !== 200 || body === null || body.cached !== true) {
    fail(`the second /ask of "${QUESTION}" on ${SAMPLE_FILE_ID} was not a cache hit (status ${res.status}): ${String(res.body).slice(0, 300)}`);
  }
  return { node: health.node, cluster: health.cluster };
}

export default function () {
  const res = ask(SAMPLE_FILE_ID, QUESTION, 'ask');
  const body = json(res);
  const hit = body !== null && body.cached === true;
  check(res, {
    'status 200': (r) => r.status === 200,
    'answered from the cache': () => hit,
  });
  cacheHits.add(hit);
  if (THINK_SECONDS > 0) {
    sleep(THINK_SECONDS);
  }
}
