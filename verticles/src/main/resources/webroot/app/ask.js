// The question box and the conversation: each question a turn, its steps live, then its answer.
import { ask } from './bridge.js';
import { api } from './api.js';
import { describe, el } from './dom.js';
import { renderAnswer } from './answer.js';
import { stepList } from './steps.js';
import { pin } from './boards.js';

const $ = id => document.getElementById(id);
let file = null;
let conversationId = null;
let afterAnswer = () => {};

export function init(answered) {
  afterAnswer = answered;
  $('ask-form').addEventListener('submit', e => {
    e.preventDefault();
    const pressed = performance.now(); // Enter (or Ask): where the timings of docs/BENCHMARKS.md start
    const question = $('question').value.trim();
    if (question) {
      $('question').value = '';
      askQuestion(question, pressed);
    }
  });
  $('new-conversation').addEventListener('click', () => reset());
}

/** A new file (or none): a new conversation. */
export function open(chosen) {
  file = chosen;
  reset();
  suggest(chosen).catch(e => { $('suggested').textContent = describe(e); });
}

/** The chosen file's suggested questions (GET /files/{id}/suggestions), each one click (or Enter) to ask. */
async function suggest(chosen) {
  $('suggested').replaceChildren();
  if (!chosen) return;
  const body = await api('/files/' + encodeURIComponent(chosen.file_id) + '/suggestions');
  if (file !== chosen || !body.questions.length) return; // another file was chosen meanwhile
  $('suggested').replaceChildren('Suggested: ', ...body.questions.map(q =>
    el('button', { type: 'button', class: 'suggested', onclick: () => askQuestion(q) }, q)));
}

function reset() {
  conversationId = null;
  delete $('conversation').dataset.conversationId;
  $('conversation').replaceChildren();
  $('ask-error').textContent = '';
}

/**
 * Asks over the bridge in the current conversation, showing each step as it happens. `pressed` (performance.now()
 * when Enter was pressed) starts the turn's timings: `data-first-step-ms` (the first job event from the bridge) and
 * `data-answer-ms` (the answer appended to the page), also recorded as performance measures `ask:first-step` and `ask:answer`.
 */
export async function askQuestion(question, pressed = performance.now()) {
  if (!file) return;
  $('ask-error').textContent = '';
  const steps = stepList();
  const turn = el('article', { class: 'turn', 'data-state': 'asking' }, el('p', { class: 'q' }, question), steps.list);
  $('conversation').append(turn);
  const onEvent = event => {
    if (event.event !== 'accepted' && !turn.dataset.firstStepMs) timed(turn, 'ask:first-step', 'firstStepMs', pressed);
    steps.add(event);
  };
  try {
    const body = await ask(file.file_id, question, conversationId, onEvent);
    finish(turn, steps, body);
    timed(turn, 'ask:answer', 'answerMs', pressed);
  } catch (e) {
    turn.dataset.state = 'failed';
    turn.append(el('p', { class: 'error', role: 'alert' }, describe(e)));
  }
}

/**
 * Reopens a conversation where it was left (GET /conversations/{id}): its turns, oldest first, each with the answer
 * recorded for it (GET /questions/{id}); the next question continues it.
 */
export async function reopen(id) {
  reset();
  const conversation = await api('/conversations/' + encodeURIComponent(id));
  const records = await Promise.all(conversation.turns.map(t => api('/questions/' + encodeURIComponent(t.question_id))
    .catch(e => ({ question: t.question, failed: e }))));
  conversationId = conversation.conversation_id;
  $('conversation').dataset.conversationId = conversationId;
  for (const record of records) {
    const turn = el('article', { class: 'turn', 'data-state': record.failed ? 'failed' : 'answered', 'data-reopened': 'true' },
      el('p', { class: 'q' }, record.question));
    turn.append(record.failed ? el('p', { class: 'error', role: 'alert' }, describe(record.failed))
      : renderAnswer(record.reply || { answer: record.answer }, q => askQuestion(q), pin));
    $('conversation').append(turn);
  }
  $('question').focus();
}

/** Runs a recorded question again (POST /questions/{id}/rerun) and shows its answer as a turn. */
export async function rerun(record) {
  const steps = stepList();
  const turn = el('article', { class: 'turn', 'data-state': 'asking' }, el('p', { class: 'q' }, record.question + ' (re-run)'), steps.list);
  $('conversation').append(turn);
  try {
    finish(turn, steps, await api('/questions/' + encodeURIComponent(record.question_id) + '/rerun', { method: 'POST' }));
  } catch (e) {
    turn.dataset.state = 'failed';
    turn.append(el('p', { class: 'error', role: 'alert' }, describe(e)));
  }
}

/** Records the time since `start` on the turn (data-*) and as a performance measure. */
function timed(turn, name, key, start) {
  const measure = performance.measure(name, { start, end: performance.now() });
  turn.dataset[key] = measure.duration.toFixed(1);
}

function finish(turn, steps, body) {
  turn.dataset.eventsBeforeAnswer = String(steps.count());
  steps.trace(body);
  if (body.conversation_id) conversationId = body.conversation_id;
  if (conversationId) $('conversation').dataset.conversationId = conversationId;
  turn.append(renderAnswer(body, q => askQuestion(q), pin));
  turn.dataset.state = 'answered';
  turn.scrollIntoView({ block: 'nearest' });
  afterAnswer();
}
