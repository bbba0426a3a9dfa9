// What every page shares: the header, messages, the confirm dialog, and formatting.
import { ApiError, call } from './api.js';

/** Creates an element; text is set as text, never parsed as HTML. */
export function el(tag, { text, className, attrs = {} } = {}, ...children) {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

export function $(id) {
  return document.getElementById(id);
}

/** Bytes in binary units, as a person reads them: 512 B, 3.4 KiB, 12 MiB. */
export function humanSize(bytes) {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** An ISO-8601 instant as a person reads it, in the browser's time zone, to the second and naming the zone. */
export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' });
}

export function timeElement(iso) {
  return el('time', { text: formatTime(iso), attrs: { datetime: iso } });
}

/** Shows a table only when it has rows, and the sentence that stands for an empty one otherwise. */
export function showRows(table, emptyNote, rows) {
  table.tBodies[0].replaceChildren(...rows);
  table.hidden = rows.length === 0;
  emptyNote.hidden = rows.length > 0;
}

export function showText(node, text) {
  node.textContent = text;
  node.hidden = !text;
}

/** The page's two message lines: #error (role=alert) and #success (role=status). */
export const messages = {
  clear() {
    showText($('error'), '');
    showText($('success'), '');
  },
  success(text) {
    showText($('error'), '');
    showText($('success'), text);
  },
  error(error) {
    if (error instanceof ApiError && error.status === 401) {
      goToLogin();
      return;
    }
    showText($('success'), '');
    showText($('error'), error instanceof ApiError ? error.message : 'Something went wrong in this page.');
    if (!(error instanceof ApiError)) {
      console.error(error);
    }
  },
};

/** Back to the login, coming back here afterwards (the session ended, or never was). */
export function goToLogin() {
  const here = location.pathname.replace(/^.*\//, '') + location.search;
  location.assign(`index.html?next=${encodeURIComponent(here)}`);
}

/** The logged-in user {id, name, admin}, or null. */
export async function currentUser() {
  try {
    return (await call('GET', '/session')).data.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return null;
    }
    throw error;
  }
}

/** The user, or off to the login page. */
export async function requireUser() {
  const user = await currentUser();
  if (!user) {
    goToLogin();
    return new Promise(() => {});
  }
  showUser(user);
  return user;
}

/** Fills the header: who is logged in, the admin link for admins, and the log-out button. */
export function showUser(user) {
  $('who').textContent = user.name;
  $('admin-link').hidden = !user.admin;
  $('account').hidden = false;
  $('logout').onclick = async () => {
    try {
      await call('DELETE', '/session');
      location.assign('index.html');
    } catch (error) {
      messages.error(error);
    }
  };
}

/**
 * Asks before a step that cannot be undone. Resolves to true when the person confirms; Escape
 * and Cancel resolve to false.
 */
export function confirmAction(question, actionLabel) {
  const dialog = $('confirm');
  $('confirm-text').textContent = question;
  $('confirm-ok').textContent = actionLabel;
  dialog.returnValue = '';
  dialog.showModal();
  $('confirm-cancel').focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
  });
}
