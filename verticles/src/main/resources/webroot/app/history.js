// The file's questions, newest first (GET /files/{id}/questions), each one re-runnable or forgotten
// (DELETE /questions/{id}), and the conversation it was asked in reopened.
import { api } from './api.js';
import { describe, el } from './dom.js';

/** Lists `fileId`'s questions; `rerun(record)` runs one again, `reopen(conversationId)` reopens its conversation. */
export async function show(fileId, rerun, reopen) {
  const list = document.getElementById('history');
  if (!fileId) {
    list.replaceChildren();
    return;
  }
  const body = await api('/files/' + encodeURIComponent(fileId) + '/questions?limit=50');
  list.replaceChildren(...body.questions.map(q => el('li', { 'data-question-id': q.question_id },
    el('span', {}, q.question), ' ',
    el('span', { class: 'meta' }, new Date(q.asked_at).toLocaleString()), ' ',
    el('button', { type: 'button', class: 'rerun', 'aria-label': 'Re-run ' + q.question, onclick: () => rerun(q) }, 'Re-run'), ' ',
    q.conversation_id ? el('button', { type: 'button', class: 'reopen', 'aria-label': 'Open the conversation of ' + q.question,
      onclick: () => reopen(q.conversation_id) }, 'Open conversation') : '', ' ',
    el('button', { type: 'button', class: 'forget', 'aria-label': 'Delete ' + q.question + ' from the history', onclick: e => forget(q, e.target.closest('li')) }, 'Delete'))));
}

async function forget(record, item) {
  try {
    await api('/questions/' + encodeURIComponent(record.question_id), { method: 'DELETE' });
    item.remove();
  } catch (e) {
    item.append(el('span', { class: 'error', role: 'alert' }, ' ' + describe(e)));
  }
}
