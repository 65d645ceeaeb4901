// The file's boards (GET /files/{id}/boards): pinning an answer to a named board, and one board's tiles, each
// re-runnable (POST /boards/{id}/tiles/{tile}/rerun). A generated board still being filled, or a board whose tiles
// are re-run on a re-upload of its file, is looked at again every second until it is done.
import { api } from './api.js';
import { describe, el } from './dom.js';
import { renderResult } from './answer.js';

const $ = id => document.getElementById(id);
const path = id => encodeURIComponent(id);
let fileId = null;
let boards = [];
let openBoardId = null;
let poll = null;
let listPoll = null;

/** Being generated, or re-run on a re-upload of its file: the page looks again every second. */
const busy = board => !!(board.generating || board.refreshing);

export function init() {
  $('board-delete').addEventListener('click', () => removeBoard());
}

/** Lists `file`'s boards (none: clears the view). */
export async function show(file) {
  fileId = file ? file.file_id : null;
  clearTimeout(listPoll);
  closeBoard();
  if (!fileId) {
    $('board-list').replaceChildren();
    return;
  }
  await refreshList();
}

async function refreshList() {
  if (!fileId) return;
  clearTimeout(listPoll);
  const body = await api('/files/' + path(fileId) + '/boards');
  if (body.file_id !== fileId) return; // another file was chosen meanwhile
  boards = body.boards;
  // a board being generated or refreshed: looked at again every second until it is done
  if (boards.some(busy)) listPoll = setTimeout(() => refreshList().catch(e => console.warn(describe(e))), 1000);
  $('board-names').replaceChildren(...boards.map(b => el('option', { value: b.name })));
  // items are kept and updated in place, so a button being pressed is never swapped for another
  const list = $('board-list');
  const items = new Map([...list.children].map(li => [li.dataset.boardId, li]));
  list.replaceChildren(...boards.map(b => {
    const li = items.get(b.board_id) || el('li', { 'data-board-id': b.board_id },
      el('button', { type: 'button', class: 'open-board', 'aria-pressed': 'false', onclick: () => openBoard(b.board_id) }),
      ' ', el('span', { class: 'meta' }));
    li.querySelector('button').textContent = b.name;
    li.querySelector('button').setAttribute('aria-pressed', String(b.board_id === openBoardId));
    li.querySelector('.meta').textContent = b.tile_count + (b.tile_count === 1 ? ' tile' : ' tiles')
      + (b.generating ? ', being generated…' : b.refreshing ? ', refreshing on the new upload…' : '');
    return li;
  }));
}

/** Pins the answered question to the board named `name` (made when the file has none of that name); answers the board. */
export async function pin(questionId, name) {
  if (!name) throw new Error('name the board');
  await refreshList();
  let board = boards.find(b => b.name === name);
  if (!board) board = await api('/files/' + path(fileId) + '/boards', { method: 'POST', body: { name } });
  const pinned = await api('/boards/' + path(board.board_id) + '/tiles', { method: 'POST', body: { question_id: questionId } });
  await refreshList();
  if (openBoardId === pinned.board_id) render(pinned);
  return pinned;
}

async function openBoard(boardId) {
  openBoardId = boardId;
  for (const button of document.querySelectorAll('#board-list button.open-board')) {
    button.setAttribute('aria-pressed', String(button.closest('li').dataset.boardId === boardId));
  }
  $('board-view').hidden = false;
  $('board-error').textContent = '';
  try {
    render(await api('/boards/' + path(boardId)));
  } catch (e) {
    $('board-error').textContent = describe(e);
  }
}

function closeBoard() {
  openBoardId = null;
  clearTimeout(poll);
  $('board-view').hidden = true;
  $('tiles').replaceChildren();
}

function render(board) {
  clearTimeout(poll);
  $('board-title').textContent = board.name;
  $('board-view').dataset.boardId = board.board_id;
  $('board-view').dataset.generating = String(!!board.generating);
  $('board-view').dataset.refreshing = String(!!board.refreshing);
  $('board-status').textContent = board.generating ? 'Generating its tiles from the file\'s profile…'
    : board.refreshing ? 'Re-running its tiles on the new upload…'
      : board.tiles.length + (board.tiles.length === 1 ? ' tile' : ' tiles');
  $('tiles').replaceChildren(...board.tiles.map(t => tile(board, t)));
  // the list polls on its own timer: a board just done updates its list entry now, not up to a second later
  if (!busy(board) && boards.some(b => b.board_id === board.board_id && busy(b))) {
    refreshList().catch(e => console.warn(describe(e)));
  }
  if (busy(board)) {
    poll = setTimeout(async () => {
      if (openBoardId !== board.board_id) return;
      try {
        render(await api('/boards/' + path(board.board_id)));
      } catch (e) {
        $('board-error').textContent = describe(e);
      }
    }, 1000);
  }
}

function tile(board, t) {
  const result = t.result || {};
  const when = t.refreshed_at ? 'refreshed ' + new Date(t.refreshed_at).toLocaleString() : 'pinned ' + new Date(t.pinned_at).toLocaleString();
  const box = el('article', { class: 'tile', 'data-tile-id': t.tile_id, 'data-refreshed-at': t.refreshed_at || '' },
    el('h4', {}, t.title),
    el('p', { class: 'answer-text' }, firstLines(result.answer)),
    (result.results || []).filter(r => r.type === 'table' || r.type === 'image').map(renderResult),
    el('p', { class: 'meta' }, when, ' ',
      el('button', { type: 'button', class: 'rerun-tile', 'aria-label': 'Re-run ' + t.title, onclick: () => rerun(board, t, box) }, 'Re-run'), ' ',
      el('button', { type: 'button', class: 'unpin', 'aria-label': 'Remove ' + t.title + ' from the board', onclick: () => unpin(board, t) }, 'Remove')));
  return box;
}

/** The answer's findings without its heading line and confidence footer. */
function firstLines(answer) {
  const lines = (answer || '').trim().split('\n').filter(l => l.trim() && !l.startsWith('Confidence:'));
  return (lines.length > 1 ? lines.slice(1) : lines).join('\n');
}

async function rerun(board, t, box) {
  box.dataset.state = 'running';
  try {
    const fresh = await api('/boards/' + path(board.board_id) + '/tiles/' + path(t.tile_id) + '/rerun', { method: 'POST' });
    if (openBoardId === board.board_id) box.replaceWith(tile(board, fresh));
  } catch (e) {
    box.dataset.state = 'failed';
    $('board-error').textContent = describe(e);
  }
}

async function unpin(board, t) {
  try {
    render(await api('/boards/' + path(board.board_id) + '/tiles/' + path(t.tile_id), { method: 'DELETE' }));
    await refreshList();
  } catch (e) {
    $('board-error').textContent = describe(e);
  }
}

async function removeBoard() {
  if (!openBoardId) return;
  const board = boards.find(b => b.board_id === openBoardId);
  if (!confirm('Delete the board ' + (board ? board.name : '') + '? Its questions stay in the history.')) return;
  try {
    await api('/boards/' + path(openBoardId), { method: 'DELETE' });
    closeBoard();
    await refreshList();
  } catch (e) {
    $('board-error').textContent = describe(e);
  }
}
