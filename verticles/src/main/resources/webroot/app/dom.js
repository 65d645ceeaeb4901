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

/** A table of `columns` and `rows` (arrays), numbers right-aligned and formatted. */
export function grid(columns, rows, label) {
  return el('div', { class: 'scroll' },
    el('table', { 'aria-label': label || 'table' },
      el('thead', {}, el('tr', {}, columns.map(c => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, rows.map(r => el('tr', {},
        r.map(v => el('td', { class: typeof v === 'number' ? 'num' : undefined }, formatCell(v))))))));
}

/** The plain text of an API error ({error, message, hint}). */
export function describe(error) {
  if (!error) return 'something went wrong';
  const parts = [error.message || String(error)];
  if (error.hint) parts.push(error.hint);
  if (error.code) parts.push('(' + error.code + ')');
  return parts.join('\n');
}
