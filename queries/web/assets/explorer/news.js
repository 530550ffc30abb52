// The notice of the reports added or changed since the page was opened
// (by serve --watch, or an ingest run through the server): it polls
// /api/news, which reads only the server's memory.
(function () {
  'use strict';
  var EVERY = 3000;
  var start = null;
  var bar = null;
  var list = null;

  function get(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(r.statusText);
      return r.json();
    });
  }
  function node(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }
  function entityURL(id) {
    return '/explore/entity/' + id.split('/').map(function (s) { return encodeURIComponent(s).replace(/%3A/gi, ':'); }).join('/');
  }
  function show(res) {
    if (!bar) {
      bar = node('div', { id: 'news', role: 'status', style: 'background:#fff6d6;border-bottom:1px solid #e8d58a;padding:8px 20px;font-size:14px' });
      var header = document.querySelector('header');
      header.parentNode.insertBefore(bar, header.nextSibling);
    }
    while (bar.firstChild) bar.removeChild(bar.firstChild);
    var n = res['new'];
    bar.appendChild(node('span', { id: 'news-count' }, n + (n === 1 ? ' new report' : ' new reports') + ' since this page was opened'));
    bar.appendChild(document.createTextNode(' · '));
    var toggle = node('a', { href: '#', id: 'news-show' }, list ? 'hide' : 'show');
    toggle.addEventListener('click', function (ev) {
      ev.preventDefault();
      list = list ? null : res.reports;
      show(res);
    });
    bar.appendChild(toggle);
    bar.appendChild(document.createTextNode(' · '));
    var reload = node('a', { href: location.href, id: 'news-reload' }, 'reload the page');
    bar.appendChild(reload);
    if (list) {
      list = res.reports;
      var ul = node('ul', { id: 'news-list', style: 'margin:6px 0 0;padding-left:18px' });
      list.forEach(function (r) {
        var li = node('li');
        li.appendChild(node('a', { href: entityURL(r.id), 'data-report': r.id }, r.title || r.name || r.id));
        if (r.published) li.appendChild(document.createTextNode(' (' + r.published + ')'));
        ul.appendChild(li);
      });
      if (n > list.length) ul.appendChild(node('li', { 'class': 'muted' }, 'and ' + (n - list.length) + ' more'));
      bar.appendChild(ul);
    }
  }
  function poll() {
    get(start === null ? '/api/news' : '/api/news?since=' + start).then(function (res) {
      if (start === null) {
        start = res.total;
      } else if (res['new'] > 0) {
        show(res);
      }
    }).catch(function () {});
  }
  poll();
  setInterval(poll, EVERY);
})();
