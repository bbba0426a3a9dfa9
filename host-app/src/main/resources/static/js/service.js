// service.html?id=N: the snapshots of one service, and what can be done with them.
import { call, download, upload } from './api.js';
import { $, confirmAction, el, formatTime, humanSize, messages, requireUser, showText, timeElement } from './ui.js';
import { showSchedule, wireSchedule } from './schedule.js';
import { showLog } from './log.js';
import { statusAge, statusWord, watchVoiceServer } from './status.js';

const serviceId = new URLSearchParams(location.search).get('id') || '';
const base = `/services/${serviceId}/voiceservers`;
let busy = false;
let finished = 0;
/** Counts the status watches started; only the newest one may still write the summary. */
let statusWatch = 0;

/** While an operation runs: a spinner with its name, and every operation button disabled. */
function setBusy(text) {
  busy = Boolean(text);
  showText($('busy-text'), text || '');
  $('busy').hidden = !busy;
  document.body.classList.toggle('is-busy', busy);
  for (const control of document.querySelectorAll('.op')) {
    control.disabled = busy;
  }
}

/** Runs one operation: clears old messages, shows it running, reports, then reloads the list. */
async function run(busyText, operation) {
  if (busy) {
    return;
  }
  messages.clear();
  setBusy(busyText);
  try {
    messages.success(await operation());
  } catch (error) {
    messages.error(error);
  } finally {
    setBusy(null);
    await refresh();
    // lets a watching test (or a person with dev tools) tell one finished operation from the next
    finished += 1;
    document.body.dataset.finished = String(finished);
  }
}

function describe(snapshot) {
  return `snapshot ${snapshot.snapshot_id} of ${formatTime(snapshot.created_at)}`;
}

function actionButton(label, accessibleName, onClick, className = '') {
  const button = el('button', { text: label, className: `op ${className}`.trim(), attrs: { type: 'button', 'aria-label': accessibleName } });
  button.addEventListener('click', onClick);
  button.disabled = busy;
  return button;
}

/** Asks for a snapshot's label in the label dialog; resolves to the text, or null when cancelled. */
function askLabel(current) {
  const dialog = $('label-dialog');
  $('label-text').value = current || '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok' ? $('label-text').value : null),
      { once: true });
    dialog.showModal();
  });
}

function pinButton(snapshot) {
  const id = snapshot.snapshot_id;
  const button = actionButton(snapshot.pinned ? 'Unpin' : 'Pin', `${snapshot.pinned ? 'Unpin' : 'Pin'} snapshot ${id}`,
    () => run(snapshot.pinned ? `Unpinning snapshot ${id}…` : `Pinning snapshot ${id}…`,
      async () => (await call(snapshot.pinned ? 'DELETE' : 'POST', `${base}/backup/${id}/pin`)).message), 'pin');
  button.setAttribute('aria-pressed', String(Boolean(snapshot.pinned)));
  return button;
}

function labelButton(snapshot) {
  const id = snapshot.snapshot_id;
  return actionButton('Label', `Label snapshot ${id}`, async () => {
    const label = await askLabel(snapshot.label);
    if (label !== null) {
      run(`Saving the label of snapshot ${id}…`,
        async () => (await call('PATCH', `${base}/backup/${id}`, { label })).message);
    }
  }, 'label');
}

function snapshotCell(snapshot) {
  const cell = el('td', { text: `#${snapshot.snapshot_id}`, attrs: { 'data-label': 'Snapshot' } });
  if (snapshot.pinned) {
    cell.append(' ', el('span', { text: 'pinned', className: 'badge pinned' }));
  }
  if (snapshot.label) {
    cell.append(el('span', { text: snapshot.label, className: 'snapshot-label' }));
  }
  return cell;
}

function originCell(snapshot) {
  const cell = el('td', { attrs: { 'data-label': 'Origin' } });
  cell.append(snapshot.origin === 'scheduled' ? el('span', { text: 'scheduled', className: 'badge scheduled' })
    : snapshot.origin);
  return cell;
}

function row(snapshot) {
  const id = snapshot.snapshot_id;
  const actions = el('div', { className: 'row-actions' }, pinButton(snapshot), labelButton(snapshot),
    actionButton('Download', `Download snapshot ${id}`, () => run(`Downloading snapshot ${id}…`, async () => {
      const name = await download(`${base}/backup/${id}`, `snapshot-${id}.vpsnap`);
      return `Snapshot ${id} was downloaded as ${name}.`;
    }), 'download'),
    actionButton('Restore', `Restore snapshot ${id}`, async () => {
      if (await confirmAction(`Restore ${describe(snapshot)}? The voice server restarts and every connected user is kicked.`, 'Restore')) {
        run(`Restoring snapshot ${id}; the voice server restarts…`, async () => {
          const answer = await call('POST', `${base}/backup/${id}/restore`);
          // what the voice server could not take back is said with the success, never left out
          return [answer.message, ...((answer.data && answer.data.not_restored) || [])].join(' ');
        });
      }
    }, 'restore'),
    actionButton('Delete', `Delete snapshot ${id}`, async () => {
      if (await confirmAction(`Delete ${describe(snapshot)}? This cannot be undone.`, 'Delete')) {
        run(`Deleting snapshot ${id}…`, async () => (await call('DELETE', `${base}/backup/${id}`)).message);
      }
    }, 'delete danger'));
  return el('tr', { attrs: { 'data-snapshot-id': id } },
    snapshotCell(snapshot),
    el('td', { attrs: { 'data-label': 'Created' } }, timeElement(snapshot.created_at)),
    el('td', { text: humanSize(snapshot.size), attrs: { 'data-label': 'Size', title: `${snapshot.size} bytes` } }),
    originCell(snapshot),
    el('td', { text: snapshot.created_by, attrs: { 'data-label': 'Created by' } }),
    el('td', { attrs: { 'data-label': 'Actions' } }, actions));
}

function showVoiceServer(voiceserver) {
  const age = statusAge(voiceserver);
  const status = `status: ${statusWord(voiceserver)}${age ? ` (${age})` : ''}`;
  showText($('summary'), [voiceserver.type, status, `${voiceserver.slots} slots`].join(' · '));
  // lets a watching test tell a status still being read from one that arrived
  $('summary').dataset.status = voiceserver.status ? 'known' : (voiceserver.status_refreshing ? 'refreshing' : 'unknown');
}

/** The voice server's status, on its own: the list never waits for it (status.js). */
async function refreshStatus() {
  statusWatch += 1;
  const watch = statusWatch;
  try {
    await watchVoiceServer(serviceId, showVoiceServer, () => watch === statusWatch);
  } catch (error) {
    // the list's own call reports what failed; the summary just stays as it was
  }
}

/** "5 of 10 snapshots, 3.1 MiB of 50 MiB": the service's use of its limits. */
function quotaSentence(quota) {
  const count = quota.max_snapshots ? `${quota.snapshots} of ${quota.max_snapshots} snapshots`
    : `${quota.snapshots} snapshot${quota.snapshots === 1 ? '' : 's'}`;
  const bytes = quota.max_bytes ? `${humanSize(quota.bytes)} of ${humanSize(quota.max_bytes)}` : humanSize(quota.bytes);
  return `${count}, ${bytes}`;
}

function showSnapshots({ snapshots, quota }) {
  $('snapshot-table').tBodies[0].replaceChildren(...snapshots.map(row));
  $('no-snapshots').hidden = snapshots.length > 0;
  $('snapshot-table').hidden = snapshots.length === 0;
  showText($('quota'), quotaSentence(quota));
  $('backups').hidden = false;
}

/** The service's recent log; left out for a login without ROLE_WEBINTERFACE_LOGS_READ. */
async function refreshLog() {
  try {
    await showLog(`/services/${serviceId}/logs`, $('log-table'), $('no-log'));
    $('activity').hidden = false;
  } catch (error) {
    $('activity').hidden = true;
  }
}

async function refresh() {
  refreshLog();
  refreshStatus();
  try {
    const [list, schedule] = await Promise.all([call('GET', `${base}/backup`), call('GET', `${base}/backup/schedule`)]);
    showSnapshots(list.data);
    showSchedule(schedule.data.schedule);
  } catch (error) {
    if (error.code === 'BACKUPS_NOT_SUPPORTED') {
      $('backups').hidden = true;
      showText($('unsupported'), `Backups are not available for this service. ${error.message}`);
    } else {
      messages.error(error);
    }
  }
}

function uploadFile(file) {
  const progress = $('upload-progress');
  run(`Uploading ${file.name}…`, async () => {
    progress.value = 0;
    $('upload-row').hidden = false;
    try {
      const { data } = await upload(`${base}/backup/upload`, file, (fraction) => {
        progress.value = Math.round(fraction * 100);
        if (fraction >= 1) {
          showText($('busy-text'), `Checking ${file.name}…`);
        }
      });
      return `Snapshot ${data.snapshot.id} was uploaded from ${file.name}.`;
    } finally {
      $('upload-row').hidden = true;
      $('upload-file').value = '';
    }
  });
}

function wireUpload() {
  $('upload-file').addEventListener('change', () => {
    const [file] = $('upload-file').files;
    if (file) {
      uploadFile(file);
    }
  });
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const [file] = event.dataTransfer.files;
    if (file && !busy) {
      uploadFile(file);
    }
  });
}

async function main() {
  await requireUser();
  if (!/^[0-9]{1,18}$/.test(serviceId)) {
    showText($('error'), 'The address names no service; open one from My services.');
    return;
  }
  try {
    const { data } = await call('GET', `/services/${serviceId}`);
    $('title').textContent = `Backups of ${data.service.name}`;
    document.title = `Backups of ${data.service.name} · Voice Panel`;
  } catch (error) {
    messages.error(error);
    return;
  }
  $('create').addEventListener('click', () => run('Creating a snapshot…', async () => {
    const { data } = await call('POST', `${base}/backup`);
    return `Snapshot ${data.snapshot.id} was created.`;
  }));
  wireUpload();
  wireSchedule(run, `${base}/backup/schedule`);
  await refresh();
}

main();
