// The agent's steps as its job events arrive: planned, each tool with timing and node, reflected, answered.
import { el } from './dom.js';

/** A live list; `add(event)` appends or updates its line. Counts the events shown before the answer. */
export function stepList() {
  const list = el('ol', { class: 'steps', 'aria-label': 'Agent steps' });
  const byIndex = new Map();
  let agent = '';
  let count = 0;
  function line(kind, text, cls) {
    count++;
    const item = el('li', { class: cls, 'data-event': kind }, text);
    list.append(item);
    return item;
  }
  function add(e) {
    switch (e.event) {
      case 'accepted':
        list.append(el('li', { 'data-event': 'accepted', class: 'meta' }, 'Accepted as job ' + e.job_id));
        break;
      case 'started':
      case 'resumed':
        agent = e.agent || '';
        line(e.event, (e.event === 'started' ? 'Started' : 'Resumed') + ' on node ' + agent);
        break;
      case 'planned':
        line('planned', e.repair ? 'Repaired the plan' + (e.repaired === false ? ': no fix' : '')
          : 'Planned ' + (Array.isArray(e.steps) ? e.steps.length : e.steps) + ' step(s) with the ' + (e.planner || '') + ' planner'
            + (e.interpretation ? ': ' + e.interpretation : ''));
        break;
      case 'step_started':
        byIndex.set(e.index, line('step_started', 'Step ' + (e.index + 1) + ': ' + e.tool + ' running on ' + (agent || 'a node') + '…'));
        break;
      case 'step_finished': {
        const text = 'Step ' + (e.index + 1) + ': ' + e.tool + ' ' + e.status + ' in ' + Math.round(e.duration_ms) + ' ms'
          + (agent ? ' (agent ' + agent + ')' : '') + (e.summary ? ' — ' + e.summary : '') + (e.message ? ' — ' + e.message : '');
        const item = byIndex.get(e.index);
        if (item) {
          item.textContent = text;
          item.dataset.event = 'step_finished';
          count++;
        } else {
          line('step_finished', text);
        }
        if (e.status !== 'ok') (item || list.lastChild).classList.add('failed');
        break;
      }
      case 'step_retried':
        line('step_retried', 'Step ' + (e.index + 1) + ': ' + e.tool + ' sent again (' + e.reason + ')');
        break;
      case 'reflected':
        line('reflected', 'Reflected: ' + e.decision + (e.unanswered ? ', ' + e.unanswered + ' unanswered' : ''));
        break;
      case 'answered':
        line('answered', 'Answered' + (e.end_reason ? ' (' + e.end_reason + ')' : ''));
        break;
      default:
        break;
    }
  }
  /** After the answer: the nodes each step ran on, from the reply's trace. */
  function trace(body) {
    const acts = (body.trace || []).filter(t => t.node === 'act');
    if (acts.length) {
      list.append(el('li', { class: 'trace', 'data-event': 'trace' },
        'Ran: ' + acts.map(t => t.tool + ' ' + (t.tool_ms ?? Math.round(t.duration_ms)) + ' ms on ' + t.ran_on).join(', ')));
    }
  }
  return { list, add, trace, count: () => count };
}
