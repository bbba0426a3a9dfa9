// index.html: the login form, or the logged-in user's services.
import { ApiError, call } from './api.js';
import { $, currentUser, el, messages, showUser } from './ui.js';
import { statusWord, watchVoiceServer } from './status.js';

// Only our own pages may follow a login, so a link cannot send a user elsewhere.
function nextPage() {
  const next = new URLSearchParams(location.search).get('next') || '';
  return /^(index\.html|admin\.html|service\.html\?id=[0-9]{1,18})$/.test(next) ? next : null;
}

function showLogin() {
  $('login').hidden = false;
  if (new URLSearchParams(location.search).has('next')) {
    messages.success('Please log in to go on.');
  }
  $('login-name').focus();
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = $('login-submit');
    button.disabled = true;
    try {
      await call('POST', '/session', { name: $('login-name').value.trim(), password: $('login-password').value });
      location.assign(nextPage() || 'index.html');
    } catch (error) {
      $('login-password').value = '';
      // a wrong password is a 401 too: show it here instead of coming back to this page
      messages.error(error instanceof ApiError && error.status === 401
        ? new ApiError(400, error.code, error.message) : error);
      $('login-password').focus();
    } finally {
      button.disabled = false;
    }
  });
}

async function fillStatus(service, cell) {
  try {
    const last = await watchVoiceServer(service.id, (voiceserver) => { cell.textContent = statusWord(voiceserver); });
    if (last && !last.status) {
      // the asks ran out while the voice server still had not answered
      cell.textContent = 'unknown';
    }
  } catch (error) {
    cell.textContent = error.code === 'BACKUPS_NOT_SUPPORTED' ? 'backups not available' : 'unknown';
    cell.title = error.message;
  }
}

async function showServices(user) {
  showUser(user);
  const { data } = await call('GET', '/services');
  const rows = $('service-table').tBodies[0];
  for (const service of data.services) {
    const status = el('td', { text: 'checking…', attrs: { 'data-label': 'Status' } });
    const link = el('a', { text: 'Backups', attrs: { href: `service.html?id=${service.id}` } });
    link.setAttribute('aria-label', `Backups of ${service.name}`);
    rows.append(el('tr', { attrs: { 'data-service-id': service.id } },
      el('td', { attrs: { 'data-label': 'Service' } }, el('strong', { text: service.name })),
      el('td', { text: service.voiceserver.type, attrs: { 'data-label': 'Voice server' } }),
      status,
      el('td', {}, link)));
    fillStatus(service, status);
  }
  $('no-services').hidden = data.services.length > 0;
  $('service-table').hidden = data.services.length === 0;
  $('services').hidden = false;
}

async function main() {
  try {
    const user = await currentUser();
    if (user) {
      await showServices(user);
    } else {
      showLogin();
    }
  } catch (error) {
    messages.error(error);
  }
}

main();
