// The audit trail as a table: the service's recent log (service.html) and the panel's (admin.html).
import { call } from './api.js';
import { el, timeElement } from './ui.js';

function cell(label, content) {
  const td = el('td', { attrs: { 'data-label': label } });
  td.append(content);
  return td;
}

function entryRow(entry, withService) {
  const cells = [
    cell('When', timeElement(entry.created_at)),
    cell('User', entry.user),
    cell('Action', entry.message),
    cell('Result', entry.result === 'success' ? 'success' : `error: ${entry.error_code || entry.http_status}`),
  ];
  if (withService) {
    cells.splice(1, 0, cell('Service', entry.service_id ? `#${entry.service_id}` : '—'));
  }
  return el('tr', { className: entry.result === 'error' ? 'log-error' : '', attrs: { 'data-log-id': entry.id } }, ...cells);
}

/** Loads the first page of `path` into `table` (its tbody), and shows `empty` when there is nothing. */
export async function showLog(path, table, empty, withService = false) {
  const { data } = await call('GET', path);
  table.tBodies[0].replaceChildren(...data.logs.map((entry) => entryRow(entry, withService)));
  table.hidden = data.logs.length === 0;
  empty.hidden = data.logs.length > 0;
}
