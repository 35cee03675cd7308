// What health sees (R18, R19): a clinician checks CP-IS by NHS number and sees, per council, who
// to call and the plan; and the previous accesses. Every check is recorded (R20).
import { api, h, render, run, table, summaryList, date, dateTime, nhs, showError, clearMessages } from './lib.js';

const SETTINGS = [
  ['ED', 'Emergency department'],
  ['WIC', 'Walk-in centre'],
  ['MIU', 'Minor injuries unit'],
  ['OOH', 'Out-of-hours GP'],
  ['PAED', 'Paediatric ward'],
  ['MAT', 'Maternity unit'],
  ['AMB', 'Ambulance service'],
];

// Your details are kept in this browser, so they need typing once.
const KEPT = ['viewerName', 'jobRole', 'organisationOds', 'organisationName', 'careSetting'];

run(async () => {
  document.getElementById('signed-in').textContent = '';
  const result = h('div', { id: 'result', 'aria-live': 'polite' });
  const input = (id, label, width, attrs) =>
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: id }, label),
      h('input', Object.assign({ class: 'govuk-input ' + width, id, name: id, type: 'text', value: localStorage.getItem('cpis.' + id) || '' }, attrs || {})));
  const setting = h('select', { class: 'govuk-select', id: 'careSetting', name: 'careSetting' },
    SETTINGS.map(([code, label]) => h('option', { value: code, selected: localStorage.getItem('cpis.careSetting') === code }, label)));
  const form = h('form', { novalidate: true, id: 'query' },
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label govuk-label--m', for: 'nhsNumber' }, 'NHS number'),
      h('div', { class: 'govuk-hint', id: 'nhsNumber-hint' }, 'For example, 999 123 4567'),
      h('input', { class: 'govuk-input govuk-input--width-10', id: 'nhsNumber', name: 'nhsNumber', type: 'text', inputmode: 'numeric', spellcheck: 'false', 'aria-describedby': 'nhsNumber-hint' })),
    h('details', { class: 'govuk-details', open: !localStorage.getItem('cpis.viewerName') },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Your details (recorded with every check)')),
      h('div', { class: 'govuk-details__text' },
        input('viewerName', 'Your name', 'govuk-input--width-20'),
        input('jobRole', 'Job role', 'govuk-input--width-20'),
        input('organisationOds', 'Organisation ODS code', 'govuk-input--width-5'),
        input('organisationName', 'Organisation name', 'govuk-input--width-30'),
        h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'careSetting' }, 'Care setting'), setting))),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'check' }, 'Check CP-IS'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { nhsNumber: form.nhsNumber.value };
    for (const k of KEPT) {
      body[k] = form[k].value;
      localStorage.setItem('cpis.' + k, form[k].value);
    }
    clearMessages();
    result.replaceChildren();
    try {
      show(result, await api('/health/cpis', { method: 'POST', body }));
    } catch (e) {
      if (e.status === 404 && e.code === 'NO_RECORDS_FOUND') {
        result.replaceChildren(h('div', { class: 'govuk-inset-text', id: 'no-records' },
          h('p', { class: 'govuk-body govuk-!-font-weight-bold' }, 'No CP-IS information held'),
          h('p', { class: 'govuk-body' }, 'CP-IS holds no child protection plan or looked-after status for ', nhs(body.nhsNumber), '. Follow your usual safeguarding procedures.')));
      } else {
        showError(e.message, e.field === 'NHS Number' ? 'nhsNumber' : e.field);
      }
    }
  });
  render(form, result);
});

function show(result, a) {
  const councils = new Map();
  for (const r of a.records) {
    if (!councils.has(r.laOdsCode)) councils.set(r.laOdsCode, []);
    councils.get(r.laOdsCode).push(r);
  }
  const cards = [...councils.values()].map((plans) => {
    const la = plans[0];
    return h('div', { class: 'govuk-summary-card', 'data-la': la.laOdsCode },
      h('div', { class: 'govuk-summary-card__title-wrapper' },
        h('h3', { class: 'govuk-summary-card__title' }, la.laName + ' (' + la.laOdsCode + ')')),
      h('div', { class: 'govuk-summary-card__content' },
        summaryList([
          ['Office hours', phone(la.officeHoursPhone)],
          ['Out of hours (emergency duty team)', phone(la.emergencyDutyPhone)],
          ...plans.map((p) => [p.planTypeName, 'From ' + date(p.startDate) + (p.endDate ? ' to ' + date(p.endDate) : '')]),
        ], null)));
  });
  result.replaceChildren(
    h('h2', { class: 'govuk-heading-l' }, 'CP-IS information for ', nhs(a.nhsNumber)),
    h('div', { class: 'govuk-warning-text' },
      h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      h('strong', { class: 'govuk-warning-text__text' },
        h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
        'This child is on a child protection plan or looked after. If you have concerns, call the council below.')),
    h('h2', { class: 'govuk-heading-m' }, councils.size === 1 ? 'Who to call' : 'Who to call (' + councils.size + ' councils)'),
    ...cards,
    table('Previous accesses', ['When', 'Who', 'Job role', 'Organisation', 'Care setting'],
      a.previousAccesses.map((p) => [
        dateTime(p.at), p.viewerName || '', p.jobRole || '',
        (p.organisationName || '') + ' (' + p.organisationOds + ')', p.careSetting || '',
      ]), 'No previous accesses.', 'previous-accesses'),
    a.accessRecorded
      ? h('p', { class: 'govuk-body-s' }, 'Your check has been recorded, and the council has been told.')
      : h('p', { class: 'govuk-body-s' }, 'Your check has not been notified to the council (view without notification).'),
  );
}

function phone(n) {
  return n ? h('a', { class: 'govuk-link', href: 'tel:' + n.replace(/\s/g, '') }, n) : 'Not given';
}
