// admin.html: users, their access tokens, services and plugins (ROLE_ADMIN only; the host checks).
import { call } from './api.js';
import { $, confirmAction, el, messages, requireUser, showRows, showText } from './ui.js';
import { showLog } from './log.js';
import { fieldNodes, fieldValues } from './fields.js';

let users = [];
let voiceTypes = [];
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

/**
 * Runs an admin action, then reloads what it changed and shows its sentence or error right after
 * `near` (the form or section it came from), scrolled into view.
 */
async function act(action, reload, near) {
  messages.clear();
  let outcome;
  try {
    const text = await action();
    outcome = () => messages.success(text);
  } catch (error) {
    outcome = () => messages.error(error);
  }
  if (reload) {
    await reload().catch((error) => { outcome = () => messages.error(error); });
  }
  if (near) {
    near.after($('messages'));
  }
  outcome();
  $('messages').scrollIntoView({ block: 'nearest' });
}

async function loadUsers() {
  users = (await call('GET', '/admin/users')).data.users;
  $('user-table').tBodies[0].replaceChildren(...users.map((user) => el('tr', { attrs: { 'data-user-id': user.id } },
    cell('ID', String(user.id)),
    cell('Name', user.name),
    cell('Role', user.admin ? 'admin' : 'user'),
    cell('Actions', userActions(user)))));
  for (const select of [$('token-user'), $('service-owner')]) {
    const chosen = select.value;
    select.replaceChildren(...users.map((user) => el('option', { text: `${user.name} (${user.id})`, attrs: { value: user.id } })));
    if (chosen) {
      select.value = chosen;
    }
  }
}

function userActions(user) {
  const actions = el('div', { className: 'row-actions' },
    button('Set password', `Set password of ${user.name}`, () => askPassword(user)));
  if (!user.admin) {
    actions.append(button('Delete', `Delete user ${user.name}`, async () => {
      const question = `Delete user ${user.name}? Their access tokens stop working and they are logged out. `
        + 'A user who still owns services is kept: delete those services (with their snapshots) '
        + 'or give them to another user first.';
      if (await confirmAction(question, 'Delete user')) {
        act(async () => (await call('DELETE', `/admin/users/${user.id}`)).message, async () => {
          await loadUsers();
          await loadTokens();
        }, $('user-table'));
      }
    }, 'danger'));
  }
  return actions;
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
    act(async () => (await call('PUT', `/admin/users/${passwordUserId}/password`, { password })).message,
      null, $('user-table'));
  });
}

async function loadTokens() {
  const userId = $('token-user').value;
  if (!userId) {
    return;
  }
  const tokens = (await call('GET', `/admin/users/${userId}/tokens`)).data.tokens;
  showRows($('token-table'), $('no-tokens'), tokens.map((token) => el('tr', { attrs: { 'data-token-id': token.id } },
    cell('ID', String(token.id)),
    cell('Roles', token.roles.join(', ')),
    cell('Description', token.description || '—'),
    cell('State', token.revoked ? 'revoked' : 'active'),
    cell('Actions', token.revoked ? '' : button('Revoke', `Revoke token ${token.id}`, async () => {
      if (await confirmAction(`Revoke token ${token.id}? Clients using it are refused at once.`, 'Revoke')) {
        act(async () => (await call('DELETE', `/admin/tokens/${token.id}`)).message, loadTokens, $('token-table'));
      }
    }, 'danger')))));
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
    }, loadTokens, $('token-form'));
  });
}

function ownerName(id) {
  const owner = users.find((user) => user.id === id);
  return owner ? owner.name : `user ${id}`;
}

async function loadServices() {
  const services = (await call('GET', '/admin/services')).data.services;
  showRows($('service-table'), $('no-services'), services.map((service) => {
    const vs = service.voiceserver;
    return el('tr', { attrs: { 'data-service-id': service.id } },
      cell('ID', String(service.id)),
      cell('Name', service.name),
      cell('Owner', ownerName(service.owner_user_id)),
      cell('Voice server', vs.type),
      cell('Connection', connectionText(vs)),
      cell('Slots', String(vs.slots)),
      cell('Actions', el('div', { className: 'row-actions' },
        button('Edit', `Edit service ${service.name}`, () => editService(service)),
        button('Delete', `Delete service ${service.name}`, () => deleteService(service), 'danger'))));
  }));
}

/** The host and the type's fields the panel shows (never a secret: it is not sent). */
function connectionText(vs) {
  const fields = Object.entries(vs).filter(([name]) => !['type', 'host', 'slots'].includes(name))
    .map(([name, value]) => `${name} ${value}`);
  return [vs.host, ...fields].join(' · ');
}

async function deleteService(service) {
  const question = `Delete service ${service.name} (${service.id})? All its snapshots are deleted with it; `
    + 'this cannot be undone. The voice server itself is not touched.';
  if (await confirmAction(question, 'Delete service')) {
    if (editingServiceId === service.id) {
      stopEditing();
    }
    act(async () => (await call('DELETE', `/admin/services/${service.id}`)).message, loadServices, $('service-table'));
  }
}

function typeFields() {
  const type = voiceTypes.find((served) => served.type === $('service-type').value);
  return type ? type.fields : [];
}

/**
 * Draws the chosen type's fields; `values` are a service's, when one is edited. A type no started
 * plugin serves cannot be saved: its fields are unknown, and a save would drop the stored ones.
 */
function showTypeFields(values = {}) {
  const type = $('service-type').value;
  const served = voiceTypes.some((candidate) => candidate.type === type);
  $('service-submit').disabled = !served;
  $('service-fields').replaceChildren(...(served || !type ? fieldNodes(typeFields(), values, editingServiceId !== null)
    : [el('span', { className: 'hint', text: `No started plugin serves ${type}; its connection fields `
        + 'cannot be changed here until one does.' })]));
}

/** The types to choose from: those served, and an edited service's own even when no plugin serves it. */
function showTypeChoices(extraType) {
  const select = $('service-type');
  const chosen = extraType || select.value;
  const types = voiceTypes.map((served) => served.type);
  if (extraType && !types.includes(extraType)) {
    types.push(extraType);
  }
  select.replaceChildren(...types.map((type) => el('option', {
    text: voiceTypes.some((served) => served.type === type) ? type : `${type} (no plugin serves it)`,
    attrs: { value: type } })));
  if (chosen && types.includes(chosen)) {
    select.value = chosen;
  }
}

function editService(service) {
  const vs = service.voiceserver;
  editingServiceId = service.id;
  $('service-legend').textContent = `Edit service ${service.id}`;
  $('service-submit').textContent = 'Save service';
  $('service-cancel').hidden = false;
  $('service-owner').value = String(service.owner_user_id);
  $('service-name').value = service.name;
  showTypeChoices(vs.type);
  $('service-host').value = vs.host;
  showTypeFields(vs);
  $('service-slots').value = vs.slots;
  $('service-name').focus();
}

function stopEditing() {
  editingServiceId = null;
  $('service-form').reset();
  $('service-legend').textContent = 'New service';
  $('service-submit').textContent = 'Create service';
  $('service-cancel').hidden = true;
  showTypeChoices();
  showTypeFields();
}

function serviceBody() {
  const voiceserver = {
    type: $('service-type').value,
    host: $('service-host').value.trim(),
    ...fieldValues(typeFields()),
    slots: Number($('service-slots').value),
  };
  return { owner_user_id: Number($('service-owner').value), name: $('service-name').value.trim(), voiceserver };
}

function wireServiceForm() {
  $('service-cancel').addEventListener('click', stopEditing);
  $('service-type').addEventListener('change', () => showTypeFields());
  $('service-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(async () => {
      const editing = editingServiceId;
      const { data } = editing
        ? await call('PUT', `/admin/services/${editing}`, serviceBody())
        : await call('POST', '/admin/services', serviceBody());
      stopEditing();
      return editing ? `Service ${data.service.id} was saved.` : `Service ${data.service.id} was created.`;
    }, loadServices, $('service-form'));
  });
}

async function loadPlugins() {
  const plugins = (await call('GET', '/admin/plugins')).data.plugins;
  showRows($('plugin-table'), $('no-plugins'), plugins.map((plugin) => el('tr', {},
    cell('Plugin', plugin.id),
    cell('Version', plugin.version || '—'),
    cell('State', plugin.state),
    cell('Voice-server types', (plugin.voiceserver_types || []).join(', ') || '—'),
    cell('Reason', plugin.reason || '—'))));
}

async function loadVoiceTypes() {
  voiceTypes = (await call('GET', '/admin/voiceserver-types')).data.types;
  showTypeChoices();
  showTypeFields();
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
    }, $('user-form'));
  });
  try {
    await loadUsers();
    await Promise.all([loadTokens(), loadServices(), loadPlugins(), loadVoiceTypes(),
      showLog('/admin/logs', $('panel-log-table'), $('no-panel-log'), true)]);
    $('admin').hidden = false;
    $('admin-nav').hidden = false;
  } catch (error) {
    messages.error(error);
  }
}

main();
