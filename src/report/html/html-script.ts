/**
 * The HTML report's only script. It reads the JSON data block (see
 * `report-data.ts`) and builds a pair's side-by-side view when asked, with
 * DOM calls and `textContent` only: no `innerHTML`, `eval` or URL from the
 * data is ever run or fetched. Links are made only for http(s) URLs, and only
 * followed when clicked.
 *
 * Kept as plain ES2017 in a string (no template placeholders) so that its
 * SHA-256 can be pinned in the page's Content-Security-Policy.
 */
/** The script's source, inlined as is into the page. */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('reprint-data').textContent);

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function rangesOf(pair, side) {
    var out = [];
    pair.passages.forEach(function (p, i) {
      var parts = p.segments || [p.at];
      parts.forEach(function (s) {
        var start = side === 0 ? s[0] : s[2];
        var end = side === 0 ? s[1] : s[3];
        if (end > start) out.push({ start: start, end: end, index: i, kind: data.kinds[p.kind] });
      });
    });
    return out;
  }

  function markedText(text, ranges, credit) {
    var box = el('div', 'text');
    box.dir = 'auto'; // a Persian or Arabic text reads right to left
    var cuts = [0, text.length];
    ranges.forEach(function (r) { cuts.push(r.start, r.end); });
    if (credit) cuts.push(credit.start, credit.end);
    cuts = cuts.filter(function (x) { return x >= 0 && x <= text.length; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      if (b <= a) continue;
      var piece = text.slice(a, b);
      var covering = ranges.filter(function (r) { return r.start <= a && r.end >= b; });
      var inCredit = credit && credit.start <= a && credit.end >= b;
      if (covering.length === 0 && !inCredit) { box.appendChild(document.createTextNode(piece)); continue; }
      var mark = el(covering.length > 0 ? 'mark' : 'span', covering.length > 0 ? 'k-' + covering[0].kind : '', piece);
      if (inCredit) { mark.classList.add('credit'); mark.title = 'credit line (' + credit.kind + ')'; }
      if (covering.length > 0) {
        mark.dataset.p = covering.map(function (r) { return r.index; }).join(' ');
        mark.tabIndex = 0;
        mark.title = covering.map(function (r) { return 'passage ' + (r.index + 1) + ': ' + r.kind; }).join('; ');
      }
      box.appendChild(mark);
    }
    return box;
  }

  function documentColumn(doc, role, ranges, credit) {
    var col = el('div', 'side');
    var head = el('div', 'side-head');
    head.appendChild(el('div', 'role', role));
    head.appendChild(el('div', 'outlet', doc.outlet));
    if (doc.title !== null) head.appendChild(el('div', 'title', doc.title));
    var meta = el('div', 'meta');
    meta.appendChild(el('span', 'id', doc.id));
    if (doc.published !== null) meta.appendChild(el('span', '', ' · published ' + doc.published));
    head.appendChild(meta);
    if (doc.url !== null && doc.link) {
      var link = el('a', 'url', doc.url);
      link.href = doc.url;
      link.rel = 'noopener noreferrer nofollow';
      link.target = '_blank';
      head.appendChild(link);
    } else if (doc.url !== null) {
      head.appendChild(el('div', 'url', doc.url + ' (not an http(s) URL: no link)'));
    }
    col.appendChild(head);
    col.appendChild(markedText(doc.text, ranges, credit));
    return col;
  }

  function hasAny(mark, indices) {
    var own = (mark.dataset.p || '').split(' ');
    return indices.some(function (i) { return own.indexOf(String(i)) >= 0; });
  }

  function activate(view, indices, from) {
    view.querySelectorAll('.active').forEach(function (m) { m.classList.remove('active'); });
    var sides = view.querySelectorAll('.side .text');
    sides.forEach(function (box) {
      var first = null;
      box.querySelectorAll('mark').forEach(function (m) {
        if (hasAny(m, indices)) { m.classList.add('active'); if (first === null) first = m; }
      });
      if (first !== null && box !== from) box.scrollTop = Math.max(0, first.offsetTop - 48);
    });
    view.querySelectorAll('.plist li').forEach(function (li) {
      if (indices.indexOf(Number(li.dataset.p)) >= 0) li.classList.add('active');
    });
  }

  function passageList(pair, view) {
    var list = el('ol', 'plist');
    pair.passages.forEach(function (p, i) {
      var li = el('li', '');
      li.dataset.p = String(i);
      li.tabIndex = 0;
      li.appendChild(el('span', 'chip k-' + data.kinds[p.kind], data.kinds[p.kind]));
      li.appendChild(document.createTextNode(' similarity ' + p.similarity.toFixed(2) + ': source [' + p.at[0] + ', ' + p.at[1] + ') ↔ target [' + p.at[2] + ', ' + p.at[3] + ')' + (p.segments ? ' (condensed: ' + p.segments.length + ' segments)' : '')));
      list.appendChild(li);
    });
    list.addEventListener('click', function (e) {
      var li = e.target.closest('li');
      if (li) activate(view, [Number(li.dataset.p)], null);
    });
    list.addEventListener('keydown', function (e) {
      var li = e.target.closest('li');
      if (li && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); activate(view, [Number(li.dataset.p)], null); }
    });
    return list;
  }

  function buildView(pairIndex) {
    var pair = data.pairs[pairIndex];
    var view = el('div', 'sbs');
    var credit = pair.credit;
    var cols = el('div', 'cols');
    var src = data.docs[pair.source], tgt = data.docs[pair.target];
    cols.appendChild(documentColumn(src, pair.directed ? 'source (published first)' : 'one side (order unknown)', rangesOf(pair, 0), credit && credit.side === 0 ? credit : null));
    cols.appendChild(documentColumn(tgt, pair.directed ? 'copy (published later)' : 'other side', rangesOf(pair, 1), credit && credit.side === 1 ? credit : null));
    view.appendChild(el('p', 'hint', 'Click a highlighted passage (or a line below) to see its match on the other side.'));
    view.appendChild(cols);
    view.appendChild(passageList(pair, view));
    view.addEventListener('click', function (e) {
      var mark = e.target.closest('mark[data-p]');
      if (mark) activate(view, mark.dataset.p.split(' ').map(Number), mark.parentNode);
    });
    view.addEventListener('keydown', function (e) {
      var mark = e.target.closest('mark[data-p]');
      if (mark && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); activate(view, mark.dataset.p.split(' ').map(Number), mark.parentNode); }
    });
    return view;
  }

  var filter = document.getElementById('filter');
  filter.addEventListener('input', function () {
    var words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll('#pairs > tbody > tr:not(.viewer)').forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var hide = !words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = hide;
      var next = row.nextElementSibling;
      if (next && next.classList.contains('viewer')) next.hidden = hide;
      if (!hide) shown++;
    });
    document.getElementById('filter-count').textContent = words.length > 0 ? shown + ' shown' : '';
  });

  document.getElementById('pairs').addEventListener('click', function (e) {
    var button = e.target.closest('button.view');
    if (!button) return;
    var row = button.closest('tr');
    var next = row.nextElementSibling;
    if (next && next.classList.contains('viewer')) {
      next.remove();
      button.setAttribute('aria-expanded', 'false');
      button.textContent = 'side by side';
      return;
    }
    var tr = el('tr', 'viewer');
    var td = el('td', '');
    td.colSpan = row.children.length;
    td.appendChild(buildView(Number(button.dataset.pair)));
    tr.appendChild(td);
    row.after(tr);
    button.setAttribute('aria-expanded', 'true');
    button.textContent = 'close';
  });
})();
`;
