// The dashboard's start: find out whether the node needs a sign-in, then show the files, the chosen file's
// preview, its question box, its history and its boards.
import * as session from './session.js';
import * as files from './files.js';
import * as asking from './ask.js';
import * as history from './history.js';
import * as boards from './boards.js';
import * as bridge from './bridge.js';
import { api } from './api.js';
import { describe, el, grid } from './dom.js';

const $ = id => document.getElementById(id);
let current = null;

async function openFile(file) {
  current = file;
  $('file-view').hidden = !file;
  asking.open(file);
  boards.show(file).catch(e => console.warn(describe(e)));
  if (!file) return;
  $('file-title').textContent = file.name;
  $('file-columns').textContent = (file.rows ?? '?').toLocaleString() + ' rows; columns: '
    + (file.columns || []).map(c => c.name + ' (' + c.type + ')').join(', ');
  $('preview').replaceChildren();
  try {
    const preview = await api('/files/' + encodeURIComponent(file.file_id) + '/preview?limit=20');
    $('preview').replaceChildren(grid(preview.columns.map(c => c.name ?? c), preview.rows, 'Preview of ' + file.name));
  } catch (e) {
    $('preview').textContent = describe(e);
  }
  await Promise.all([refreshHistory(), showQuality(file)]);
}

/** The data-quality notes the file's profile found (GET /files/{id}/profile), with a link to the full page. */
async function showQuality(file) {
  const list = $('quality');
  list.replaceChildren();
  const page = '/files/' + encodeURIComponent(file.file_id) + '/profile.html';
  $('profile-link').href = page;
  // the page needs the same sign-in as the API: fetched with it, then opened from memory
  $('profile-link').onclick = session.required() ? e => {
    e.preventDefault();
    fetch(page, { headers: session.authHeader() }).then(r => r.blob())
      .then(b => window.open(URL.createObjectURL(b), '_blank', 'noopener'));
  } : null;
  try {
    const profile = await api('/files/' + encodeURIComponent(file.file_id) + '/profile');
    const alerts = profile.alerts || [];
    list.replaceChildren(...(alerts.length ? alerts.map(a => el('li', { 'data-kind': a.kind },
      (a.column ? a.column + ': ' : '') + a.message)) : [el('li', {}, 'No data-quality alert.')]));
  } catch (e) {
    list.replaceChildren(el('li', {}, describe(e)));
  }
}

async function refreshHistory() {
  if (current) {
    await history.show(current.file_id, record => asking.rerun(record),
      id => asking.reopen(id).catch(e => { $('ask-error').textContent = describe(e); }))
      .catch(e => console.warn(describe(e)));
  }
}

async function enter() {
  $('sign-in').hidden = true;
  $('app').hidden = false;
  $('who').textContent = session.required() ? 'Tenant ' + session.tenant() : 'Local user (authentication off)';
  $('sign-out').hidden = !session.required();
  await files.refresh();
}

function showSignIn() {
  bridge.close();
  $('app').hidden = true;
  $('file-view').hidden = true;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('sign-in').hidden = false;
  $('api-key').focus();
}

async function start() {
  files.init(openFile);
  asking.init(refreshHistory);
  boards.init();
  $('sign-in-form').addEventListener('submit', async e => {
    e.preventDefault();
    $('sign-in-error').textContent = '';
    try {
      const credential = $('api-key').value.trim();
      await (session.looksLikeToken(credential) ? session.useToken(credential) : session.signIn(credential));
      $('api-key').value = '';
      await enter();
    } catch (err) {
      $('sign-in-error').textContent = describe(err);
    }
  });
  $('sign-out').addEventListener('click', () => session.signOut());
  session.onChange(() => { // signed out, a renewal refused, or a token expired
    if (session.signedIn()) return;
    showSignIn();
    $('sign-in-error').textContent = session.signOutReason();
  });
  const arrived = session.tokenFromUrl();
  await session.discover();
  if (arrived && session.required()) {
    try {
      await session.useToken(arrived);
    } catch (e) {
      showSignIn();
      $('sign-in-error').textContent = 'The token you arrived with was refused: ' + describe(e);
    }
  }
  if (session.signedIn()) await enter();
  else if ($('sign-in').hidden) showSignIn();
  document.body.dataset.ready = 'true';
}

start().catch(e => {
  document.body.dataset.ready = 'failed';
  document.body.prepend(Object.assign(document.createElement('p'), { className: 'error', textContent: describe(e) }));
});
