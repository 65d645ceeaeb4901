// The upload flow, end to end, as a client does it: POST /upload for a presigned URL, PUT the CSV to it, complete
// the upload when the URL pointed at S3 (the reply then names a complete_url), ask a first question of the new
// file, and delete the file again so repeated runs leave nothing behind. FLOW=one-step uses POST /files instead.
// The CSV is made here (ROWS rows of orders, different numbers on every iteration); no file is read from disk.
//
//   k6 run k6/upload.js                                      # 2 VUs for 1m, 5,000-row files, presigned flow
//   k6 run -e FLOW=one-step -e ROWS=50000 k6/upload.js
//
// With S3 the presigned URL names the S3 endpoint (e.g. http://minio:9000 under docker compose): k6 must be able
// to reach that host name (see the compose notes in cluster-config/README.md).
//
// Settings (-e NAME=value): BASE_URL, FLOW (presigned | one-step), ROWS (5000), VUS (2), DURATION (1m),
// TENANT (k6-load: the user_id of the uploads; a node without authentication has one tenant and ignores it),
// KEEP (false: delete each file),
// READY_P95_MS (3000: upload until the file is ready), ANSWER_P95_MS (2000: the first /ask on the new file).
import http from 'k6/http';
import { check, fail } from 'k6';
import { Trend } from 'k6/metrics';
import { ask, BASE_URL, env, json, num, requireHealthy } from './lib.js';

const FLOW = env('FLOW', 'presigned');
const ROWS = num('ROWS', 5000);
const TENANT = env('TENANT', 'k6-load');
const KEEP = env('KEEP', 'false') === 'true';

/** From the first request of an upload until the node answered with the file's manifest (ingested). */
const uploadToReady = new Trend('upload_to_ready_ms', true);
/** The first /ask of a freshly uploaded file (a cache miss on a file no node has read yet). */
const firstAnswer = new Trend('first_answer_ms', true);

export const options = {
  scenarios: {
    upload: {
      executor: 'constant-vus',
      vus: num('VUS', 2),
      duration: env('DURATION', '1m'),
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    upload_to_ready_ms: [`p(95)<${num('READY_P95_MS', 3000)}`],
    first_answer_ms: [`p(95)<${num('ANSWER_P95_MS', 2000)}`],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
};

const REGIONS = ['East', 'West', 'Central', 'South'];
const CATEGORIES = ['Furniture', 'Office Supplies', 'Technology'];

/** A small orders CSV; `salt` changes the numbers so no two iterations upload the same bytes. */
function ordersCsv(rows, salt) {
  const lines = ['Order ID,Order Date,Region,Category,Sales,Quantity,Profit'];
  let x = salt >>> 0; // a cheap deterministic 32-bit sequence (LCG), not Math.random
  for (let i = 0; i < rows; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const sales = 5 + (x % 200000) / 100;
    const quantity = 1 + (x % 9);
    const day = 1 + (x % 28);
    const month = 1 + (i % 12);
    lines.push([
      `K6-${salt}-${i}`,
      `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      REGIONS[x % REGIONS.length],
      CATEGORIES[(x >>> 3) % CATEGORIES.length],
      sales.toFixed(2),
      quantity,
      (sales * (((x >>> 5) % 40) - 10) / 100).toFixed(2),
    ].join(','));
  }
  return lines.join('\n') + '\n';
}

export function setup() {
  requireHealthy();
  if (FLOW !== 'presigned' && FLOW !== 'one-step') {
    fail(`FLOW=${FLOW}: use presigned or one-step`);
  }
}

/** POST /upload, PUT, complete when needed; the file's manifest, or null after a failed check. */
function presignedUpload(name, csv) {
  const grant = http.post(`${BASE_URL}/upload`,
    JSON.stringify({ file_name: name, content_type: 'text/csv', user_id: TENANT }),
    { headers: { 'Content-Type': 'application/json' }, tags: { name: 'upload' } });
  const g = json(grant);
  if (!check(grant, { 'POST /upload 200 with a presigned_url': (r) => r.status === 200 && g !== null && !!g.presigned_url })) {
    return null;
  }
  const put = http.put(g.presigned_url, csv, { headers: g.headers || { 'Content-Type': 'text/csv' }, tags: { name: 'put' } });
  if (!check(put, { 'PUT to the presigned_url 2xx': (r) => r.status >= 200 && r.status < 300 })) {
    return null;
  }
  if (!g.complete_url) {
    // the URL was the node's own: the PUT ingested the file and answered its manifest
    const manifest = json(put);
    return check(put, { 'PUT answered the manifest': () => manifest !== null && manifest.file_id === g.file_id }) ? manifest : null;
  }
  // the URL was S3's: the node checks the object and ingests it now
  const done = http.post(`${BASE_URL}${g.complete_url}?user_id=${encodeURIComponent(TENANT)}`, null, { tags: { name: 'complete' } });
  const manifest = json(done);
  return check(done, { 'complete 201 with the manifest': (r) => r.status === 201 && manifest !== null && manifest.file_id === g.file_id })
    ? manifest : null;
}

/** POST /files with the CSV as the body; the manifest, or null. */
function oneStepUpload(name, csv) {
  const res = http.post(`${BASE_URL}/files?name=${encodeURIComponent(name)}&user_id=${encodeURIComponent(TENANT)}`, csv,
    { headers: { 'Content-Type': 'text/csv' }, tags: { name: 'files' } });
  const manifest = json(res);
  return check(res, { 'POST /files 201 with the manifest': (r) => r.status === 201 && manifest !== null && !!manifest.file_id })
    ? manifest : null;
}

export default function () {
  const salt = __VU * 1000000 + __ITER;
  const name = `k6_${__VU}_${__ITER}.csv`;
  const csv = ordersCsv(ROWS, salt);

  const started = Date.now();
  const manifest = FLOW === 'one-step' ? oneStepUpload(name, csv) : presignedUpload(name, csv);
  if (manifest === null) {
    return;
  }
  uploadToReady.add(Date.now() - started);
  check(manifest, { 'every row ingested': (m) => m.rows === ROWS && m.rows_rejected === 0 });

  const res = ask(manifest.file_id, 'total sales by region', 'ask', { user_id: TENANT });
  const body = json(res);
  check(res, {
    'first /ask 200': (r) => r.status === 200,
    'first /ask answered by a run, not the cache': () => body !== null && body.cached === false && Array.isArray(body.results),
  });
  firstAnswer.add(res.timings.duration);

  if (!KEEP) {
    const del = http.del(`${BASE_URL}/files/${manifest.file_id}?user_id=${encodeURIComponent(TENANT)}`, null, { tags: { name: 'delete' } });
    check(del, { 'DELETE /files/{id} 200': (r) => r.status === 200 });
  }
}
