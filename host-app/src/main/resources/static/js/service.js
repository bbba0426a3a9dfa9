// service.html?id=N: the snapshots of one service, and what can be done with them.
import { call, download, upload } from './api.js';
import { $, confirmAction, el, formatTime, humanSize, messages, requireUser, showText, timeElement } from './ui.js';

const serviceId = new URLSearchParams(location.search).get('id') || '';
const base = `/services/${serviceId}/voiceservers`;
let busy = false;
let finished = 0;

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

function row(snapshot) {
  const id = snapshot.snapshot_id;
  const actions = el('div', { className: 'row-actions' },
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
    el('td', { text: `#${id}`, attrs: { 'data-label': 'Snapshot' } }),
    el('td', { attrs: { 'data-label': 'Created' } }, timeElement(snapshot.created_at)),
    el('td', { text: humanSize(snapshot.size), attrs: { 'data-label': 'Size', title: `${snapshot.size} bytes` } }),
    el('td', { text: snapshot.origin, attrs: { 'data-label': 'Origin' } }),
    el('td', { text: snapshot.created_by, attrs: { 'data-label': 'Created by' } }),
    el('td', { attrs: { 'data-label': 'Actions' } }, actions));
}

function showVoiceServer(voiceserver) {
  const parts = [voiceserver.type, `status: ${voiceserver.status || 'unknown'}`, `${voiceserver.slots} slots`];
  showText($('summary'), parts.join(' · '));
  const rows = $('snapshot-table').tBodies[0];
  rows.replaceChildren(...voiceserver.specific.snapshots.map(row));
  $('no-snapshots').hidden = voiceserver.specific.snapshots.length > 0;
  $('snapshot-table').hidden = voiceserver.specific.snapshots.length === 0;
  $('backups').hidden = false;
}

async function refresh() {
  try {
    showVoiceServer((await call('GET', base)).data.voiceserver);
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
  await refresh();
}

main();
