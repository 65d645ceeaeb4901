// Shared by the DataSense k6 scripts: where the API is, how to ask, and reading settings from `-e NAME=value`.
// Not a test of its own (k6 runs cache-hit.js, cold-ask.js and upload.js).
import http from 'k6/http';
import { fail } from 'k6';

/** The node (or load balancer) under test, without a trailing slash. */
export const BASE_URL = (__ENV.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');

/** The sample dataset every node registers at start (DATASENSE_SAMPLE_DATA=true). */
export const SAMPLE_FILE_ID = __ENV.FILE_ID || 'f_abc123';

/** A string setting, or its default. */
export function env(name, fallback) {
  const v = __ENV[name];
  return v === undefined || v === '' ? fallback : v;
}

/** A numeric setting, or its default; a value that is not a number stops the run before it starts. */
export function num(name, fallback) {
  const v = env(name, undefined);
  if (v === undefined) {
    return fallback;
  }
  const n = Number(v);
  if (!Number.isFinite(n)) {
    throw new Error(`${name}=${v} is not a number`);
  }
  return n;
}

/** POST /ask; `name` groups the requests in k6's output and in thresholds (http_req_duration{name:...}). */
export function ask(fileId, question, name, extra) {
  const body = Object.assign({ file_id: fileId, question: question }, extra || {});
  return http.post(`${BASE_URL}/ask`, JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json' },
    tags: { name: name },
  });
}

/** The reply's JSON body, or null when it is not JSON (an error page of a proxy, a timeout). */
export function json(res) {
  try {
    return res.json();
  } catch (e) {
    return null;
  }
}

/** Stops the whole run (in setup) unless the node answers /health; returns the health body. */
export function requireHealthy() {
  const res = http.get(`${BASE_URL}/health`, { tags: { name: 'health' } });
  const body = json(res);
  if (res.status !== 200 || body === null) {
    fail(`${BASE_URL}/health answered ${res.status}: is a node running there? (set -e BASE_URL=...)`);
  }
  return body;
}
