// The automatic-backups form of service.html: the schedule, its next and its last run (docs/backups.md).
import { call } from './api.js';
import { $, formatTime, showText } from './ui.js';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function kindOf(schedule) {
  if (!schedule.enabled) {
    return 'off';
  }
  if (schedule.every_hours) {
    return 'hours';
  }
  return schedule.weekly_on ? 'weekly' : 'daily';
}

/** Shows only the fields the chosen kind of schedule uses. */
function showFieldsOf(kind) {
  const visible = { hours: kind === 'hours', weekly: kind === 'weekly', time: kind === 'daily' || kind === 'weekly' };
  for (const node of document.querySelectorAll('.for-hours')) node.hidden = !visible.hours;
  for (const node of document.querySelectorAll('.for-weekly')) node.hidden = !visible.weekly;
  for (const node of document.querySelectorAll('.for-time')) node.hidden = !visible.time;
}

function lastRunSentence(last) {
  if (!last) {
    return '';
  }
  const when = formatTime(last.started_at);
  if (last.result === 'succeeded') {
    return `Last run ${when}: snapshot ${last.snapshot_id} stored.`;
  }
  if (last.result === 'failed') {
    return `Last run ${when} failed: ${last.error}`;
  }
  return `A run started ${when} and is still going on.`;
}

export function showSchedule(schedule) {
  const kind = kindOf(schedule);
  $('schedule-kind').value = kind;
  if (schedule.every_hours) $('schedule-hours').value = String(schedule.every_hours);
  if (schedule.weekly_on) $('schedule-weekday').value = schedule.weekly_on;
  if (schedule.daily_at) $('schedule-time').value = schedule.daily_at;
  $('schedule-keep').value = String(schedule.retention.keep);
  const zone = schedule.enabled ? schedule.time_zone : browserZone;
  $('schedule-form').dataset.zone = zone;
  showText($('schedule-zone'), `Time zone: ${zone}`);
  showFieldsOf(kind);
  showText($('schedule-next'), schedule.next_run ? `Next run: ${formatTime(schedule.next_run.at)}.` : '');
  showText($('schedule-last'), lastRunSentence(schedule.last_run));
}

/** The body of PUT .../backup/schedule from the form. */
function bodyOfForm() {
  const kind = $('schedule-kind').value;
  const body = { enabled: kind !== 'off', time_zone: $('schedule-form').dataset.zone || browserZone,
    retention: { keep: Number($('schedule-keep').value) } };
  if (kind === 'hours') body.every_hours = Number($('schedule-hours').value);
  if (kind === 'daily' || kind === 'weekly') body.daily_at = $('schedule-time').value;
  if (kind === 'weekly') body.weekly_on = $('schedule-weekday').value;
  if (kind !== 'off') body.time_zone = browserZone;
  return body;
}

/** Wires the form; {@code run} is the page's operation runner, {@code path} the schedule route. */
export function wireSchedule(run, path) {
  $('schedule-kind').addEventListener('change', () => showFieldsOf($('schedule-kind').value));
  $('schedule-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run('Saving the schedule…', async () => {
      const { data } = await call('PUT', path, bodyOfForm());
      showSchedule(data.schedule);
      return data.schedule.enabled ? 'The schedule is saved.' : 'Automatic backups are off.';
    });
  });
}
