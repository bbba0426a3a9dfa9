// admin.html: users, their access tokens, services and plugins (ROLE_ADMIN only; the host checks).
import { call } from './api.js';
import { $, confirmAction, el, messages, requireUser, showText } from './ui.js';
import { showLog } from './log.js';

let users = [];
let editingServiceId = null;
let passwordUserId = null;

function cell(label, content) {
  const td = el('td', { attrs: { 'data-label': label } });
  td.append(content);
  return td;
}

function button(text, accessibleName, onClick, className = '') {
  const node = el('button', { text, className, attrs: { type: 'button', 'aria-label': accessibleName } });
  node.addEventListener('click', onClick);
  return node;
}

/** Runs an admin action, shows its sentence or error, then reloads what it changed. */
async function act(action, reload) {
  messages.clear();
  try {
    const text = await action();
    messages.success(text);
  } catch (error) {
    messages.error(error);
  }
  if (reload) {
    await reload().catch(messages.error);
  }
}

async function loadUsers() {
  users = (await call('GET', '/admin/users')).data.users;
  $('user-table').tBodies[0].replaceChildren(...users.map((user) => el('tr', { attrs: { 'data-user-id': user.id } },
    cell('ID', String(user.id)),
    cell('Name', user.name),
    cell('Role', user.admin ? 'admin' : 'user'),
    cell('Actions', button('Set password', `Set password of ${user.name}`, () => askPassword(user))))));
  for (const select of [$('token-user'), $('service-owner')]) {
    const chosen = select.value;
    select.replaceChildren(...users.map((user) => el('option', { text: `${user.name} (${user.id})`, attrs: { value: user.id } })));
    if (chosen) {
      select.value = chosen;
    }
  }
}

function askPassword(user) {
  passwordUserId = user.id;
  $('password-title').textContent = `Set password of ${user.name}`;
  $('new-password').value = '';
  $('password-dialog').showModal();
}

function wirePasswordDialog() {
  $('password-cancel').addEventListener('click', () => $('password-dialog').close());
  $('password-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const password = $('new-password').value;
    $('password-dialog').close();
    act(async () => (await call('PUT', `/admin/users/${passwordUserId}/password`, { password })).message);
  });
}

async function loadTokens() {
  const userId = $('token-user').value;
  if (!userId) {
    return;
  }
  const tokens = (await call('GET', `/admin/users/${userId}/tokens`)).data.tokens;
  $('token-table').tBodies[0].replaceChildren(...tokens.map((token) => el('tr', { attrs: { 'data-token-id': token.id } },
    cell('ID', String(token.id)),
    cell('Roles', token.roles.join(', ')),
    cell('Description', token.description || '—'),
    cell('State', token.revoked ? 'revoked' : 'active'),
    cell('Actions', token.revoked ? '' : button('Revoke', `Revoke token ${token.id}`, async () => {
      if (await confirmAction(`Revoke token ${token.id}? Clients using it are refused at once.`, 'Revoke')) {
        act(async () => (await call('DELETE', `/admin/tokens/${token.id}`)).message, loadTokens);
      }
    }, 'danger')))));
  $('no-tokens').hidden = tokens.length > 0;
  $('token-table').hidden = tokens.length === 0;
}

function wireTokenForm() {
  $('token-user').addEventListener('change', () => {
    $('new-token').hidden = true;
    loadTokens().catch(messages.error);
  });
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const roles = [...document.querySelectorAll('input[name=role]:checked')].map((box) => box.value);
    act(async () => {
      const { data } = await call('POST', `/admin/users/${$('token-user').value}/tokens`,
        { roles, description: $('token-description').value });
      $('new-token-value').value = data.token.access_token;
      $('new-token').hidden = false;
      $('new-token-value').select();
      return `Token ${data.token.id} was created.`;
    }, loadTokens);
  });
}

function ownerName(id) {
  const owner = users.find((user) => user.id === id);
  return owner ? owner.name : `user ${id}`;
}

async function loadServices() {
  const services = (await call('GET', '/admin/services')).data.services;
  $('service-table').tBodies[0].replaceChildren(...services.map((service) => {
    const vs = service.voiceserver;
    return el('tr', { attrs: { 'data-service-id': service.id } },
      cell('ID', String(service.id)),
      cell('Name', service.name),
      cell('Owner', ownerName(service.owner_user_id)),
      cell('Voice server', `${vs.type} #${vs.virtual_server_id}`),
      cell('Query', `${vs.host}:${vs.query_port}`),
      cell('Slots', String(vs.slots)),
      cell('Actions', button('Edit', `Edit service ${service.name}`, () => editService(service))));
  }));
}

function editService(service) {
  const vs = service.voiceserver;
  editingServiceId = service.id;
  $('service-legend').textContent = `Edit service ${service.id}`;
  $('service-submit').textContent = 'Save service';
  $('service-cancel').hidden = false;
  $('service-owner').value = String(service.owner_user_id);
  $('service-name').value = service.name;
  $('service-type').value = vs.type;
  $('service-host').value = vs.host;
  $('service-port').value = vs.query_port;
  $('service-user').value = vs.query_username || '';
  $('service-password').value = '';
  $('service-sid').value = vs.virtual_server_id;
  $('service-slots').value = vs.slots;
  $('service-name').focus();
}

function stopEditing() {
  editingServiceId = null;
  $('service-form').reset();
  $('service-legend').textContent = 'New service';
  $('service-submit').textContent = 'Create service';
  $('service-cancel').hidden = true;
}

function serviceBody() {
  const voiceserver = {
    type: $('service-type').value.trim(),
    host: $('service-host').value.trim(),
    query_port: Number($('service-port').value),
    query_username: $('service-user').value,
    virtual_server_id: Number($('service-sid').value),
    slots: Number($('service-slots').value),
  };
  if ($('service-password').value) {
    voiceserver.query_password = $('service-password').value;
  }
  return { owner_user_id: Number($('service-owner').value), name: $('service-name').value.trim(), voiceserver };
}

function wireServiceForm() {
  $('service-cancel').addEventListener('click', stopEditing);
  $('service-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(async () => {
      const editing = editingServiceId;
      const { data } = editing
        ? await call('PUT', `/admin/services/${editing}`, serviceBody())
        : await call('POST', '/admin/services', serviceBody());
      stopEditing();
      return editing ? `Service ${data.service.id} was saved.` : `Service ${data.service.id} was created.`;
    }, loadServices);
  });
}

async function loadPlugins() {
  const plugins = (await call('GET', '/admin/plugins')).data.plugins;
  $('plugin-table').tBodies[0].replaceChildren(...plugins.map((plugin) => el('tr', {},
    cell('Plugin', plugin.id),
    cell('Version', plugin.version || '—'),
    cell('State', plugin.state),
    cell('Voice-server types', (plugin.voiceserver_types || []).join(', ') || '—'),
    cell('Reason', plugin.reason || '—'))));
  $('no-plugins').hidden = plugins.length > 0;
  $('plugin-types').replaceChildren(...plugins.flatMap((plugin) => plugin.voiceserver_types || [])
    .map((type) => el('option', { attrs: { value: type } })));
}

async function main() {
  const user = await requireUser();
  if (!user.admin) {
    showText($('error'), 'This page is for administrators only.');
    return;
  }
  wirePasswordDialog();
  wireTokenForm();
  wireServiceForm();
  $('user-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { name: $('user-name').value.trim() };
    if ($('user-password').value) {
      body.password = $('user-password').value;
    }
    act(async () => {
      const { data } = await call('POST', '/admin/users', body);
      $('user-form').reset();
      return `User ${data.user.name} was created with ID ${data.user.id}.`;
    }, async () => {
      await loadUsers();
      await loadTokens();
    });
  });
  try {
    await loadUsers();
    await Promise.all([loadTokens(), loadServices(), loadPlugins(),
      showLog('/admin/logs', $('panel-log-table'), $('no-panel-log'), true)]);
    $('admin').hidden = false;
    $('admin-nav').hidden = false;
  } catch (error) {
    messages.error(error);
  }
}

main();
