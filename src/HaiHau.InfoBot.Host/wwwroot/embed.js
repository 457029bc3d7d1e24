/* HaiHau.InfoBot portal widget. The district portal adds:
     <script src="https://BOT-HOST/embed.js" async></script>
   and gets a round "Hỏi đáp" button bottom-right that opens the chat (BOT-HOST/?embed=1) in a panel.
   All styling goes through element.style: a portal's Content-Security-Policy may block an injected <style>,
   never that, and inline styles win over most of the portal's own CSS. */
(function () {
  'use strict';
  if (window.__haihauInfoBotEmbed) return; // the tag was pasted twice
  window.__haihauInfoBotEmbed = true;

  // currentScript is set while an async script runs; the loop is a fallback for very old browsers.
  var script = document.currentScript;
  if (!script) {
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0 && !script; i--) if (/embed\.js([?#]|$)/.test(all[i].src)) script = all[i];
  }
  if (!script || !script.src) return;
  var chatUrl = new URL('./?embed=1', script.src).href; // same origin and folder as embed.js
  var chatOrigin = new URL(script.src).origin;

  var BLUE = '#0b4f8a', RING = '3px solid #e08a00', Z = '2147483000';
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
  var TITLE = 'Hỏi đáp giảm nghèo bền vững – huyện Hải Hậu';
  var SVG = 'http://www.w3.org/2000/svg';

  var launcher, panel, closeBtn, frame, isOpen = false, savedOverflow = null;

  // Inline and !important: a portal rule like `button { background: red !important }` must not restyle the widget.
  function css(el, styles) {
    for (var k in styles) el.style.setProperty(k.replace(/[A-Z]/g, function (m) { return '-' + m.toLowerCase(); }), styles[k], 'important');
    return el;
  }

  function svg(paths, size) {
    var s = document.createElementNS(SVG, 'svg');
    s.setAttribute('viewBox', '0 0 24 24');
    s.setAttribute('width', size);
    s.setAttribute('height', size);
    s.setAttribute('aria-hidden', 'true');
    s.setAttribute('focusable', 'false');
    paths.forEach(function (p) {
      var n = document.createElementNS(SVG, p[0]);
      for (var k in p[1]) n.setAttribute(k, p[1][k]);
      s.appendChild(n);
    });
    return s;
  }

  // Visible focus ring for keyboard users only (falls back to always when :focus-visible is unknown).
  function focusRing(el) {
    el.addEventListener('focus', function () {
      var kb = true;
      try { kb = el.matches(':focus-visible'); } catch (e) { /* old browser */ }
      if (kb) css(el, { outline: RING, outlineOffset: '2px' });
    });
    el.addEventListener('blur', function () { css(el, { outline: 'none' }); });
  }

  function build() {
    launcher = css(document.createElement('button'), {
      position: 'fixed', right: '16px', bottom: '16px', zIndex: Z, width: '80px', height: '80px',
      margin: '0', padding: '0', borderRadius: '50%', border: '2px solid #fff', background: BLUE, color: '#fff',
      boxShadow: '0 4px 14px rgba(0,0,0,.35)', display: 'flex', flexDirection: 'column', alignItems: 'center',
      justifyContent: 'center', cursor: 'pointer', font: '700 14px/1.1 ' + FONT, textTransform: 'none', outline: 'none'
    });
    launcher.type = 'button';
    launcher.setAttribute('aria-label', 'Hỏi đáp giảm nghèo bền vững');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'haihau-infobot-panel');
    launcher.appendChild(svg([
      ['path', { d: 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z', fill: '#fff' }],
      ['circle', { cx: '7.5', cy: '10', r: '1.4', fill: BLUE }],
      ['circle', { cx: '12', cy: '10', r: '1.4', fill: BLUE }],
      ['circle', { cx: '16.5', cy: '10', r: '1.4', fill: BLUE }]
    ], '30'));
    var label = css(document.createElement('span'), { marginTop: '3px', color: '#fff', font: 'inherit' });
    label.textContent = 'Hỏi đáp';
    launcher.appendChild(label);
    launcher.addEventListener('click', function () { if (isOpen) close(); else open(); });
    focusRing(launcher);

    panel = css(document.createElement('div'), {
      position: 'fixed', zIndex: Z, display: 'none', flexDirection: 'column', background: '#fff',
      boxShadow: '0 8px 30px rgba(0,0,0,.35)', overflow: 'hidden', boxSizing: 'border-box'
    });
    panel.id = 'haihau-infobot-panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', TITLE);

    var bar = css(document.createElement('div'), {
      display: 'flex', alignItems: 'center', justifyContent: 'space-between', flex: 'none',
      background: BLUE, color: '#fff', padding: '2px 4px 2px 12px', font: '700 16px/1.3 ' + FONT
    });
    var title = css(document.createElement('span'), { color: '#fff', font: 'inherit' });
    title.textContent = 'Hỏi đáp – huyện Hải Hậu';
    bar.appendChild(title);
    closeBtn = css(document.createElement('button'), {
      display: 'flex', alignItems: 'center', gap: '4px', minWidth: '44px', minHeight: '44px', margin: '0',
      padding: '0 10px', border: '0', background: 'transparent', color: '#fff', cursor: 'pointer',
      font: '700 16px/1 ' + FONT, outline: 'none'
    });
    closeBtn.type = 'button';
    closeBtn.appendChild(svg([['path', { d: 'M6 6l12 12M18 6L6 18', stroke: '#fff', 'stroke-width': '2.5', 'stroke-linecap': 'round' }]], '20'));
    closeBtn.appendChild(document.createTextNode('Đóng'));
    closeBtn.addEventListener('click', close);
    focusRing(closeBtn);
    bar.appendChild(closeBtn);
    panel.appendChild(bar);

    document.body.appendChild(panel);
    document.body.appendChild(launcher);

    window.addEventListener('resize', layout);
    document.addEventListener('keydown', function (e) {
      if (isOpen && (e.key === 'Escape' || e.key === 'Esc')) close();
    });
    // Escape pressed inside the iframe never reaches this page: chat.js posts this message instead.
    window.addEventListener('message', function (e) {
      if (isOpen && frame && e.source === frame.contentWindow && e.origin === chatOrigin &&
          e.data && e.data.type === 'haihau.infobot.close') close();
    });
  }

  // 360×560 panel above the button; full screen on narrow or short screens.
  function layout() {
    if (!panel) return;
    var full = window.innerWidth < 480 || window.innerHeight < 640;
    if (full) {
      css(panel, { left: '0', top: '0', right: '0', bottom: '0', width: '100%', height: '100%', borderRadius: '0', border: '0' });
    } else {
      css(panel, {
        left: 'auto', top: 'auto', right: '16px', bottom: '108px', width: '360px',
        height: Math.min(560, window.innerHeight - 120) + 'px', borderRadius: '12px', border: '1px solid #8a949c'
      });
    }
    // Full screen: hide the button (the panel has its own close) and stop the portal page scrolling underneath.
    css(launcher, { display: isOpen && full ? 'none' : 'flex' });
    var root = document.documentElement.style;
    if (isOpen && full && savedOverflow === null) { savedOverflow = root.overflow; root.overflow = 'hidden'; }
    if (!(isOpen && full) && savedOverflow !== null) { root.overflow = savedOverflow; savedOverflow = null; }
  }

  function open() {
    if (!frame) {
      // Created on first open only: a conversation is not started for every portal visitor.
      frame = css(document.createElement('iframe'), {
        display: 'block', flex: '1 1 auto', width: '100%', minHeight: '0', border: '0', background: '#fff'
      });
      frame.title = TITLE;
      frame.src = chatUrl;
      panel.appendChild(frame);
    }
    isOpen = true;
    css(panel, { display: 'flex' });
    launcher.setAttribute('aria-expanded', 'true');
    layout();
    closeBtn.focus();
  }

  // The iframe is kept (only hidden) so the conversation is still there when reopened.
  function close() {
    var hadFocus = panel.contains(document.activeElement);
    isOpen = false;
    css(panel, { display: 'none' });
    launcher.setAttribute('aria-expanded', 'false');
    layout();
    if (hadFocus) launcher.focus();
  }

  if (document.body) build();
  else document.addEventListener('DOMContentLoaded', build);
})();
