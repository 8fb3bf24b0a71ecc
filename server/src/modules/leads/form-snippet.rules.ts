/**
 * The script a website pastes (`<script src=".../forms/<id>.js" async></script>`): it fetches the
 * form, renders it after its own tag (or into `data-target`), and posts the submission with the
 * page's UTM parameters and referrer. Plain ES2017, no dependencies, styles scoped by class.
 */
export function formScript(base: string, formId: string): string {
  const cfg = JSON.stringify({ base, formId });
  return `(function () {
  var cfg = ${cfg};
  var me = document.currentScript;
  var lang = ((me && me.getAttribute('data-locale')) || navigator.language || 'zh-CN').toLowerCase().indexOf('zh') === 0 ? 'zh-CN' : 'en';
  var T = { 'zh-CN': { submit: '提交', sending: '提交中…', failed: '提交失败，请稍后再试' }, en: { submit: 'Submit', sending: 'Sending…', failed: 'Could not submit, please try again' } }[lang];
  var host = document.createElement('div');
  host.className = 'kehu-form';
  var target = me && me.getAttribute('data-target') && document.querySelector(me.getAttribute('data-target'));
  if (target) target.appendChild(host); else if (me && me.parentNode) me.parentNode.insertBefore(host, me.nextSibling); else document.body.appendChild(host);
  var css = document.createElement('style');
  css.textContent = '.kehu-form form{display:grid;gap:12px;max-width:480px;font:14px/1.5 system-ui,sans-serif}.kehu-form label{display:grid;gap:4px}.kehu-form input,.kehu-form textarea{font:inherit;padding:8px 10px;border:1px solid #d9d9d9;border-radius:6px}.kehu-form button{font:inherit;padding:8px 16px;border:0;border-radius:6px;background:#1677ff;color:#fff;cursor:pointer}.kehu-form .kehu-error{color:#cf1322}.kehu-form .kehu-hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}';
  document.head.appendChild(css);
  var api = cfg.base + '/api/public/forms/' + cfg.formId;
  function el(tag, attrs, text) { var e = document.createElement(tag); for (var k in attrs) e.setAttribute(k, attrs[k]); if (text) e.textContent = text; return e; }
  function utm() { var p = new URLSearchParams(location.search), o = {}; ['source', 'medium', 'campaign', 'term', 'content'].forEach(function (k) { var v = p.get('utm_' + k); if (v) o[k] = v; }); return o; }
  fetch(api, { headers: { 'accept-language': lang } }).then(function (r) { return r.json().then(function (b) { if (!r.ok) throw b; return b; }); }).then(function (form) {
    var f = el('form', { novalidate: '' });
    form.fields.forEach(function (field) {
      var label = el('label', {}, (lang === 'en' ? field.label.en || field.label.zh : field.label.zh || field.label.en) || field.key);
      var type = field.key === 'email' ? 'email' : field.key === 'phone' ? 'tel' : 'text';
      var input = field.key === 'description' ? el('textarea', { name: field.key, rows: '3' }) : el('input', { name: field.key, type: type });
      if (field.required || field.key === 'name') input.required = true;
      label.appendChild(input);
      f.appendChild(label);
    });
    var hp = el('label', { class: 'kehu-hp', 'aria-hidden': 'true' }, 'Website');
    hp.appendChild(el('input', { name: 'website', tabindex: '-1', autocomplete: 'off' }));
    f.appendChild(hp);
    var msg = el('div', { class: 'kehu-error', role: 'alert' });
    var btn = el('button', { type: 'submit' }, T.submit);
    f.appendChild(msg);
    f.appendChild(btn);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var fields = {};
      form.fields.forEach(function (field) { var v = f.elements[field.key].value; if (v) fields[field.key] = v; });
      btn.disabled = true; btn.textContent = T.sending; msg.textContent = '';
      fetch(api + '/submit', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang },
        body: JSON.stringify({ fields: fields, website: f.elements.website.value, utm: utm(), referrer: document.referrer || undefined, pageUrl: location.href, locale: lang }) })
        .then(function (r) { return r.json().then(function (b) { if (!r.ok) throw b; return b; }); })
        .then(function (done) { if (done.redirectUrl) { location.href = done.redirectUrl; return; } host.innerHTML = ''; host.appendChild(el('p', { class: 'kehu-done', role: 'status' }, done.message)); })
        .catch(function (p) { btn.disabled = false; btn.textContent = T.submit; msg.textContent = (p && p.errors ? p.errors.map(function (e) { return e.message; }).join('; ') : p && p.detail) || T.failed; });
    });
    host.appendChild(f);
  }).catch(function (p) { host.appendChild(el('p', { class: 'kehu-error' }, (p && p.detail) || T.failed)); });
})();
`;
}
