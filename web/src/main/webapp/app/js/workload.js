// The manager's view of the council's inboxes (R21, R24): per inbox, the open steps, those due
// by the end of today and those overdue, against the due times the working-hours clock gave each
// step. Counts only; each inbox the signed-in worker may open links to it.
import { api, h, render, run, signedIn, table, dateTime, link, tag } from './lib.js';

run(async () => {
  const me = await signedIn();
  const view = await api('/inboxes/overview');
  const mine = new Set((await api('/inboxes')).map((i) => i.id));
  const totals = view.inboxes.reduce(
    (t, i) => ({ open: t.open + i.open, dueToday: t.dueToday + i.dueToday, overdue: t.overdue + i.overdue }),
    { open: 0, dueToday: 0, overdue: 0 });
  render([
    h('p', { class: 'govuk-body', id: 'workload-summary' },
      totals.open + ' open steps in ' + view.inboxes.length + ' inboxes: '
        + totals.dueToday + ' due by the end of today, ' + totals.overdue + ' overdue (as at '
        + dateTime(view.asOf) + ').'),
    table(
      'Inboxes of council ' + view.laCode,
      ['Inbox', 'Team', 'Open', 'Due today', 'Overdue', 'Oldest open step'],
      view.inboxes.map((i) => [
        mine.has(i.inboxId)
          ? link('inboxes.html?inbox=' + i.inboxId, i.name + (i.inboxId === me.id ? ' (your own)' : ''))
          : i.name,
        i.team || '',
        h('span', { 'data-open': String(i.inboxId) }, String(i.open)),
        h('span', { 'data-due-today': String(i.inboxId) }, String(i.dueToday)),
        i.overdue > 0
          ? h('span', { 'data-overdue': String(i.inboxId) }, tag(String(i.overdue), 'red'))
          : h('span', { 'data-overdue': String(i.inboxId) }, '0'),
        i.oldestOpen ? dateTime(i.oldestOpen) : '',
      ]),
      'The council has no inboxes.',
      'workload'),
  ]);
});
