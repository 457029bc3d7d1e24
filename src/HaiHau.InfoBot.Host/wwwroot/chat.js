/* HaiHau.InfoBot resident web chat. Vanilla ES2017, no dependencies, works offline on a LAN.
   SECURITY: server and user text only ever reach the page through textContent, never innerHTML. */
(function () {
  'use strict';

  // Relative on purpose: also works when the host is published under a path prefix (/bot/...).
  var API = 'api/webchat/';
  var STORE_KEY = 'haihau.infobot.conversation';
  var TIMEOUT_MS = 30000;
  var MAX_LEN = 2000, COUNTER_FROM = 1800;
  var T = {
    offline: 'Mất kết nối, bác thử gửi lại nhé.',
    resend: 'Gửi lại',
    loadFailed: 'Mất kết nối, chưa tải được cuộc trò chuyện. Bác thử lại nhé.',
    retry: 'Thử lại',
    rejected: 'Xin lỗi bác, tin nhắn chưa gửi được.',
    choices: 'Chọn một mục'
  };

  var embed = /[?&]embed=1(&|$)/.test(location.search);
  if (embed) document.documentElement.className += ' embed';

  function $(id) { return document.getElementById(id); }
  var els = {
    messages: $('messages'), scroller: $('scroller'), typing: $('typing'), form: $('form'),
    input: $('input'), counter: $('counter'), restart: $('restart')
  };

  var state = { conversationId: null, lastReplyId: 0, seen: {}, generation: 0 };
  // Every network task runs through one queue, so replies appear in the order the resident asked.
  var queue = Promise.resolve();
  var pending = 0;

  // localStorage can throw (private mode, blocked third-party storage inside an iframe): then we just forget on reload.
  var store = {
    get: function () { try { return localStorage.getItem(STORE_KEY); } catch (e) { return null; } },
    set: function (v) { try { localStorage.setItem(STORE_KEY, v); } catch (e) { /* ignore */ } },
    clear: function () { try { localStorage.removeItem(STORE_KEY); } catch (e) { /* ignore */ } }
  };

  // crypto.randomUUID exists only in secure contexts; over plain HTTP on the LAN it is missing, so build a v4 UUID.
  function uuid() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === 'function') { try { return c.randomUUID(); } catch (e) { /* fall through */ } }
    var b = new Uint8Array(16), i;
    if (c && c.getRandomValues) c.getRandomValues(b);
    else for (i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = [];
    for (i = 0; i < 16; i++) h.push((b[i] + 0x100).toString(16).slice(1));
    return h.slice(0, 4).join('') + '-' + h.slice(4, 6).join('') + '-' + h.slice(6, 8).join('') + '-' +
      h.slice(8, 10).join('') + '-' + h.slice(10).join('');
  }

  // Resolves { status, body }. status 0 = network error, timeout, or a 200 whose body is not JSON.
  function request(method, url, payload) {
    var ctrl = window.AbortController ? new AbortController() : null;
    var timer = ctrl ? setTimeout(function () { ctrl.abort(); }, TIMEOUT_MS) : 0;
    var opts = { method: method, headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' };
    if (payload !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(payload);
    }
    if (ctrl) opts.signal = ctrl.signal;
    return fetch(url, opts).then(function (res) {
      return res.text().then(function (t) {
        var body = null;
        try { body = t ? JSON.parse(t) : null; } catch (e) { /* not JSON */ }
        if (res.ok && !body) return { status: 0, body: null };
        return { status: res.status, body: body };
      });
    }).catch(function () {
      return { status: 0, body: null };
    }).then(function (r) {
      clearTimeout(timer);
      return r;
    });
  }

  function retryable(status) { return status === 0 || status === 408 || status === 429 || status >= 500; }
  function errorText(r) { return (r.body && typeof r.body.error === 'string' && r.body.error) || T.rejected; }

  /* ---------- DOM ---------- */

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }

  function button(cls, text, onClick) {
    var b = el('button', cls, text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  // A click fired by the keyboard has detail 0: only then move focus to the input
  // (doing it after a tap would pop up the phone keyboard over the answer).
  function refocusIfKeyboard(ev) { if (ev && ev.detail === 0) els.input.focus(); }

  function scrollToBottom() { els.scroller.scrollTop = els.scroller.scrollHeight; }

  // Show the start of the new answer (long answers are read from the top); the browser clamps short ones to the bottom.
  function scrollToShow(node) { els.scroller.scrollTop = node.offsetTop - 8; }

  function addUser(text) {
    var n = el('div', 'msg user', text);
    els.messages.appendChild(n);
    scrollToBottom();
    return n;
  }

  function addSystem(text, action, actionLabel) {
    var n = el('div', 'msg system');
    n.appendChild(el('span', null, text));
    if (action) {
      n.appendChild(button('retry', actionLabel, function (ev) {
        n.parentNode.removeChild(n);
        refocusIfKeyboard(ev);
        action();
      }));
    }
    els.messages.appendChild(n);
    scrollToBottom();
    return n;
  }

  function disableChoices(except) {
    var bs = els.messages.querySelectorAll('button.choice');
    for (var i = 0; i < bs.length; i++) if (bs[i].parentNode !== except) bs[i].disabled = true;
  }

  function renderChoices(reply) {
    var box = el('div', 'choices');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', T.choices);
    box.setAttribute('data-reply-id', String(reply.id));
    reply.choices.forEach(function (c) {
      if (!c || c.id == null) return;
      var id = String(c.id);
      var label = c.label != null && c.label !== '' ? String(c.label) : id;
      var b = button('choice', label, function (ev) {
        if (b.disabled) return;
        b.className += ' chosen';
        send({ choice: id }, label);
        refocusIfKeyboard(ev);
      });
      b.setAttribute('data-choice-id', id);
      box.appendChild(b);
    });
    return box;
  }

  function markSeen(r) {
    if (!r || r.id == null) return;
    state.seen[String(r.id)] = true;
    if (Number(r.id) > state.lastReplyId) state.lastReplyId = Number(r.id);
  }

  // mode 'live': every choice in this batch stays active. mode 'restore': only the last reply's choices do, and the
  // resident's own lines come back from each turn's first reply ("said"), so the transcript reads as it was.
  function renderReplies(replies, mode) {
    if (!Array.isArray(replies)) return;
    var first = null, lastStart = null, lastBox = null;
    replies.forEach(function (r) {
      if (!r || r.id == null || state.seen[String(r.id)]) return; // dedupe by id
      markSeen(r);
      if (!first) disableChoices(null);
      if (mode === 'restore' && typeof r.said === 'string' && r.said) {
        var u = addUser(r.said);
        first = first || u;
      }
      var text = r.text == null ? '' : String(r.text), b = null;
      if (text) {
        b = el('div', 'msg bot', text);
        b.setAttribute('data-reply-id', String(r.id));
        els.messages.appendChild(b);
        first = first || b;
      }
      lastStart = b;
      lastBox = null;
      if (Array.isArray(r.choices) && r.choices.length) {
        lastBox = renderChoices(r);
        els.messages.appendChild(lastBox);
        first = first || lastBox;
        lastStart = lastStart || lastBox;
      }
    });
    if (!first) return;
    if (mode === 'restore') {
      disableChoices(lastBox); // lastBox is null when the last reply has no choices
      scrollToShow(lastStart); // a restored transcript opens at its last answer, not at the greeting
    } else {
      scrollToShow(first);
    }
  }

  function setTyping() {
    var show = pending > 0;
    if (show === !els.typing.hidden) return;
    els.typing.hidden = !show;
    if (show) scrollToBottom();
  }

  /* ---------- conversation flow ---------- */

  function adopt(id, fresh) {
    if (fresh) { state.seen = {}; state.lastReplyId = 0; } // reply ids may restart per conversation
    state.conversationId = id;
    store.set(id);
  }

  // task(gen) returns a promise; tasks from before a restart are skipped or ignore their results.
  function enqueue(task) {
    var gen = state.generation;
    pending++;
    setTyping();
    queue = queue.then(function () {
      return gen === state.generation ? task(gen) : null;
    }).catch(function (e) {
      if (window.console) console.error(e); // a bug in one task must not block the queue
    }).then(function () {
      if (gen === state.generation) { pending--; setTyping(); }
    });
  }

  // Resolves { ok, r }. silent: the greeting is marked as seen but not shown (used when a lost conversation
  // is replaced in the middle of a question, so the menu does not land between the question and its answer).
  function create(gen, silent) {
    return request('POST', API + 'conversations', {}).then(function (r) {
      if (gen !== state.generation) return { ok: false, r: r, stale: true };
      if (r.status !== 200 || !r.body || r.body.conversationId == null) return { ok: false, r: r };
      adopt(String(r.body.conversationId), true);
      if (!silent) renderReplies(r.body.replies, 'live');
      else (r.body.replies || []).forEach(markSeen);
      return { ok: true, r: r };
    });
  }

  function startNew(gen) {
    return create(gen, false).then(function (c) {
      if (c.ok || c.stale) return;
      if (retryable(c.r.status)) addSystem(T.loadFailed, function () { enqueue(startNew); }, T.retry);
      else addSystem(errorText(c.r));
    });
  }

  function restore(gen) {
    var id = state.conversationId;
    var url = API + 'conversations/' + encodeURIComponent(id) + '/messages?after=0';
    return request('GET', url).then(function (r) {
      if (gen !== state.generation) return;
      var replies = r.status === 200 && r.body && Array.isArray(r.body.replies) ? r.body.replies : null;
      if (replies && replies.length) { renderReplies(replies, 'restore'); return; }
      if (retryable(r.status)) {
        // Keep the stored id: a question typed meanwhile still goes to the right conversation.
        addSystem(T.loadFailed, function () { enqueue(restore); }, T.retry);
        return;
      }
      // 404 (unknown, expired or deleted), any other refusal, or an empty transcript: start afresh.
      state.conversationId = null;
      store.clear();
      return startNew(gen);
    });
  }

  // msg = { clientMessageId, text } or { clientMessageId, choice }. The same object is reused by "Gửi lại",
  // so a retry carries the same clientMessageId and the server can dedupe it.
  function deliver(gen, msg, userNode, recreated) {
    msg.tries = (msg.tries || 0) + 1;
    function failed(r) {
      if (retryable(r.status)) {
        userNode.className = 'msg user unsent';
        addSystem(T.offline, function () {
          userNode.className = 'msg user';
          enqueue(function (g) { return deliver(g, msg, userNode, recreated); });
        }, T.resend);
      } else {
        addSystem(errorText(r));
      }
    }
    var ready = state.conversationId ? Promise.resolve({ ok: true }) : create(gen, false);
    return ready.then(function (c) {
      if (gen !== state.generation || c.stale) return;
      if (!c.ok) return failed(c.r);
      var body = { conversationId: state.conversationId, clientMessageId: msg.clientMessageId };
      if (msg.choice != null) body.choice = msg.choice; else body.text = msg.text;
      return request('POST', API + 'messages', body).then(function (r) {
        if (gen !== state.generation) return;
        if (r.status === 200) {
          var replies = r.body.replies;
          renderReplies(replies, 'live');
          // A retried message whose first try did reach the server: if the server did not replay the replies,
          // fetch whatever we missed.
          if (msg.tries > 1 && !(Array.isArray(replies) && replies.length)) return catchUp(gen);
          return;
        }
        if (r.status === 404 && !recreated) {
          // Conversation unknown (expired, deleted by "xóa dữ liệu của tôi", database reset): replace it once, quietly.
          state.conversationId = null;
          store.clear();
          return create(gen, true).then(function (c2) {
            if (c2.stale) return;
            if (!c2.ok) return failed(c2.r);
            return deliver(gen, msg, userNode, true);
          });
        }
        failed(r);
      });
    });
  }

  function catchUp(gen) {
    var url = API + 'conversations/' + encodeURIComponent(state.conversationId) + '/messages?after=' + state.lastReplyId;
    return request('GET', url).then(function (r) {
      if (gen === state.generation && r.status === 200 && r.body) renderReplies(r.body.replies, 'live');
    });
  }

  function send(payload, shown) {
    disableChoices(null);
    payload.clientMessageId = uuid();
    var node = addUser(shown);
    enqueue(function (gen) { return deliver(gen, payload, node, false); });
  }

  function sendText() {
    var text = els.input.value.replace(/^\s+|\s+$/g, '');
    // Some Vietnamese keyboards type decomposed accents; send the composed (NFC) form.
    if (text.normalize) text = text.normalize('NFC');
    if (!text) { els.input.focus(); return; }
    els.input.value = '';
    onInput();
    send({ text: text.slice(0, MAX_LEN) }, text.slice(0, MAX_LEN));
  }

  function restart() {
    state.generation++;          // results of older requests are now ignored
    queue = Promise.resolve();   // and a hanging request does not hold up the new conversation
    pending = 0;
    setTyping();
    state.conversationId = null;
    state.seen = {};
    state.lastReplyId = 0;
    store.clear();
    while (els.messages.firstChild) els.messages.removeChild(els.messages.firstChild);
    enqueue(startNew);
  }

  /* ---------- input ---------- */

  // Grow the textarea with its content, up to 4 lines, then scroll inside it.
  function autoGrow() {
    var ta = els.input, cs = window.getComputedStyle(ta);
    var border = parseFloat(cs.borderTopWidth) + parseFloat(cs.borderBottomWidth);
    var pad = parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom);
    var max = (parseFloat(cs.lineHeight) || 25) * 4 + pad + border;
    ta.style.height = 'auto';
    var want = ta.scrollHeight + border;
    ta.style.height = Math.min(want, max) + 'px';
    ta.style.overflowY = want > max ? 'auto' : 'hidden';
  }

  function onInput() {
    autoGrow();
    var len = els.input.value.length;
    els.counter.hidden = len <= COUNTER_FROM;
    els.counter.textContent = len > COUNTER_FROM ? len + '/' + MAX_LEN : '';
  }

  els.input.addEventListener('input', onInput);
  els.input.addEventListener('keydown', function (e) {
    // keyCode 229 / isComposing: an input method (Telex, VNI) is still composing a letter; Enter belongs to it.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      sendText();
    }
  });
  els.form.addEventListener('submit', function (e) { e.preventDefault(); sendText(); });
  els.restart.addEventListener('click', function (ev) { restart(); refocusIfKeyboard(ev); });

  // Inside the portal's iframe, Escape never reaches the portal page, so tell embed.js to close the panel.
  if (embed && window.parent !== window) {
    document.addEventListener('keydown', function (e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && !e.isComposing) {
        window.parent.postMessage({ type: 'haihau.infobot.close' }, '*');
      }
    });
  }

  /* ---------- start ---------- */

  state.conversationId = store.get();
  enqueue(state.conversationId ? restore : startNew);
  onInput();
})();
