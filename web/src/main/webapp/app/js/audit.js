// The audit trail (issue 9), for administrators: every read and change of CP-IS data over every
// channel, searched by subject (an NHS number, a resource id), principal, channel and time; and
// the hash chain checked. The search is itself audited.
import { api, h, render, run, table, dateTime, showError, clearMessages, param } from './lib.js';

const CHANNELS = [['', 'Any'], ['SOAP', 'SOAP'], ['HL7', 'HL7'], ['REST', 'REST'], ['PAGE', 'Pages'], ['INTERNAL', 'Internal']];

run(async () => {
  document.getElementById('signed-in').textContent = '';
  const result = h('div', { id: 'audit-rows', 'aria-live': 'polite' });
  const chain = h('div', { id: 'chain', 'aria-live': 'polite' });
  const input = (id, label, width, hint) =>
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: id }, label),
      hint ? h('div', { class: 'govuk-hint', id: id + '-hint' }, hint) : null,
      h('input', { class: 'govuk-input ' + width, id, name: id, type: 'text', spellcheck: 'false', value: param(id) || '', 'aria-describedby': hint ? id + '-hint' : null }));
  const channel = h('select', { class: 'govuk-select', id: 'channel', name: 'channel' },
    CHANNELS.map(([code, label]) => h('option', { value: code, selected: param('channel') === code }, label)));
  const form = h('form', { novalidate: true, id: 'search' },
    input('subject', 'NHS number or resource id', 'govuk-input--width-20', 'As recorded, for example 9991234567'),
    input('principal', 'Signed-in user or facility', 'govuk-input--width-20'),
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'channel' }, 'Channel'), channel),
    input('from', 'From', 'govuk-input--width-20', 'An instant, for example 2026-12-01T09:00:00Z'),
    input('to', 'To (not including)', 'govuk-input--width-20'),
    h('div', { class: 'govuk-button-group' },
      h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'find' }, 'Search'),
      h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'verify', onclick: () => verify(chain) }, 'Check the chain')));
  const search = async () => {
    const q = new URLSearchParams();
    for (const k of ['subject', 'principal', 'channel', 'from', 'to']) {
      if (form[k].value.trim()) q.set(k, form[k].value.trim());
    }
    clearMessages();
    try {
      show(result, await api('/admin/audit?' + q.toString()));
    } catch (e) {
      showError(e.message, e.field);
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    search();
  });
  render(chain, form, result);
  await search();
});

async function verify(chain) {
  clearMessages();
  try {
    const v = await api('/admin/audit/verify');
    chain.replaceChildren(v.intact
      ? h('div', { class: 'govuk-inset-text', id: 'chain-intact' }, 'The chain is intact: ' + v.rowsChecked + ' rows checked.')
      : h('div', { class: 'govuk-warning-text', id: 'chain-broken' },
        h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
        h('strong', { class: 'govuk-warning-text__text' },
          h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
          'The chain breaks at row ' + v.brokenAt + ': ' + v.reason + '.')));
  } catch (e) {
    showError(e.message);
  }
}

function show(result, found) {
  result.replaceChildren(
    table('Audit rows' + (found.more ? ' (newest ' + found.size + ')' : ''),
      ['Row', 'When', 'Channel', 'Operation', 'Principal', 'Claimed', 'Subject', 'Outcome'],
      found.rows.map((r) => [
        String(r.seq), dateTime(r.at), r.channel, h('span', { title: r.request || '' }, r.operation),
        r.principal || '', [r.claimedUser, r.claimedOrganisation].filter(Boolean).join(' at '),
        r.subject || '', r.outcome,
      ]), 'No audit rows match.', 'audit-table'));
}
