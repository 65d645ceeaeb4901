// Questions over the event-bus bridge (/eventbus, SockJS): send to ds.client.ask with "async": true, then follow
// the job at ds.client.<tenant>.job.<job_id> until done or failed. The token rides in each message's headers.
import { bridgeHeaders, tenant } from './session.js';

let bus = null;
let opened = null;
const pending = new Set(); // rejecters of the questions in flight, told when the bridge refuses a message

function refused(why) {
  for (const reject of pending) reject(new Error('the bridge refused the message: ' + why));
  pending.clear();
}

function connect() {
  if (opened) return opened;
  opened = new Promise((resolve, reject) => {
    bus = new EventBus('/eventbus');
    bus.onopen = () => resolve(bus);
    bus.onclose = () => {
      opened = null;
      refused('the event-bus bridge closed');
      reject(new Error('the event-bus bridge closed'));
    };
    bus.onerror = e => refused(e && e.body ? e.body : String(e));
  });
  return opened;
}

/** A failure reply ({failureCode, message: the API's JSON error}) as an Error with {error, message, hint}. */
function failure(err) {
  let body = {};
  try {
    body = JSON.parse(err.message);
  } catch (e) {
    body = { error: 'refused', message: err.message || err.body || 'the bridge refused the question' };
  }
  return Object.assign(new Error(body.message), body, { status: err.failureCode });
}

/**
 * Asks `question` of `fileId`; `onEvent` gets each job event as it arrives. Resolves with the /ask body; a cached
 * answer comes at once, with no job and no events.
 */
export async function ask(fileId, question, conversationId, onEvent) {
  const eb = await connect();
  const body = { file_id: fileId, question, async: true };
  if (conversationId) body.conversation_id = conversationId;
  const accepted = await new Promise((resolve, reject) => {
    pending.add(reject);
    eb.send('ds.client.ask', body, bridgeHeaders(), (err, reply) => {
      pending.delete(reject);
      if (err) reject(failure(err));
      else resolve(reply.body);
    });
  });
  if (accepted.answer !== undefined || !accepted.job_id) return accepted;
  onEvent({ event: 'accepted', job_id: accepted.job_id });
  const address = 'ds.client.' + tenant() + '.job.' + accepted.job_id;
  return new Promise((resolve, reject) => {
    pending.add(reject);
    const handler = (err, message) => {
      if (err) {
        reject(failure(err));
        return;
      }
      const event = message.body;
      onEvent(event);
      if (event.event === 'done' || event.event === 'failed') {
        pending.delete(reject);
        eb.unregisterHandler(address, bridgeHeaders(), handler);
        if (event.event === 'done') resolve(event.result);
        else reject(Object.assign(new Error(event.error.message), event.error));
      }
    };
    eb.registerHandler(address, bridgeHeaders(), handler);
  });
}

/** Closes the socket (signing out, or a new tenant). */
export function close() {
  if (bus) {
    bus.onclose = null;
    bus.close();
  }
  bus = null;
  opened = null;
}
