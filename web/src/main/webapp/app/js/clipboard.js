// The signed-in key worker's clipboard: the CP-IS follow-ups to complete, each with the form for
// its "CP-IS Follow Up Contact" case note (R23). ?all=true shows completed ones too.
import {
  api, h, param, render, run, signedIn, dateTime, nhs, fullName, link, showSuccess, summaryList, tag,
} from './lib.js';
import { caseNoteForm } from './casenote.js';

const all = param('all') === 'true';

run(async () => {
  const me = await signedIn();
  await show(me);
});

async function show(me) {
  const items = await api('/workers/' + me.id + '/clipboard' + (all ? '?all=true' : ''));
  const open = items.filter((c) => !c.completedAt);
  const parts = [
    h('p', { class: 'govuk-body' },
      all ? link('clipboard.html', 'Show follow-ups to complete only') : link('clipboard.html?all=true', 'Show completed follow-ups too')),
    h('h2', { class: 'govuk-heading-m', id: 'open-count' },
      open.length === 1 ? '1 follow-up to complete' : open.length + ' follow-ups to complete'),
  ];
  if (!items.length) {
    parts.push(h('p', { class: 'govuk-body' }, 'There is nothing on your clipboard.'));
  }
  for (const c of items) {
    parts.push(item(me, c));
  }
  render(parts);
}

function item(me, c) {
  const child = c.child;
  return h('section', { class: 'app-followup', 'data-clipboard-id': c.id, 'aria-labelledby': 'clip-' + c.id },
    h('h3', { class: 'govuk-heading-s', id: 'clip-' + c.id },
      c.subject, ' ', c.completedAt ? tag('Completed', 'green') : tag('To do', 'blue')),
    summaryList([
      ['Child', child ? link('person.html?id=' + child.id, fullName(child)) : ''],
      ['NHS number', child ? nhs(child.nhsNumber) : ''],
      ['Received', dateTime(c.createdAt)],
      ['Completed', c.completedAt ? dateTime(c.completedAt) : null],
      ['Step', c.sourceStepId ? link('step.html?id=' + c.sourceStepId, 'The CP-IS step') : null],
    ], 'govuk-summary-list--no-border'),
    h('p', { class: 'govuk-body app-clip-body' }, c.body),
    c.completedAt || !child
      ? null
      : caseNoteForm('clip-' + c.id, child.id, 'Complete follow-up', async (noteId) => {
        await api('/clipboard/' + c.id + '/complete', { method: 'POST', body: { caseNoteId: noteId } });
        await show(me);
        showSuccess('Follow-up completed', 'The CP-IS Follow Up Contact case note is on ' + fullName(child) + '’s file.');
      }));
}
