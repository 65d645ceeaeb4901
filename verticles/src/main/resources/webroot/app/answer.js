// One answer: the text, how it was read, how sure, what weakens it, its tables and charts, its SQL and plan.
import { el, formatCell, grid } from './dom.js';

/**
 * The answer `body` (the /ask reply); `reAsk(question)` asks again in the same conversation; `pin(questionId,
 * boardName)`, when given, pins it to a board of the file and answers the board.
 */
export function renderAnswer(body, reAsk, pin) {
  const box = el('div', { class: 'answer', 'data-cached': body.cached ? 'true' : 'false' });
  box.append(el('p', { class: 'answer-text' }, (body.answer || '').trim()));
  const confidence = typeof body.confidence === 'number' ? Math.round(body.confidence * 100) + '%' : '—';
  box.append(el('p', { class: 'meta' },
    el('span', { class: 'interpretation' }, body.interpretation || ''),
    ' · confidence ', el('span', { class: 'confidence' }, confidence),
    body.cached ? ' · from the cache' : ''));
  if (body.best_guess) {
    box.append(el('div', { class: 'guess', role: 'note' },
      el('strong', {}, 'This is a best guess. '), 'Did you mean:',
      el('div', { class: 'alternatives' }, (body.alternatives || []).map(a =>
        el('button', { type: 'button', class: 'alternative', onclick: () => reAsk(a) }, a)))));
  }
  if (body.suggestions && body.suggestions.length) {
    box.append(el('div', { class: 'alternatives suggestions' }, 'Try: ',
      body.suggestions.map(s => el('button', { type: 'button', class: 'suggestion', onclick: () => reAsk(s) }, s))));
  }
  if (body.caveats && body.caveats.length) {
    box.append(el('ul', { class: 'caveats', 'aria-label': 'Caveats' }, body.caveats.map(c => el('li', {}, caveatText(c)))));
  }
  for (const result of body.results || []) box.append(renderResult(result));
  if (pin && body.question_id) box.append(pinForm(body.question_id, pin));
  box.append(el('details', { class: 'sql-plan' }, el('summary', {}, 'SQL and plan'),
    el('pre', { class: 'sql' }, Array.isArray(body.sql) ? body.sql.join(';\n\n') : String(body.sql || '')),
    el('pre', { class: 'plan' }, JSON.stringify(body.plan || [], null, 2))));
  return box;
}

function caveatText(caveat) {
  return typeof caveat === 'string' ? caveat : caveat.message || caveat.text || JSON.stringify(caveat);
}

/** A small form: a board name (existing ones offered by the datalist #board-names) and Pin. */
function pinForm(questionId, pin) {
  const name = el('input', { type: 'text', class: 'board-name', list: 'board-names', value: 'My board', 'aria-label': 'Board to pin this answer to', required: true });
  const status = el('span', { class: 'pin-status meta', 'aria-live': 'polite' });
  return el('form', {
    class: 'pin',
    onsubmit: async e => {
      e.preventDefault();
      status.textContent = 'Pinning…';
      try {
        const board = await pin(questionId, name.value.trim());
        status.textContent = 'Pinned to ' + board.name + '.';
      } catch (err) {
        status.textContent = 'Not pinned: ' + (err.message || err);
      }
    },
  }, name, ' ', el('button', { type: 'submit', class: 'pin-button' }, 'Pin to board'), ' ', status);
}

/** One result of an answer: a table, a chart drawn by vega-embed, a JSON link or a text. */
export function renderResult(result) {
  switch (result.type) {
    case 'table': return table(result);
    case 'image': return chart(result);
    case 'json': return el('p', {}, el('a', { href: result.url, target: '_blank', rel: 'noopener' }, result.label || 'JSON result'));
    case 'text': return el('p', { class: 'result-text' }, result.text);
    default: return el('p', {}, formatCell(result));
  }
}

function table(result) {
  const box = el('figure', { class: 'result-table' }, el('figcaption', {}, result.label || 'Result'));
  box.append(grid(result.columns, result.rows, result.label));
  if (result.truncated) {
    box.append(el('p', { class: 'meta' }, 'Showing ' + result.rows.length + ' of ' + formatCell(result.total_rows) + ' rows. ',
      result.full_url ? el('a', { href: result.full_url, class: 'full-csv', download: '' }, 'Download the full CSV') : ''));
  }
  return box;
}

function chart(result) {
  const target = el('div', { class: 'vega' });
  const box = el('figure', { class: 'chart', 'data-chart': result.chart || '' }, el('figcaption', {}, result.label || 'Chart'), target,
    el('p', { class: 'meta' }, el('a', { href: result.url, target: '_blank', rel: 'noopener', class: 'png' }, 'PNG')));
  if (result.spec_url) {
    fetch(result.spec_url)
      .then(r => { if (!r.ok) throw new Error('the chart spec answered ' + r.status); return r.json(); })
      .then(spec => vegaEmbed(target, spec, { actions: false, tooltip: true, renderer: 'svg' }))
      .then(() => box.setAttribute('data-rendered', 'true'))
      .catch(e => {
        target.replaceChildren(el('img', { src: result.url, alt: result.label || 'chart' }));
        box.setAttribute('data-rendered', 'png');
        console.warn('chart drawn as PNG:', e.message);
      });
  } else {
    target.append(el('img', { src: result.url, alt: result.label || 'chart' }));
  }
  return box;
}
