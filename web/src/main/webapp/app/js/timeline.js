// The attendance timeline (R25) on the person summary and the step: the child's accesses over the
// last 12 months drawn as an SVG from the API's JSON (the flags and their windows are the server's),
// one row per organisation, the care setting as the mark's shape, the windows that raised a pattern
// flag hatched; a key, and the same facts as a table for screen readers (WCAG 1.1.1, 1.4.1).
import { h, date, dateTime, table } from './lib.js';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Colours for the organisations, in the key's order: each at least 3:1 against white (WCAG 1.4.11)
 * and told apart by colour-blind eyes (Okabe–Ito's darker hues); never the only cue, as each
 * organisation has its own row.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#6A3D9A', '#8C510A', '#B2182B', '#0b0c0c'];

/** Care settings: the name, and the mark's shape (so colour is not the only cue). */
export const SETTINGS = {
  ED: ['Emergency department', 'circle'],
  MIU: ['Minor injuries unit', 'square'],
  WIC: ['Walk-in centre', 'diamond'],
  OOH: ['Out of hours', 'triangle'],
  PAED: ['Paediatrics', 'triangle-down'],
  MAT: ['Maternity', 'plus'],
  AMB: ['Ambulance', 'star'],
};
const UNKNOWN_SETTING = ['Not given', 'ring'];

export function settingName(code) {
  if (!code) return UNKNOWN_SETTING[0];
  const s = SETTINGS[code];
  return s ? s[0] + ' (' + code + ')' : code;
}

function shapeOf(code) {
  return ((code && SETTINGS[code]) || (code ? ['', 'ring'] : UNKNOWN_SETTING))[1];
}

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined && v !== false) el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** A mark of the shape given, centred on 0,0, about 2r across. */
function mark(shape, colour, r) {
  const common = { fill: colour, stroke: '#0b0c0c', 'stroke-width': 1 };
  const poly = (pts) => s('polygon', { ...common, points: pts.map((p) => p.map((n) => n.toFixed(1)).join(',')).join(' ') });
  switch (shape) {
    case 'square':
      return s('rect', { ...common, x: -r * 0.85, y: -r * 0.85, width: r * 1.7, height: r * 1.7 });
    case 'diamond':
      return poly([[0, -r * 1.15], [r * 1.15, 0], [0, r * 1.15], [-r * 1.15, 0]]);
    case 'triangle':
      return poly([[0, -r * 1.15], [r * 1.1, r * 0.85], [-r * 1.1, r * 0.85]]);
    case 'triangle-down':
      return poly([[0, r * 1.15], [r * 1.1, -r * 0.85], [-r * 1.1, -r * 0.85]]);
    case 'plus': {
      const a = r * 0.4;
      const b = r * 1.1;
      return poly([[-a, -b], [a, -b], [a, -a], [b, -a], [b, a], [a, a], [a, b], [-a, b], [-a, a], [-b, a], [-b, -a], [-a, -a]]);
    }
    case 'star': {
      const pts = [];
      for (let i = 0; i < 10; i++) {
        const rr = i % 2 === 0 ? r * 1.25 : r * 0.55;
        const ang = -Math.PI / 2 + (i * Math.PI) / 5;
        pts.push([rr * Math.cos(ang), rr * Math.sin(ang)]);
      }
      return poly(pts);
    }
    case 'ring':
      return s('circle', { r: r * 0.8, fill: '#ffffff', stroke: colour, 'stroke-width': 3 });
    default:
      return s('circle', { ...common, r });
  }
}

/** A small inline SVG of a mark or a colour, for the key. */
function swatch(child) {
  return s('svg', { class: 'app-timeline__swatch', width: 22, height: 22, viewBox: '-11 -11 22 22', 'aria-hidden': 'true', focusable: 'false' }, child);
}

function within(at, w) {
  return at >= w.from && at <= w.to;
}

/**
 * The timeline section: heading, a sentence that sums it up, the picture, its key, the periods
 * flagged and the table. {current}: the notification id of the access to ring (the step's own).
 */
export function attendanceTimeline(t, { current } = {}) {
  if (!t) return null;
  const section = h('section', { id: 'timeline', class: 'app-timeline', 'aria-labelledby': 'timeline-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'timeline-heading' }, 'Attendance timeline'));
  const accesses = t.accesses || [];
  const orgs = t.organisations || [];
  const windows = t.flaggedWindows || [];
  const colour = Object.fromEntries(orgs.map((o, i) => [o.ods, PALETTE[i % PALETTE.length]]));
  const orgName = Object.fromEntries(orgs.map((o) => [o.ods, o.name]));
  const period = 'between ' + date(t.from) + ' and ' + date(t.to);
  if (!accesses.length) {
    section.append(h('p', { class: 'govuk-body', id: 'timeline-summary' },
      'Nobody in health looked at this child’s CP-IS information ' + period + '.'));
    return section;
  }
  const summary = accesses.length + (accesses.length === 1 ? ' access' : ' accesses') + ' from ' +
    orgs.length + (orgs.length === 1 ? ' organisation ' : ' organisations ') + period + '; ' +
    (windows.length === 0 ? 'no pattern flagged.'
      : windows.length + (windows.length === 1 ? ' period' : ' periods') + ' raised a pattern flag (shaded).');
  section.append(h('p', { class: 'govuk-body', id: 'timeline-summary' }, summary));
  section.append(h('div', { class: 'app-timeline__picture' }, picture(t, accesses, orgs, windows, colour, current, summary)));
  section.append(key(orgs, accesses, colour, accesses.some((a) => a.notificationId === current)));
  if (windows.length) {
    section.append(h('h3', { class: 'govuk-heading-s' }, 'Periods that raised a pattern flag'),
      h('ul', { class: 'govuk-list govuk-list--bullet', id: 'timeline-windows' },
        windows.map((w) => h('li', { 'data-window-from': w.from, 'data-window-to': w.to },
          windowText(w)))));
  }
  const rows = accesses.map((a) => {
    const w = windows.find((x) => within(a.accessedAt, x));
    return [
      dateTime(a.accessedAt),
      organisation(a, orgName),
      settingName(a.careSetting),
      a.flagged ? 'Flagged: ' + (a.reason || (w && w.reason)) : w ? 'In a flagged period' : 'No',
    ];
  });
  const tbl = table('The attendance timeline as a table (oldest first)',
    ['When', 'Organisation', 'Care setting', 'Pattern'], rows, '', 'timeline-table');
  tbl.classList.add('govuk-!-margin-top-6');
  section.append(tbl);
  return section;
}

function organisation(a, orgName) {
  const name = a.organisationName || orgName[a.organisationOds];
  return name + (a.organisationOds !== name ? ' (' + a.organisationOds + ')' : '');
}

function windowText(w) {
  const from = dateTime(w.from);
  const to = dateTime(w.to);
  return (from === to ? from : from + ' to ' + to) + ': ' + w.accesses +
    (w.accesses === 1 ? ' access' : ' accesses') + ' (' + w.reason + ')';
}

function picture(t, accesses, orgs, windows, colour, current, summary) {
  const W = 960;
  const left = 300;
  const right = 24;
  const top = 52;
  const lane = 40;
  const bottom = 34;
  const height = top + orgs.length * lane + bottom;
  const t0 = Date.parse(t.from);
  const t1 = Date.parse(t.to);
  const x = (iso) => left + ((Date.parse(iso) - t0) / Math.max(1, t1 - t0)) * (W - left - right);
  const laneOf = Object.fromEntries(orgs.map((o, i) => [o.ods, i]));
  const y = (ods) => top + laneOf[ods] * lane + lane / 2;

  const svg = s('svg', {
    xmlns: SVG, viewBox: '0 0 ' + W + ' ' + height, width: '100%', role: 'img',
    'aria-label': 'Attendance timeline: ' + summary, id: 'timeline-svg', focusable: 'false',
    preserveAspectRatio: 'xMinYMin meet',
  },
  s('title', {}, 'Attendance timeline: ' + summary),
  s('defs', {},
    s('pattern', { id: 'app-timeline-hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 8, height: 8, fill: '#fbe3de' }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: '#d4351c', 'stroke-width': 2, 'stroke-opacity': 0.55 }))));

  // months: a line and a label at the start of each
  const start = new Date(t0);
  let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const grid = s('g', { class: 'app-timeline__months' });
  while (m.getTime() <= t1) {
    const iso = m.toISOString();
    const mx = x(iso);
    const label = m.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
    grid.append(
      s('line', { x1: mx, y1: top - 6, x2: mx, y2: height - bottom, stroke: '#b1b4b6', 'stroke-width': 1 }),
      s('text', { x: mx + 3, y: top - 12, 'font-size': 13, fill: '#0b0c0c' }, label));
    if (m.getUTCMonth() === 0 || !grid.querySelector('[data-year]')) {
      grid.append(s('text', { x: mx + 3, y: top - 30, 'font-size': 13, 'font-weight': 'bold', fill: '#0b0c0c', 'data-year': '' },
        String(m.getUTCFullYear())));
    }
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
  }
  svg.append(grid);

  // the windows that raised a pattern flag, behind the marks; at least 10 wide to be seen
  const shaded = s('g', { class: 'app-timeline__windows' });
  for (const w of windows) {
    let wx = x(w.from);
    let ww = x(w.to) - wx;
    if (ww < 10) {
      wx -= (10 - ww) / 2;
      ww = 10;
    }
    shaded.append(s('g', { 'data-window': '', 'data-window-from': w.from, 'data-window-to': w.to },
      s('title', {}, 'Pattern flagged: ' + windowText(w)),
      s('rect', { x: wx, y: top - 4, width: ww, height: orgs.length * lane + 8, fill: 'url(#app-timeline-hatch)', stroke: '#d4351c', 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }),
      s('text', { x: Math.min(Math.max(wx + ww / 2, left + 28), W - 28), y: height - bottom + 20, 'font-size': 13, 'font-weight': 'bold', fill: '#aa2a16', 'text-anchor': 'middle' }, 'Pattern')));
  }
  svg.append(shaded);

  // a row per organisation, named at the left
  const rows = s('g', { class: 'app-timeline__rows' });
  orgs.forEach((o) => {
    const ly = y(o.ods);
    const name = o.name.length > 40 ? o.name.substring(0, 39) + '…' : o.name;
    rows.append(s('g', { 'data-lane': o.ods },
      s('title', {}, o.name + (o.ods !== o.name ? ' (' + o.ods + ')' : '')),
      s('line', { x1: left, y1: ly, x2: W - right, y2: ly, stroke: '#dddddd', 'stroke-width': 1 }),
      s('circle', { cx: 10, cy: ly, r: 6, fill: colour[o.ods], stroke: '#0b0c0c', 'stroke-width': 1 }),
      s('text', { x: 22, y: ly + 5, 'font-size': 14, fill: '#0b0c0c' }, name)));
  });
  svg.append(rows);

  // one mark per access
  const marks = s('g', { class: 'app-timeline__marks' });
  for (const a of accesses) {
    const g = s('g', {
      'data-mark': '', 'data-notification-id': a.notificationId, 'data-organisation': a.organisationOds,
      'data-care-setting': a.careSetting || '', 'data-flagged': a.flagged ? 'true' : 'false',
      transform: 'translate(' + x(a.accessedAt).toFixed(1) + ',' + y(a.organisationOds) + ')',
    },
    s('title', {}, dateTime(a.accessedAt) + ', ' + organisation(a, Object.fromEntries(orgs.map((o) => [o.ods, o.name]))) + ', ' + settingName(a.careSetting) + (a.flagged ? ', flagged' : '')),
    a.notificationId === current ? s('circle', { r: 13, fill: 'none', stroke: '#0b0c0c', 'stroke-width': 2 }) : null,
    mark(shapeOf(a.careSetting), colour[a.organisationOds], 7));
    marks.append(g);
  }
  svg.append(marks);
  return svg;
}

function key(orgs, accesses, colour, ringed) {
  const settings = [...new Set(accesses.map((a) => a.careSetting || ''))];
  return h('div', { class: 'app-timeline__key' },
    h('h3', { class: 'govuk-heading-s' }, 'Key'),
    h('ul', { class: 'govuk-list app-timeline__legend', id: 'timeline-key' },
      orgs.map((o) => h('li', { 'data-organisation': o.ods },
        swatch(s('circle', { r: 7, fill: colour[o.ods], stroke: '#0b0c0c', 'stroke-width': 1 })),
        ' ' + o.name + (o.ods !== o.name ? ' (' + o.ods + ')' : '') + ': ' + o.accesses +
          (o.accesses === 1 ? ' access' : ' accesses')))),
    h('ul', { class: 'govuk-list app-timeline__legend', id: 'timeline-settings' },
      settings.map((c) => h('li', { 'data-care-setting': c },
        swatch(mark(shapeOf(c), '#505a5f', 7)), ' ' + settingName(c))),
      h('li', {},
        swatch(s('rect', { x: -9, y: -9, width: 18, height: 18, fill: 'url(#app-timeline-hatch)', stroke: '#d4351c', 'stroke-width': 1.5, 'stroke-dasharray': '4 3' })),
        ' Shaded, marked “Pattern”: a period that raised a pattern flag'),
      ringed ? h('li', {},
        swatch(s('circle', { r: 9, fill: 'none', stroke: '#0b0c0c', 'stroke-width': 2 })),
        ' Ringed: this step’s access') : null));
}
