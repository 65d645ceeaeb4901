// The catalog (GET /files), uploads (picker, drag and drop, progress; straight to S3 when the node offers it) and
// deleting a file.
import { api, upload } from './api.js';
import { describe, el } from './dom.js';

const $ = id => document.getElementById(id);
let onOpen = () => {};
let selected = null;

/** Shows the catalog; `open(file)` is called when a file is chosen. */
export function init(open) {
  onOpen = open;
  $('file-input').addEventListener('change', e => { if (e.target.files[0]) send(e.target.files[0]); e.target.value = ''; });
  const drop = $('drop');
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) send(e.dataTransfer.files[0]);
  });
  drop.addEventListener('keydown', e => { if (e.key === 'Enter') $('file-input').click(); });
}

export async function refresh() {
  const body = await api('/files');
  const tbody = $('catalog').querySelector('tbody');
  tbody.replaceChildren(...body.files.map(row));
  return body.files;
}

function row(file) {
  const types = (file.columns || []).map(c => c.name + ' (' + c.type + ')').join(', ');
  return el('tr', { 'data-file-id': file.file_id, class: selected === file.file_id ? 'selected' : undefined },
    el('td', {}, el('button', { type: 'button', class: 'open', onclick: () => choose(file) }, file.name)),
    el('td', { class: 'num' }, file.rows == null ? '' : file.rows.toLocaleString()),
    el('td', { title: types }, (file.columns || []).length + ' columns'),
    el('td', {}, el('button', { type: 'button', class: 'delete', 'aria-label': 'Delete ' + file.name, onclick: () => remove(file) }, 'Delete')));
}

function choose(file) {
  selected = file.file_id;
  for (const tr of $('catalog').querySelectorAll('tbody tr')) tr.classList.toggle('selected', tr.dataset.fileId === selected);
  onOpen(file);
}

async function send(file) {
  const progress = $('upload-progress');
  $('upload-error').textContent = '';
  $('upload-status').textContent = 'Uploading ' + file.name + '…';
  progress.hidden = false;
  progress.value = 0;
  try {
    const stages = [];
    const body = await upload(file, (stage, fraction) => {
      if (stages[stages.length - 1] !== stage) stages.push(stage);
      progress.dataset.stages = stages.join(' '); // what the bar went through, for a test to read
      if (stage === 'uploading') progress.value = Math.round(fraction * 100);
      else progress.value = 100;
      if (stage === 'ingesting') $('upload-status').textContent = 'Uploaded ' + file.name + '; reading it…';
    });
    progress.value = 100;
    const rejected = body.rows_rejected ? ', ' + body.rows_rejected + ' rows rejected' : '';
    $('upload-status').textContent = 'Uploaded ' + body.name + ': ' + body.rows + ' rows, '
      + body.columns.length + ' columns' + rejected + '.';
    const rejectedLines = (body.rejected_lines || []).map(l => 'line ' + l.line + ': ' + l.reason).join('\n');
    if (rejectedLines) $('upload-error').textContent = rejectedLines;
    await refresh();
    choose(body);
  } catch (e) {
    $('upload-status').textContent = '';
    $('upload-error').textContent = 'Upload refused: ' + describe(e);
  } finally {
    progress.hidden = true;
  }
}

async function remove(file) {
  if (!confirm('Delete ' + file.name + ' and every answer about it?')) return;
  try {
    await api('/files/' + encodeURIComponent(file.file_id), { method: 'DELETE' });
    if (selected === file.file_id) {
      selected = null;
      onOpen(null);
    }
    await refresh();
  } catch (e) {
    $('upload-error').textContent = 'Delete refused: ' + describe(e);
  }
}
