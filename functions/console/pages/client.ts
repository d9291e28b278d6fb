// Browser helpers shared by every console page, served as /assets/console.js. Plain ES2020 in a
// string so it ships inside the Lambda bundle with no build step; no template literals inside, as
// this file is itself one.

export const CONSOLE_JS = String.raw`
(function () {
  'use strict';
  var KEY = 'gf.token';
  var GF = {};

  GF.ROLE = {
    bureau: ['市工信局', 'Bureau'],
    manufacturer: ['制造企业', 'Manufacturer'],
    platform: ['平台', 'Platform']
  };
  GF.HOME = { bureau: '/b/overview', manufacturer: '/m/scenarios', platform: '/p/leads' };
  GF.STATUS = {
    draft: ['草稿', 'Draft'], published: ['已发布', 'Published'], matching: ['匹配中', 'Matching'],
    matched: ['已匹配', 'Matched'], closed: ['已关闭', 'Closed'], withdrawn: ['已撤回', 'Withdrawn'],
    pending: ['待处理', 'Pending'], accepted: ['已接受', 'Accepted'], declined: ['已婉拒', 'Declined'],
    composing: ['编排中', 'Composing'], composed: ['已编排', 'Composed']
  };
  GF.LEVEL = [['未定级', 'Not graded'], ['一级', 'Level 1'], ['二级', 'Level 2'], ['三级', 'Level 3']];
  GF.FACTOR = {
    semantic: ['语义相似度', 'Semantic similarity'], industry: ['行业契合', 'Industry fit'],
    domain: ['场景领域契合', 'Domain fit'], technology: ['技术契合', 'Technology fit'],
    maturity: ['平台成熟度', 'Maturity'], exposure: ['曝光均衡', 'Exposure fairness']
  };

  GF.token = function () { return localStorage.getItem(KEY) || ''; };
  GF.setToken = function (t) { localStorage.setItem(KEY, t.trim()); };
  GF.signOut = function () { localStorage.removeItem(KEY); };

  /** The token's claims when it is present, well formed and unexpired; the server still verifies it. */
  GF.claims = function () {
    var t = GF.token();
    var parts = t.split('.');
    if (parts.length !== 3) return null;
    try {
      var b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
      while (b64.length % 4) b64 += '=';
      var json = decodeURIComponent(Array.prototype.map.call(atob(b64), function (c) {
        return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
      }).join(''));
      var c = JSON.parse(json);
      if (!c || !GF.ROLE[c.role]) return null;
      if (typeof c.exp === 'number' && c.exp * 1000 < Date.now()) return null;
      return c;
    } catch (e) { return null; }
  };

  GF.api = async function (method, path, body) {
    var headers = { accept: 'application/json' };
    var t = GF.token();
    if (t) headers.authorization = 'Bearer ' + t;
    var init = { method: method, headers: headers };
    if (body !== undefined) { headers['content-type'] = 'application/json'; init.body = JSON.stringify(body); }
    var res = await fetch(path, init);
    var text = await res.text();
    var data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
    if (!res.ok) {
      var e = data && data.error ? data.error : {};
      var err = new Error(e.message || ('HTTP ' + res.status));
      err.status = res.status; err.code = e.code; err.details = e.details || [];
      throw err;
    }
    return data;
  };

  function append(el, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { append(el, x); }); return; }
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }

  /** Builds DOM nodes; text always goes in as text, so data from the API cannot inject markup. */
  GF.h = function (tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.slice(0, 2) === 'on' && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'checked' || k === 'selected' || k === 'disabled') el[k] = !!v;
      else el.setAttribute(k, v === true ? '' : String(v));
    });
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  };
  var h = GF.h;

  GF.bi = function (pair, tag) {
    return h(tag || 'span', null, pair[0], h('span', { class: 'en' }, pair[1]));
  };
  GF.badge = function (status, testid) {
    var p = GF.STATUS[status] || [status, status];
    return h('span', { class: 'badge ' + status, 'data-testid': testid || 'status', 'data-status': status }, p[0] + ' ' + p[1]);
  };
  GF.levelBadge = function (level) {
    var p = GF.LEVEL[level] || [String(level), String(level)];
    return h('span', { class: 'badge l' + level, 'data-testid': 'level', 'data-level': level }, p[0] + ' ' + p[1]);
  };
  GF.num = function (x) { return x === null || x === undefined ? '—' : Number(x).toLocaleString('zh-CN', { maximumFractionDigits: 2 }); };
  GF.pct = function (x) { return x === null || x === undefined ? '—' : (x * 100).toFixed(0) + '%'; };
  GF.date = function (iso) { return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—'; };
  GF.sleep = function (ms) { return new Promise(function (r) { setTimeout(r, ms); }); };
  GF.qs = function (sel, root) { return (root || document).querySelector(sel); };
  GF.clear = function (el) { while (el.firstChild) el.removeChild(el.firstChild); return el; };
  GF.data = function (id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; };

  /** Polls until check() returns something truthy, or gives up after timeoutMs (null). */
  GF.poll = async function (check, everyMs, timeoutMs) {
    var until = Date.now() + (timeoutMs || 120000);
    while (Date.now() < until) {
      var v = await check();
      if (v) return v;
      await GF.sleep(everyMs || 1500);
    }
    return null;
  };

  GF.msg = function (kind, text, testid) {
    return h('div', { class: 'msg ' + kind, role: kind === 'err' ? 'alert' : 'status', 'data-testid': testid || ('msg-' + kind) }, text);
  };
  GF.errorMsg = function (err) {
    var box = GF.msg('err', err.message || String(err), 'error');
    if (err.details && err.details.length)
      box.appendChild(h('ul', null, err.details.map(function (d) { return h('li', null, (d.path ? d.path + ': ' : '') + d.message); })));
    if (err.status === 401)
      box.appendChild(h('div', null, h('a', { href: '/sign-in?next=' + encodeURIComponent(location.pathname) }, '重新登录 Sign in again')));
    return box;
  };
  /** Shows a message in a slot element, replacing whatever was there. */
  GF.say = function (slot, node) { GF.clear(slot); if (node) slot.appendChild(node); };

  var taxonomy;
  GF.taxonomy = function () {
    if (!taxonomy) taxonomy = GF.api('GET', '/v1/taxonomy').then(function (t) {
      t.index = {};
      Object.keys(t).forEach(function (kind) {
        if (!Array.isArray(t[kind])) return;
        var m = {};
        t[kind].forEach(function (x) { m[x.code] = x; });
        t.index[kind] = m;
      });
      return t;
    });
    return taxonomy;
  };
  /** [zh, en] of a taxonomy code once the taxonomy is loaded; the code itself otherwise. */
  GF.term = function (tax, kind, code) {
    var x = tax && tax.index[kind] && tax.index[kind][code];
    return x ? [x.zh, x.en] : [code, code];
  };
  GF.terms = function (tax, kind, codes) {
    return (codes || []).map(function (c) { return GF.term(tax, kind, c)[0]; }).join('、') || '—';
  };

  GF.fillSelect = function (select, terms, placeholder) {
    GF.clear(select);
    if (placeholder) select.appendChild(h('option', { value: '' }, placeholder));
    terms.forEach(function (t) {
      select.appendChild(h('option', { value: t.code }, t.code === t.zh ? t.zh + ' ' + t.en : t.zh + ' ' + t.en + (/^[A-Z]\d+$/.test(t.code) ? ' (' + t.code + ')' : '')));
    });
  };
  GF.checks = function (box, terms, prefix) {
    GF.clear(box);
    terms.forEach(function (t) {
      box.appendChild(h('label', null,
        h('input', { type: 'checkbox', value: t.code, 'data-testid': prefix + '-' + t.code }),
        h('span', null, t.zh), h('span', { class: 'en' }, t.en)));
    });
  };
  GF.checked = function (box) {
    return Array.prototype.map.call(box.querySelectorAll('input[type=checkbox]:checked'), function (i) { return i.value; });
  };
  GF.val = function (form, name) { var el = form.elements[name]; return el ? el.value.trim() : ''; };

  /**
   * The page's role gate: returns the claims when the stored token has one of roles; otherwise
   * replaces the page body with a sign-in prompt and returns null.
   */
  GF.need = function (roles) {
    var c = GF.claims();
    if (c && roles.indexOf(c.role) >= 0) return c;
    var app = document.getElementById('app');
    Array.prototype.slice.call(app.children, 1).forEach(function (el) { el.remove(); });
    var names = roles.map(function (r) { return GF.ROLE[r][0] + ' ' + GF.ROLE[r][1]; }).join(' / ');
    app.appendChild(h('div', { class: 'card', 'data-testid': 'need-sign-in' },
      h('p', null, '此页面需要以 ' + names + ' 身份登录。', h('span', { class: 'en' }, 'Sign in as ' + names + ' to use this page.')),
      h('a', { class: 'btn', href: '/sign-in?next=' + encodeURIComponent(location.pathname) }, '去登录 ', h('span', { class: 'en' }, 'Sign in'))));
    return null;
  };

  function renderWho() {
    var box = document.getElementById('whoami');
    if (!box) return;
    GF.clear(box);
    var c = GF.claims();
    // On a phone only the signed-in role's links (and the public ones) fit in the bar.
    document.body.classList.toggle('signed-in', !!c);
    document.querySelectorAll('nav.main .grp').forEach(function (g) { g.classList.toggle('mine', !!c && g.getAttribute('data-role') === c.role); });
    if (!c) {
      box.appendChild(h('a', { href: '/sign-in', 'data-testid': 'nav-sign-in' }, '登录 ', h('span', { class: 'en' }, 'Sign in')));
      return;
    }
    box.appendChild(h('span', { 'data-testid': 'whoami-role', 'data-role': c.role }, GF.ROLE[c.role][0], h('span', { class: 'en' }, GF.ROLE[c.role][1])));
    if (c.org) box.appendChild(h('code', { 'data-testid': 'whoami-org' }, c.org));
    box.appendChild(h('a', { href: '/sign-in', 'data-testid': 'sign-out', onclick: function () { GF.signOut(); } }, '退出 ', h('span', { class: 'en' }, 'Sign out')));
  }

  /** Runs a page's main function after the DOM is ready; an uncaught failure is shown, not swallowed. */
  GF.page = function (fn) {
    var run = function () {
      renderWho();
      Promise.resolve().then(fn).catch(function (err) {
        var app = document.getElementById('app');
        app.appendChild(GF.errorMsg(err));
      });
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run); else run();
  };

  /** An ECharts instance that follows its container's size (phone rotation, window resize). */
  GF.chart = function (el) {
    var c = window.echarts.init(el, null, { renderer: 'canvas' });
    window.addEventListener('resize', function () { c.resize(); });
    return c;
  };

  window.GF = GF;
})();
`;
