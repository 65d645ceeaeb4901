// Who the page acts for: nobody to sign in as under DATASENSE_AUTH=none, else a short-lived JWT exchanged for the
// pasted API key at POST /auth/token and renewed at half its life, or an identity provider's token (from the URL's
// fragment or pasted) used until it expires. The key and the token stay in memory only.

const state = { auth: 'none', tenant: 'default', token: null, key: null, timer: null, reason: '', onChange: () => {} };

/** The node's authentication mode, from GET /health (open to all). */
export async function discover() {
  const health = await (await fetch('/health')).json();
  state.auth = health.auth;
  return health;
}

export const required = () => state.auth === 'required';
export const tenant = () => state.tenant;
export const signedIn = () => !required() || state.token !== null;
/** Why the page was signed out when it was not the person's doing (an expired or refused token), else ''. */
export const signOutReason = () => state.reason;

/** A JWT (three base64url parts, a JSON header first), as told apart from an API key. */
export const looksLikeToken = text => /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(text);

/**
 * The token an identity provider put in the URL's fragment (`#access_token=...` or `#id_token=...`), taken out of
 * the address bar and history at once so it is not bookmarked, shared or sent on; null when there is none.
 */
export function tokenFromUrl() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('access_token') || fragment.get('id_token');
  if (token) history.replaceState(null, '', location.pathname + location.search);
  return token;
}

/**
 * Signs in with an identity provider's token: the node says whom it stands for (GET /auth/whoami) or why it
 * refuses it. The page cannot renew it, so it signs out when the token's `exp` passes, saying why.
 */
export async function useToken(token) {
  const response = await fetch('/auth/whoami', { headers: { Authorization: 'Bearer ' + token } });
  const body = await response.json().catch(() => ({ error: 'bad_reply', message: 'the node answered ' + response.status }));
  if (!response.ok) throw Object.assign(new Error(body.message), body);
  clearTimeout(state.timer);
  state.key = null;
  state.token = token;
  state.tenant = body.tenant;
  state.reason = '';
  const expires = expiry(token);
  if (expires !== null) {
    state.timer = setTimeout(() => signOut('Your sign-in token expired at ' + new Date(expires).toLocaleTimeString()
      + '; sign in again.'), Math.max(0, expires - Date.now()));
  }
  state.onChange();
  return body;
}

/** A JWT's `exp` in milliseconds, or null when it has none (the node refuses it when it is past, not the page). */
function expiry(token) {
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch (e) {
    return null;
  }
}

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
  state.reason = '';
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
    signOut('Renewing the sign-in failed: ' + e.message);
  }
}

/** Forgets the key and the token; `reason` says why when it was not the person's doing. */
export function signOut(reason = '') {
  clearTimeout(state.timer);
  state.token = null;
  state.key = null;
  state.reason = reason;
  state.onChange();
}

/** Called whenever the token changes (signed in, renewed, signed out). */
export function onChange(listener) {
  state.onChange = listener;
}
