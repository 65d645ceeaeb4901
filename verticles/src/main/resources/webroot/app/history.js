// The file's questions, newest first (GET /files/{id}/questions), each one re-runnable.
import { api } from './api.js';
import { el } from './dom.js';

/** Lists `fileId`'s questions; `rerun(record)` runs one again. */
export async function show(fileId, rerun) {
  const list = document.getElementById('history');
  if (!fileId) {
    list.replaceChildren();
    return;
  }
  const body = await api('/files/' + encodeURIComponent(fileId) + '/questions?limit=50');
  list.replaceChildren(...body.questions.map(q => el('li', { 'data-question-id': q.question_id },
    el('span', {}, q.question), ' ',
    el('span', { class: 'meta' }, new Date(q.asked_at).toLocaleString()), ' ',
    el('button', { type: 'button', class: 'rerun', 'aria-label': 'Re-run ' + q.question, onclick: () => rerun(q) }, 'Re-run'))));
}
