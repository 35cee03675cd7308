// A child's person summary: identity, involvement, the CP-IS status banner (R26), plans, the
// attendance timeline of the last 12 months and the accesses the council was notified of (R25), and
// the CP-IS steps. Without ?id=, a search.
import {
  api, h, param, render, run, signedIn, tag, table, summaryList, date, dateTime, nhs, fullName,
  link, statusText,
} from './lib.js';
import { attendanceTimeline } from './timeline.js';

const PLAN_TYPES = { CHILD_PROTECTION_PLAN: 'Child protection plan', CARE_EPISODE: 'Care episode' };

run(async () => {
  await signedIn();
  const id = param('id');
  if (id) {
    await summary(id);
  } else {
    await search();
  }
});

async function summary(id) {
  const [p, accesses] = await Promise.all([
    api('/children/' + encodeURIComponent(id)),
    api('/children/' + encodeURIComponent(id) + '/accesses'),
  ]);
  const c = p.child;
  const name = c.unborn && !c.givenName ? 'Unborn baby' : fullName(c);
  document.getElementById('page-heading').textContent = name;
  document.title = name + ' – Person summary – OpenCPIS';
  render(
    banner(c.cpisStatus),
    summaryList([
      ['Council person id', c.laPersonId],
      ['NHS number', c.nhsNumber ? nhs(c.nhsNumber) : 'Not recorded'],
      ['Date of birth', c.birthDate ? date(c.birthDate) : (c.unborn ? null : 'Not recorded')],
      ['Expected date of delivery', c.unborn ? date(c.expectedDeliveryDate) : null],
      ['Involvement', c.involvementText + (c.involvementSince ? ' (since ' + date(c.involvementSince) + ')' : '')],
      ['Key worker', c.allocatedWorker ? c.allocatedWorker.name : 'None allocated'],
    ], null),
    table('Plans and care episodes', ['Type', 'Start', 'End', 'Sent to CP-IS'],
      p.plans.map((pl) => [
        (PLAN_TYPES[pl.type] || pl.type) + (pl.preBirth ? ' (pre-birth)' : '') +
          (pl.legalStatusText ? ': ' + pl.legalStatusText : ''),
        date(pl.startDate),
        pl.endDate ? date(pl.endDate) : 'Open',
        pl.removedOn
          ? tag('Removed ' + date(pl.removedOn), 'grey')
          : pl.sharedWithCpis ? tag('Yes', 'green') : tag('No: care status not shared', 'grey'),
      ]), 'No plans or care episodes are recorded.', 'plans'),
    attendanceTimeline(p.timeline),
    table('Accesses to CP-IS information', ['When', 'Who', 'Job role', 'Organisation', 'Care setting'],
      accesses.map((a) => [
        dateTime(a.accessedAt), a.viewerName || '', a.jobRole || '',
        (a.organisationName || '') + ' (' + a.organisationOds + ')', a.careSetting || '',
      ]), 'Nobody in health has looked at this child’s CP-IS information.', 'accesses'),
    table('CP-IS steps', ['Step', 'Arrived', 'Status', 'Next actions'],
      p.steps.map((s) => [
        link('step.html?id=' + s.id, s.typeName),
        dateTime(s.createdAt),
        tag(statusText(s.status), s.status === 'COMPLETED' ? 'green' : 'grey'),
        (s.nextActions || []).join('; '),
      ]), 'There are no CP-IS steps for this child.', 'steps'),
  );
}

/** The CP-IS status banner (R26) as a GOV.UK notification banner. */
function banner(s) {
  const state = (s && s.state) || 'NOT_SHARED';
  const since = s && s.since ? dateTime(s.since) : null;
  const texts = {
    SHARED: ['Shared', 'This child’s information is shared with CP-IS' + (since ? ' since ' + since : '') + '.'],
    PENDING: ['Pending', 'Sent to CP-IS' + (since ? ' on ' + since : '') + '; waiting for the answer.'],
    FAILED: ['Failed', 'CP-IS did not accept this child’s information, so health cannot see it.'],
    REMOVED: ['Removed', 'CP-IS no longer holds an open plan for this child.' +
      (s && s.visibleUntil ? ' Health can still see it until ' + date(s.visibleUntil) + '.' : '')],
    NOT_SHARED: ['Not shared', 'Nothing on this child’s file is shared with CP-IS.'],
  }[state];
  return h('div', {
    class: 'govuk-notification-banner' +
      (state === 'SHARED' ? ' govuk-notification-banner--success' : ' app-cpis-banner--' + state.toLowerCase().replace('_', '-')),
    role: 'region', 'aria-labelledby': 'cpis-status-title', 'data-module': 'govuk-notification-banner',
    id: 'cpis-status', 'data-state': state,
  },
  h('div', { class: 'govuk-notification-banner__header' },
    h('h2', { class: 'govuk-notification-banner__title', id: 'cpis-status-title' }, 'CP-IS status')),
  h('div', { class: 'govuk-notification-banner__content' },
    h('p', { class: 'govuk-notification-banner__heading' }, texts[0]),
    h('p', { class: 'govuk-body' }, texts[1]),
    state === 'FAILED' && s.detail
      ? h('p', { class: 'govuk-body', id: 'cpis-failure' }, h('strong', {}, 'The failure and what to do: '), s.detail)
      : null));
}

async function search() {
  const nhsNumber = param('nhsNumber') || '';
  const familyName = param('familyName') || '';
  const form = h('form', { method: 'get', action: 'person.html', id: 'search' },
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'nhsNumber' }, 'NHS number'),
      h('input', { class: 'govuk-input govuk-input--width-10', id: 'nhsNumber', name: 'nhsNumber', value: nhsNumber, inputmode: 'numeric', spellcheck: 'false' })),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'familyName' }, 'Family name'),
      h('input', { class: 'govuk-input govuk-input--width-20', id: 'familyName', name: 'familyName', value: familyName })),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, 'Find a child'));
  document.getElementById('page-heading').textContent = 'Find a child';
  const parts = [form];
  if (nhsNumber || familyName) {
    const q = new URLSearchParams();
    if (nhsNumber) q.set('nhsNumber', nhsNumber.replace(/\s/g, ''));
    if (familyName) q.set('familyName', familyName);
    const children = await api('/children?' + q);
    parts.push(table('Children on the council’s file', ['Name', 'NHS number', 'Date of birth', 'Involvement'],
      children.map((c) => [
        link('person.html?id=' + c.id, fullName(c) || 'Unborn baby'), nhs(c.nhsNumber), date(c.birthDate), c.involvementText,
      ]), 'No child on the council’s file matches.', 'results'));
  }
  render(parts);
}
