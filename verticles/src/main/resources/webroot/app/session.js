// Who the page acts for: nobody to sign in as under DATASENSE_AUTH=none, else a short-lived JWT exchanged for the
// pasted API key at POST /auth/token and renewed at half its life. The key stays in memory only.

const state = { auth: 'none', tenant: 'default', token: null, key: null, timer: null, onChange: () => {} };

/** The node's authentication mode, from GET /health (open to all). */
export async function discover() {
  const health = await (await fetch('/health')).json();
  state.auth = health.auth;
  return health;
}

export const required = () => state.auth === 'required';
export const tenant = () => state.tenant;
export const signedIn = () => !required() || state.token !== null;

/** Headers for an API call or a bridge message. */
export function authHeader() {
  return state.token ? { Authorization: 'Bearer ' + state.token } : {};
}

export function bridgeHeaders() {
  return state.token ? { authorization: 'Bearer ' + state.token } : {};
}

/** Exchanges an API key for a token; renews it at half its life, so a slow renewal still lands in time. */
export async function signIn(key) {
  const response = await fetch('/auth/token', {
    method: 'POST',
    headers: { Authorization: 'ApiKey ' + key, 'Content-Type': 'application/json' },
    body: '{}',
  });
  const body = await response.json().catch(() => ({ error: 'bad_reply', message: 'the node answered ' + response.status }));
  if (!response.ok) throw Object.assign(new Error(body.message), body);
  state.key = key;
  state.token = body.token;
  state.tenant = body.tenant;
  clearTimeout(state.timer);
  state.timer = setTimeout(() => renew(), Math.max(1, body.expires_in * 0.5) * 1000);
  state.onChange();
  return body;
}

async function renew() {
  document.body.dataset.renewals = String(Number(document.body.dataset.renewals || 0) + 1);
  try {
    await signIn(state.key);
  } catch (e) {
    signOut();
  }
}

export function signOut() {
  clearTimeout(state.timer);
  state.token = null;
  state.key = null;
  state.onChange();
}

/** Called whenever the token changes (signed in, renewed, signed out). */
export function onChange(listener) {
  state.onChange = listener;
}
