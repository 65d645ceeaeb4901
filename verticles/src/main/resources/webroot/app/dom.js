// Small DOM and formatting helpers shared by the views.

/** el('td', {class: 'num'}, 'text', child): an element with attributes (on* are listeners) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const numbers = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A cell's text: numbers with separators and at most two decimals, null as empty. */
export function formatCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numbers.format(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A table of `columns` and `rows` (arrays), numbers right-aligned and formatted. Each header is a button that sorts
 * the rows by its column (numbers as numbers, empty cells last), ascending then descending, so a keyboard sorts it
 * too (Tab, Enter); the header says how it is sorted (aria-sort).
 */
export function grid(columns, rows, label) {
  const tbody = el('tbody', {});
  const headers = columns.map((c, i) => el('th', { scope: 'col', 'aria-sort': 'none' },
    el('button', { type: 'button', class: 'sort', 'data-column': i, onclick: () => sortBy(i) }, String(c))));
  const fill = list => tbody.replaceChildren(...list.map(r => el('tr', {},
    r.map(v => el('td', { class: typeof v === 'number' ? 'num' : undefined }, formatCell(v))))));
  function sortBy(index) {
    const th = headers[index];
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    headers.forEach(h => h.setAttribute('aria-sort', 'none'));
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    fill([...rows].sort((a, b) => compare(a[index], b[index], ascending ? 1 : -1)));
  }
  fill(rows);
  return el('div', { class: 'scroll' },
    el('table', { 'aria-label': label || 'table' }, el('thead', {}, el('tr', {}, headers)), tbody));
}

const words = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Order of two cells in `direction` (1 or -1): empty ones last either way, numbers by value, else as text. */
function compare(a, b, direction) {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return (a - b) * direction;
  return words.compare(formatCell(a), formatCell(b)) * direction;
}

/** The plain text of an API error ({error, message, hint}). */
export function describe(error) {
  if (!error) return 'something went wrong';
  const parts = [error.message || String(error)];
  if (error.hint) parts.push(error.hint);
  if (error.code) parts.push('(' + error.code + ')');
  return parts.join('\n');
}
