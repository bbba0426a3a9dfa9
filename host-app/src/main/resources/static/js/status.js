// The voice server's status as the panel caches it (docs/api.md, GET /services/{id}/voiceservers): it may be a few
// seconds old, and while a fresh read is under way the answer says so (status_refreshing) and is asked for again,
// a bounded number of times, so a voice server that is slow to answer never holds up anything else on the page.
import { call } from './api.js';

const ASKS = 10;
const ASK_AGAIN_MILLIS = 1000;

const pause = (millis) => new Promise((resolve) => { setTimeout(resolve, millis); });

/**
 * Calls show(voiceserver) with each answer until one is not refreshing (or the asks run out, or stillWanted() turns
 * false); resolves to the last answer. Errors are the caller's.
 */
export async function watchVoiceServer(serviceId, show, stillWanted = () => true) {
  let voiceserver = null;
  for (let ask = 0; ask < ASKS && stillWanted(); ask += 1) {
    if (ask > 0) {
      await pause(ASK_AGAIN_MILLIS);
      if (!stillWanted()) {
        break;
      }
    }
    ({ voiceserver } = (await call('GET', `/services/${serviceId}/voiceservers`)).data);
    show(voiceserver);
    if (!voiceserver.status_refreshing) {
      break;
    }
  }
  return voiceserver;
}

/** "online", "unknown", or "checking…" while the first read is under way. */
export function statusWord(voiceserver) {
  if (voiceserver.status) {
    return voiceserver.status;
  }
  return voiceserver.status_refreshing ? 'checking…' : 'unknown';
}

/** "read 3 s ago", or '' when the voice server was never asked. */
export function statusAge(voiceserver) {
  const age = voiceserver.status_age_seconds;
  if (age === undefined || age === null) {
    return '';
  }
  return age < 60 ? `read ${age} s ago` : `read ${Math.floor(age / 60)} min ago`;
}
