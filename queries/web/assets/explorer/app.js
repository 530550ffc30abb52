// The diplograph explorer: plain JavaScript, no build step, no network
// beyond the server's own JSON API.
(function () {
  'use strict';
  var main = document.getElementById('main');
  var SVGNS = 'http://www.w3.org/2000/svg';
  var COLORS = { Country: '#3aa55d', Person: '#e08a2e', Event: '#7b5cd6', Series: '#cf4f8f', Organization: '#2b9ac2',
    Place: '#8d9a3a', Region: '#6d8f9f', Topic: '#b08d57', Report: '#9aa3ad' };

  function el(tag, attrs) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === 'text') e.textContent = attrs[k];
      else if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs || {}) {
      if (k === 'text') e.textContent = attrs[k]; else e.setAttribute(k, attrs[k]);
    }
    return e;
  }
  function api(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j.error || r.statusText);
        return j;
      });
    });
  }
  function entityURL(id) {
    return '/explore/entity/' + id.split('/').map(function (s) { return encodeURIComponent(s).replace(/%3A/gi, ':'); }).join('/');
  }
  function nice(pred) { return pred.replace(/^[a-z]+:/, '').replace(/_/g, ' '); }
  function name(e) { return e.name || e.id; }
  function badge(t) { return t ? el('span', { 'class': 'badge ' + t, text: t }) : null; }
  function entityLink(e) { return el('a', { href: entityURL(e.id), 'class': 'entity', 'data-id': e.id, text: name(e) }); }
  function reportLink(r) {
    var title = r.title || r.name || r.id;
    return el('span', { 'class': 'report' },
      el('a', { href: entityURL(r.id), 'data-report': r.id, text: title }),
      r.published ? ' (' + r.published + ')' : '',
      r.url ? el('span', null, ' · ', el('a', { href: r.url, rel: 'noopener noreferrer', target: '_blank', text: 'original' })) : null);
  }
  function clear() { while (main.firstChild) main.removeChild(main.firstChild); }
  function fail(err) { clear(); main.appendChild(el('p', { 'class': 'error', text: String(err.message || err) })); }
  function highlight(text, q) {
    var words = (q || '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 2; });
    var span = el('span');
    if (!words.length) { span.textContent = text; return span; }
    var re = new RegExp('(' + words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }).join('|') + ')', 'gi');
    text.split(re).forEach(function (part, i) { span.appendChild(i % 2 ? el('mark', { text: part }) : document.createTextNode(part)); });
    return span;
  }

  function showHome() {
    api('/api/status').then(function (st) {
      var s = document.getElementById('status');
      if (s) s.textContent = st.entities + ' entities and ' + st.evidence + ' evidence sentences indexed (' + st.backend + ' store' + (st.writable ? ', writable' : ', read-only') + ')' +
        (st.indexing ? '; the index is still being built, search finds what is indexed so far.' : '.');
    }).catch(function () {});
    document.getElementById('q').focus();
  }

  // cutNotice says that a list shows only the first res.limit results.
  function cutNotice(res, what) {
    return res.truncated ? el('li', { 'class': 'muted truncated', text: 'Showing the first ' + res.limit + ' ' + what + '; there are more: refine the search.' }) : null;
  }

  function showSearch(q) {
    document.getElementById('q').value = q;
    document.title = q + ' · diplograph';
    clear();
    var ents = el('ul', { 'class': 'results', id: 'entity-results' });
    var evs = el('ul', { 'class': 'results evidence', id: 'evidence-results' });
    main.appendChild(el('h1', { text: 'Results for “' + q + '”' }));
    main.appendChild(el('div', { 'class': 'grid' },
      el('section', null, el('h2', { text: 'Entities' }), ents),
      el('section', null, el('h2', { text: 'Evidence sentences' }), evs)));
    api('/api/search?limit=50&q=' + encodeURIComponent(q)).then(function (res) {
      if (!res.results.length) ents.appendChild(el('li', { 'class': 'muted', text: 'No entity matches.' }));
      res.results.forEach(function (h) {
        ents.appendChild(el('li', null, badge(h.type), entityLink(h), h.date ? el('span', { 'class': 'muted', text: ' · ' + h.date }) : null,
          el('div', { 'class': 'iri', text: h.id })));
      });
      var n = cutNotice(res, 'entities');
      if (n) ents.appendChild(n);
    }).catch(fail);
    api('/api/evidence?limit=20&q=' + encodeURIComponent(q)).then(function (res) {
      if (!res.results.length) evs.appendChild(el('li', { 'class': 'muted', text: 'No sentence matches.' }));
      res.results.forEach(function (h) {
        evs.appendChild(el('li', null, el('blockquote', null, highlight(h.text, q)),
          el('div', { 'class': 'source' }, entityLink(h.subject), ' — ', reportLink(h.report))));
      });
      var n = cutNotice(res, 'sentences');
      if (n) evs.appendChild(n);
    }).catch(fail);
  }

  function timeline(events) {
    var ol = el('ol', { 'class': 'timeline', id: 'timeline' });
    if (!events.length) return el('p', { 'class': 'muted', text: 'No events.' });
    events.forEach(function (ev) {
      ol.appendChild(el('li', { 'data-id': ev.id },
        el('span', { 'class': 'date', text: ev.date || 'undated' }),
        ev.kind ? badge(ev.kind) : null,
        entityLink(ev),
        el('div', { 'class': 'muted', text: (ev.roles || []).filter(function (r) { return r !== 'self'; }).map(function (r) {
          return r.charAt(0) === '^' ? nice(r.slice(1)) + ' (by it)' : nice(r);
        }).join(', ') })));
    });
    return ol;
  }

  // A drawing of the entity's neighbours that keeps every label legible
  // however many there are: the entity in the middle, its neighbours in
  // two arcs, left and right, one row each, with their labels outside the
  // arcs (left of the left arc, right of the right one) and the
  // predicates in each label; at most MAX neighbours, then "and N more".
  function neighbourGraph(d) {
    var MAX = 40, ROW = 20, W = 1000;
    var byNode = {}, order = [];
    d.edges.forEach(function (e) {
      if (!byNode[e.node.id]) { byNode[e.node.id] = { node: e.node, preds: [] }; order.push(e.node.id); }
      var p = nice(e.predicate) + (e.direction === 'in' ? ' ←' : ' →');
      if (byNode[e.node.id].preds.indexOf(p) < 0) byNode[e.node.id].preds.push(p);
    });
    var shown = order.slice(0, MAX);
    var rows = Math.max(1, Math.ceil(shown.length / 2));
    var H = Math.max(240, rows * ROW + 80), cx = W / 2, cy = H / 2, top = 40;
    var s = svg('svg', { 'class': 'neigh', id: 'neighbours', viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'Neighbours of ' + name(d) });
    var gl = svg('g'), gn = svg('g');
    s.appendChild(gl); s.appendChild(gn);
    function clip(t, n) { return t.length > n ? t.slice(0, n - 1) + '…' : t; }
    shown.forEach(function (id, i) {
      var side = i % 2 ? 1 : -1, row = Math.floor(i / 2);
      var inSide = side < 0 ? Math.ceil(shown.length / 2) : Math.floor(shown.length / 2);
      var t = (row + 0.5) / inSide;
      var y = top + t * (H - 2 * top);
      var x = cx + side * (50 + 60 * Math.sin(Math.PI * t));
      var n = byNode[id];
      gl.appendChild(svg('line', { x1: cx, y1: cy, x2: x, y2: y }));
      var link = svg('a', { href: entityURL(id) });
      link.appendChild(svg('title', { text: name(n.node) + ' (' + (n.node.type || '?') + ')\n' + n.preds.join(', ') + '\n' + id }));
      link.appendChild(svg('circle', { cx: x, cy: y, r: 6, fill: COLORS[n.node.type] || '#888' }));
      var label = svg('text', { 'class': 'label', x: x + side * 11, y: y + 4, 'text-anchor': side < 0 ? 'end' : 'start' });
      var nm = svg('tspan', { text: clip(name(n.node), 28) });
      var pr = svg('tspan', { 'class': 'pred', text: ' ' + clip(n.preds.join(', '), 24) });
      label.appendChild(nm); label.appendChild(pr);
      link.appendChild(label);
      gn.appendChild(link);
    });
    gn.appendChild(svg('circle', { cx: cx, cy: cy, r: 11, fill: COLORS[d.type] || '#333' }));
    var t = name(d); if (t.length > 40) t = t.slice(0, 38) + '…';
    gn.appendChild(svg('text', { 'class': 'label centre', x: cx, y: top - 16, 'text-anchor': 'middle', 'font-weight': '700', text: t }));
    var wrap = el('div', null, s);
    if (order.length > MAX) wrap.appendChild(el('p', { 'class': 'muted truncated', id: 'neighbours-more', text: 'and ' + (order.length - MAX) + ' more neighbours, listed under Relations.' }));
    return wrap;
  }

  function relations(d) {
    var tbody = el('tbody');
    d.edges.forEach(function (e) {
      var reps = el('td');
      e.reports.forEach(function (r, i) {
        if (i) reps.appendChild(document.createTextNode(', '));
        reps.appendChild(el('a', { href: entityURL(r), 'data-report': r, text: r.replace(/^report:/, '') }));
      });
      tbody.appendChild(el('tr', { 'data-predicate': e.predicate, 'data-direction': e.direction },
        el('td', { text: e.direction === 'in' ? '← ' + nice(e.predicate) : nice(e.predicate) + ' →' }),
        el('td', null, badge(e.node.type), entityLink(e.node)), reps));
    });
    return el('table', { id: 'relations' }, el('thead', null, el('tr', null, el('th', { text: 'relation' }), el('th', { text: 'entity' }), el('th', { text: 'asserted by' }))), tbody);
  }

  function attributes(d) {
    var tbody = el('tbody');
    d.attributes.forEach(function (a) {
      tbody.appendChild(el('tr', null, el('td', { text: nice(a.predicate) }), el('td', { text: a.value }),
        el('td', { 'class': 'iri', text: a.reports.map(function (r) { return r.replace(/^report:/, ''); }).join(', ') })));
    });
    return el('table', { id: 'attributes' }, tbody);
  }

  function showEntity(id) {
    clear();
    main.appendChild(el('p', { 'class': 'muted', text: 'Loading ' + id + '…' }));
    api('/api/entities/' + id.split('/').map(encodeURIComponent).join('/')).then(function (d) {
      clear();
      document.title = name(d) + ' · diplograph';
      var exp = function (fmt, label) {
        return el('a', { 'class': 'btn', id: 'export-' + fmt, href: '/api/export?format=' + fmt + '&id=' + encodeURIComponent(d.id), download: '', text: label });
      };
      main.appendChild(el('section', { id: 'entity', 'data-id': d.id },
        el('h1', null, badge(d.type), name(d)),
        el('div', { 'class': 'iri', text: d.id }),
        d.aliases && d.aliases.length ? el('div', { 'class': 'muted', text: 'Also: ' + d.aliases.join('; ') }) : null,
        d.url ? el('div', null, el('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank', text: d.url })) : null,
        el('div', { 'class': 'exports' }, exp('graphml', 'Export GraphML'), exp('nquads', 'Export N-Quads'), exp('jsonld', 'Export JSON-LD')),
        d.truncated ? el('p', { 'class': 'muted', text: 'This entity has more facts than are shown here; export or query the console for all.' }) : null));
      main.appendChild(el('section', null, el('h2', { text: 'Neighbours' }), neighbourGraph(d)));
      main.appendChild(el('div', { 'class': 'grid' },
        el('section', null, el('h2', { text: 'Timeline' }), timeline(d.events)),
        el('section', null, el('h2', { text: 'Evidence' }), evidence(d))));
      main.appendChild(el('section', null, el('h2', { text: 'Relations' }), relations(d)));
      if (d.attributes.length) main.appendChild(el('section', null, el('h2', { text: 'Attributes' }), attributes(d)));
      if (d.reports.length) {
        var ul = el('ul', { 'class': 'results', id: 'reports' });
        d.reports.forEach(function (r) { ul.appendChild(el('li', null, reportLink(r))); });
        main.appendChild(el('section', null, el('h2', { text: 'Reports' }), ul));
      }
    }).catch(fail);
  }

  function evidence(d) {
    if (!d.evidence.length) return el('p', { 'class': 'muted', text: 'No evidence sentences.' });
    var ul = el('ul', { 'class': 'evidence', id: 'evidence' });
    d.evidence.forEach(function (ev) {
      ul.appendChild(el('li', null, el('blockquote', { text: ev.text }),
        el('div', { 'class': 'source' }, ev.subject.id !== d.id ? el('span', null, entityLink(ev.subject), ' — ') : null, reportLink(ev.report))));
    });
    if (d.evidence_truncated) ul.appendChild(el('li', { 'class': 'muted truncated', text: 'Showing the first ' + d.evidence.length + ' sentences; search the evidence for more.' }));
    return ul;
  }

  function route() {
    var path = location.pathname;
    var params = new URLSearchParams(location.search);
    if (path.indexOf('/explore/entity/') === 0) {
      showEntity(decodeURIComponent(path.slice('/explore/entity/'.length)));
    } else if (path === '/explore/search' && params.get('q')) {
      showSearch(params.get('q'));
    } else {
      showHome();
    }
  }
  route();
})();
