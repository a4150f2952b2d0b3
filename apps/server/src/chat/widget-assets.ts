// The web-chat widget and the survey page: plain HTML, CSS and a little browser JavaScript,
// served by the server itself (no build step, no framework), so the page loads in one round
// trip from any site that links or frames it. The scripts avoid template literals on purpose:
// they live inside TypeScript template strings.

import { CHAT_BUTTON_LABELS } from '@switchboard/domain';

/** Star buttons, comment and send button: the same markup in the widget and on the survey. */
function ratingForm(idPrefix: string): string {
  const stars = [1, 2, 3, 4, 5]
    .map(
      (value) =>
        `<button type="button" class="star" data-rating="${value}" aria-label="Rate ${value} out of 5" aria-pressed="false">★</button>`,
    )
    .join('');
  return `<div class="stars" role="group" aria-label="Your rating">${stars}</div>
      <label for="${idPrefix}-comment">Comment</label>
      <textarea id="${idPrefix}-comment" rows="3" maxlength="1000" placeholder="Tell us more (optional)"></textarea>
      <p class="error" role="alert" id="${idPrefix}-error"></p>
      <button type="button" class="primary" id="${idPrefix}-send">Send rating</button>`;
}

export const WIDGET_CSS = `
:root { color-scheme: light dark; --accent: #1c7ed6; --muted: #868e96; --line: #dee2e6; --bubble: #f1f3f5; --mine: #d0ebff; }
@media (prefers-color-scheme: dark) { :root { --line: #373a40; --bubble: #25262b; --mine: #1864ab; --muted: #909296; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 640px; margin: 0 auto; min-height: 100vh; display: flex; flex-direction: column; padding: 16px; gap: 12px; }
header h1 { font-size: 1.25rem; margin: 0; }
header p { margin: 2px 0 0; color: var(--muted); }
form, section { display: flex; flex-direction: column; gap: 8px; }
fieldset { border: 1px solid var(--line); border-radius: 8px; display: flex; gap: 16px; flex-wrap: wrap; }
label { font-weight: 600; }
fieldset label { font-weight: 400; }
input, textarea { font: inherit; padding: 8px 10px; border: 1px solid var(--line); border-radius: 8px; background: transparent; color: inherit; width: 100%; }
textarea { resize: vertical; }
button { font: inherit; cursor: pointer; border-radius: 8px; padding: 8px 14px; border: 1px solid var(--line); background: transparent; color: inherit; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; align-self: flex-end; }
button.link { border: none; padding: 0; color: var(--accent); align-self: flex-start; }
button:disabled { opacity: .6; cursor: default; }
#messages { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; flex: 1; overflow-y: auto; }
.row { display: flex; justify-content: flex-start; }
.row.mine { justify-content: flex-end; }
.bubble { max-width: 85%; padding: 8px 12px; border-radius: 12px; background: var(--bubble); white-space: pre-wrap; overflow-wrap: anywhere; }
.bubble.mine { background: var(--mine); }
.bubble .meta { display: block; font-size: .8rem; color: var(--muted); margin-bottom: 2px; }
.bubble.pending { opacity: .7; }
.notice { color: var(--muted); font-size: .9rem; text-align: center; margin: 0; }
.error { color: #e03131; margin: 0; min-height: 0; }
.error:empty { display: none; }
.stars { display: flex; gap: 4px; }
.star { font-size: 1.6rem; line-height: 1; padding: 4px 8px; color: var(--muted); }
.star[aria-pressed="true"], .star.lit { color: #f59f00; border-color: #f59f00; }
.card { border: 1px solid var(--line); border-radius: 12px; padding: 12px; }
.thanks { font-weight: 600; }
.options { display: flex; flex-wrap: wrap; gap: 8px; }
.bot-exits { display: flex; flex-wrap: wrap; gap: 8px; justify-content: space-between; }
#bot form { display: flex; flex-direction: column; gap: 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }
`;

export const CHAT_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chat with support — Switchboard</title>
<link rel="stylesheet" href="/chat/widget.css">
<script src="/chat/widget.js" defer></script>
</head>
<body>
<main>
  <header>
    <h1>Chat with support</h1>
    <p>We reply here, usually within minutes. You can close this page and come back.</p>
  </header>
  <noscript><p class="error">The chat needs JavaScript turned on.</p></noscript>
  <form id="intro" class="card" hidden novalidate>
    <fieldset>
      <legend>I am a…</legend>
      <label><input type="radio" name="audience" value="guest" checked> Rider or traveller</label>
      <label><input type="radio" name="audience" value="driver"> Driver or partner</label>
    </fieldset>
    <label for="intro-name">Your name</label>
    <input id="intro-name" name="name" maxlength="200" autocomplete="name" required>
    <label for="intro-email">Email (optional)</label>
    <input id="intro-email" name="email" type="email" maxlength="320" autocomplete="email">
    <p class="error" role="alert" id="intro-error"></p>
    <button type="submit" class="primary">Start chat</button>
  </form>
  <section id="chat" hidden>
    <ol id="messages" aria-label="Conversation"></ol>
    <p id="status" class="notice" role="status"></p>
    <section id="bot" class="card" hidden aria-label="Assistant">
      <div id="bot-options" class="options" role="group" aria-label="Choose an option" hidden></div>
      <form id="bot-answer" hidden novalidate>
        <label for="bot-answer-text" id="bot-answer-label">Your answer</label>
        <input id="bot-answer-text" name="answer" maxlength="1000" autocomplete="off" aria-describedby="bot-error">
        <button type="submit" class="primary">Send answer</button>
      </form>
      <div id="bot-confirm" class="options" role="group" aria-label="Did this solve it?" hidden>
        <button type="button" id="bot-solved">${CHAT_BUTTON_LABELS.solved}</button>
        <button type="button" id="bot-not-solved">${CHAT_BUTTON_LABELS.notSolved}</button>
      </div>
      <p class="error" role="alert" id="bot-error"></p>
      <div class="bot-exits">
        <button type="button" id="bot-person">${CHAT_BUTTON_LABELS.talkToPerson}</button>
        <button type="button" class="link" id="bot-restart" hidden>Start a new chat</button>
      </div>
    </section>
    <section id="rating" class="card" hidden aria-labelledby="rating-title">
      <h2 id="rating-title">How did we do?</h2>
      ${ratingForm('rating')}
      <button type="button" class="link" id="write-again">Need more help? Write to us</button>
    </section>
    <p id="rating-thanks" class="thanks" hidden>Thank you for your rating!</p>
    <form id="composer" novalidate>
      <label for="composer-text">Message</label>
      <textarea id="composer-text" name="text" rows="3" maxlength="10000"></textarea>
      <p class="error" role="alert" id="composer-error"></p>
      <button type="submit" class="primary">Send</button>
    </form>
  </section>
  <p id="announce" class="visually-hidden" aria-live="polite"></p>
</main>
</body>
</html>
`;

/** Stars: pressing one lights it and those before it; returns the chosen value. */
const RATING_SCRIPT = `
function ratingControl(prefix) {
  var chosen = 0;
  var stars = Array.prototype.slice.call(document.querySelectorAll('#' + prefix + ' .star'));
  function paint() {
    stars.forEach(function (star) {
      var value = Number(star.getAttribute('data-rating'));
      star.setAttribute('aria-pressed', String(value === chosen));
      star.classList.toggle('lit', value <= chosen);
    });
  }
  stars.forEach(function (star) {
    star.addEventListener('click', function () { chosen = Number(star.getAttribute('data-rating')); paint(); });
  });
  return {
    value: function () { return chosen; },
    comment: function () { return document.getElementById(prefix + '-comment').value.trim(); },
    error: function (text) { document.getElementById(prefix + '-error').textContent = text || ''; },
    button: document.getElementById(prefix + '-send')
  };
}
async function readAnswer(response) {
  try { return await response.json(); } catch (e) { return {}; }
}
function problemOf(body, fallback) {
  return (body && body.error && body.error.message) || fallback;
}
`;

export const CHAT_JS = `(function () {
'use strict';
${RATING_SCRIPT}
var STORE_KEY = 'switchboard.chat.v1';
var API = '/chat/api';
var params = new URLSearchParams(location.search);
function byId(id) { return document.getElementById(id); }
function hex(bytes) { return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join(''); }
function randomBytes(count) { var bytes = new Uint8Array(count); crypto.getRandomValues(bytes); return bytes; }
function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  var b = randomBytes(16); b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
  var h = hex(b);
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}

var state = {};
try { state = JSON.parse(localStorage.getItem(STORE_KEY) || '{}') || {}; } catch (e) { state = {}; }
if (typeof state.token !== 'string' || !/^[A-Za-z0-9_-]{32,128}$/.test(state.token)) state.token = hex(randomBytes(32));
if (!Array.isArray(state.outbox)) state.outbox = [];
if (!Array.isArray(state.sent)) state.sent = [];
function save() { try { localStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (e) { /* private mode: this tab only */ } }

var audienceParam = params.get('audience');
var cityParam = (params.get('city') || '').toUpperCase();
if (state.profile) {
  if (audienceParam === 'guest' || audienceParam === 'driver') state.profile.audience = audienceParam;
  if (/^[A-Z]{3}$/.test(cityParam)) state.profile.city = cityParam;
}
save();

var history = { conversation: null, messages: [] };
var streamHadConversation = false;
var source = null;
var writingDuringSurvey = false;
var rating = ratingControl('rating');

function locale() {
  var language = (navigator.language || '').replace('_', '-');
  var parts = language.split('-');
  var code = parts[0] ? parts[0].toLowerCase() : '';
  var candidate = parts[1] && parts[1].length === 2 ? code + '-' + parts[1].toUpperCase() : code;
  return /^[a-z]{2,3}(-[A-Z]{2})?$/.test(candidate) ? candidate : undefined;
}

function call(method, path, body) {
  var options = { method: method, headers: { 'X-Chat-Token': state.token }, cache: 'no-store' };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  return fetch(API + path, options);
}

function showIntro() {
  byId('chat').hidden = true;
  byId('intro').hidden = false;
  var name = params.get('name');
  if (name) byId('intro-name').value = name;
  if (audienceParam === 'driver' || audienceParam === 'guest') {
    document.querySelector('input[name=audience][value=' + audienceParam + ']').checked = true;
  }
  byId('intro-name').focus();
}

byId('intro').addEventListener('submit', function (event) {
  event.preventDefault();
  var name = byId('intro-name').value.trim();
  var email = byId('intro-email').value.trim();
  if (!name) { byId('intro-error').textContent = 'Tell us your name'; return; }
  if (email && !/^[^\\s@]+@[^\\s@]+\\.[A-Za-z]{2,}$/.test(email)) {
    byId('intro-error').textContent = 'Use an email address such as ana@example.com';
    return;
  }
  var audience = document.querySelector('input[name=audience]:checked').value;
  state.profile = { audience: audience, name: name };
  if (email) state.profile.email = email;
  if (/^[A-Z]{3}$/.test(cityParam)) state.profile.city = cityParam;
  save();
  startChat();
});

function startChat() {
  byId('intro').hidden = true;
  byId('chat').hidden = false;
  render();
  refresh();
  connect();
  flush();
  byId('composer-text').focus();
}

function connect() {
  if (source) source.close();
  if (!window.EventSource) return;
  source = new EventSource(API + '/stream?token=' + encodeURIComponent(state.token));
  streamHadConversation = Boolean(history.conversation);
  source.onopen = function () { refresh(); };
  source.addEventListener('conversation', function () { refreshSoon(); });
}

var refreshTimer = null;
function refreshSoon() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(function () { refreshTimer = null; refresh(); }, 150);
}

var refreshing = null;
function refresh() {
  if (refreshing) { refreshing.again = true; return; }
  refreshing = { again: false };
  call('GET', '/history').then(function (response) {
    if (!response.ok) return;
    return response.json().then(function (body) {
      var before = history.messages.length;
      history = body;
      var known = {};
      history.messages.forEach(function (message) { known[message.id] = true; });
      state.sent = state.sent.filter(function (item) { return !known[item.messageId]; });
      save();
      var fresh = history.messages.slice(before).filter(function (message) { return message.direction === 'outbound'; });
      if (fresh.length > 0) byId('announce').textContent = 'New reply: ' + fresh[fresh.length - 1].body;
      render();
      maybeStartBot();
    });
  }).catch(function () { /* offline: the next event, poll or send refreshes */ }).then(function () {
    var again = refreshing && refreshing.again;
    refreshing = null;
    if (again) refresh();
  });
}

function bubble(text, mine, meta, extra) {
  var item = document.createElement('li');
  item.className = 'row' + (mine ? ' mine' : '');
  var message = document.createElement('article');
  message.className = 'bubble' + (mine ? ' mine' : '') + (extra ? ' ' + extra : '');
  var label = document.createElement('span');
  label.className = 'meta';
  label.textContent = meta;
  message.appendChild(label);
  message.appendChild(document.createTextNode(text));
  item.appendChild(message);
  return item;
}

function timeOf(iso) {
  try { return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }); } catch (e) { return ''; }
}

function render() {
  var list = byId('messages');
  var items = [];
  var bot = state.bot;
  if (bot) {
    bot.transcript.forEach(function (line) {
      var mine = line.from === 'contact';
      items.push(bubble(line.text, mine, mine ? 'You' : 'Assistant'));
    });
  }
  history.messages.forEach(function (message) {
    // The bot's summary of the visitor's answers: the transcript above already shows them.
    if (bot && message.id === bot.handoverMessageId) return;
    var mine = message.direction === 'inbound';
    var who = mine ? 'You' : message.authorType === 'bot' ? 'Automatic reply' : (message.authorName || 'Support');
    items.push(bubble(message.body, mine, who + ' · ' + timeOf(message.createdAt)));
  });
  state.sent.forEach(function (item) { items.push(bubble(item.text, true, 'You · sent')); });
  state.outbox.forEach(function (item) { items.push(bubble(item.text, true, 'You · sending…', 'pending')); });
  list.replaceChildren.apply(list, items);
  list.scrollTop = list.scrollHeight;

  var conversation = history.conversation;
  var status = '';
  var botHolds = botHoldsChat();
  if (botHolds) status = bot.notice || '';
  else if (!conversation && items.length === 0) status = 'Write your question below and we will answer here.';
  else if (conversation && (conversation.status === 'resolved' || conversation.status === 'closed')) {
    status = 'This conversation is resolved. Write again if you need more help.';
  }
  byId('status').textContent = status;

  var csat = conversation ? conversation.csat : { state: 'none' };
  var asking = csat.state === 'requested';
  byId('rating').hidden = !asking;
  byId('rating-thanks').hidden = csat.state !== 'rated';
  byId('composer').hidden = (asking && !writingDuringSurvey) || botHolds;
  renderBot();
}

byId('write-again').addEventListener('click', function () {
  writingDuringSurvey = true;
  render();
  byId('composer-text').focus();
});

rating.button.addEventListener('click', function () {
  var conversation = history.conversation;
  if (!conversation) return;
  if (!rating.value()) { rating.error('Choose from 1 to 5 stars'); return; }
  rating.error('');
  rating.button.disabled = true;
  var answer = { conversationId: conversation.id, rating: rating.value() };
  if (rating.comment()) answer.comment = rating.comment();
  call('POST', '/csat', answer).then(function (response) {
    return readAnswer(response).then(function (body) {
      if (response.ok || (body.error && body.error.code === 'already_rated')) {
        conversation.csat = { state: 'rated', rating: answer.rating };
        writingDuringSurvey = false;
        render();
        refresh();
      } else {
        rating.error(problemOf(body, 'Could not send your rating; try again'));
      }
    });
  }).catch(function () {
    rating.error('You seem to be offline; try again in a moment');
  }).then(function () { rating.button.disabled = false; });
});

byId('composer').addEventListener('submit', function (event) {
  event.preventDefault();
  var field = byId('composer-text');
  var text = field.value.trim();
  if (!text) { byId('composer-error').textContent = 'Write a message first'; return; }
  byId('composer-error').textContent = '';
  state.outbox.push({ id: uuid(), text: text });
  save();
  field.value = '';
  render();
  flush();
});

byId('composer-text').addEventListener('keydown', function (event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    byId('composer').requestSubmit();
  }
});

// Messages leave in order, one at a time. Each keeps its id across retries, so a send that
// timed out but was stored is not stored twice; the outbox survives a reload.
var flushing = false;
var retryDelay = 1000;
var retryTimer = null;
function retryLater() {
  if (retryTimer) return;
  retryTimer = setTimeout(function () { retryTimer = null; flush(); }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 30000);
}

function flush() {
  if (flushing || state.outbox.length === 0 || !state.profile) return;
  flushing = true;
  var item = state.outbox[0];
  var profile = state.profile;
  var body = { clientMessageId: item.id, audience: profile.audience, name: profile.name, text: item.text };
  if (profile.email) body.email = profile.email;
  if (profile.city) body.city = profile.city;
  var language = locale();
  if (language) body.locale = language;
  call('POST', '/messages', body).then(function (response) {
    return readAnswer(response).then(function (answer) {
      flushing = false;
      if (response.ok) {
        state.outbox.shift();
        state.sent.push({ messageId: answer.messageId, text: item.text });
        save();
        retryDelay = 1000;
        render();
        refresh();
        if (!streamHadConversation) {
          // The stream knew no conversation of ours when it opened: reopen it to hear this one.
          connect();
          streamHadConversation = true;
        }
        flush();
      } else if (response.status === 400 || response.status === 413) {
        // Will never be accepted as it is: give the text back to edit.
        state.outbox.shift();
        save();
        byId('composer-text').value = item.text;
        byId('composer-error').textContent = problemOf(answer, 'This message could not be sent');
        render();
        flush();
      } else {
        byId('composer-error').textContent = response.status === 429
          ? 'You are sending quickly; your message will go in a moment'
          : '';
        retryLater();
      }
    });
  }).catch(function () {
    flushing = false;
    retryLater();
  });
}

// The chat path's bot, when a lead has switched one on for the audience: it greets a visitor
// who has no conversation yet, and hands them to a person (a normal chat) or closes as solved.
// The server keeps no session: the inputs it accepted travel with every step (state.bot.history).
var FIELD_LABELS = { booking_reference: 'Booking reference', email: 'Email', phone: 'Phone number', free_text: 'Your answer' };
var FIELD_TYPES = { booking_reference: 'text', email: 'email', phone: 'tel', free_text: 'text' };
var FIELD_AUTOCOMPLETE = { booking_reference: 'off', email: 'email', phone: 'tel', free_text: 'off' };
var botChecked = false;
var botBusy = false;
var botOptionsKey = '';

function botHoldsChat() { return Boolean(state.bot) && state.bot.status !== 'handed_over'; }
function botError(text) {
  byId('bot-error').textContent = text || '';
  byId('bot-answer-text').setAttribute('aria-invalid', String(Boolean(text)));
}

function botRequest(input) {
  var profile = state.profile;
  var bot = state.bot;
  var body = {
    clientMessageId: bot ? bot.requestId : uuid(),
    audience: profile.audience,
    name: profile.name,
    history: bot ? bot.history : []
  };
  if (profile.email) body.email = profile.email;
  if (profile.city) body.city = profile.city;
  var language = locale();
  if (language) body.locale = language;
  if (input) body.input = input;
  return call('POST', '/bot', body).then(function (response) {
    return readAnswer(response).then(function (answer) { return { response: response, answer: answer }; });
  });
}

function visitorHasWritten() {
  return Boolean(history.conversation) || state.outbox.length > 0 || state.sent.length > 0;
}

function maybeStartBot() {
  if (botChecked || !state.profile) return;
  botChecked = true;
  if (state.bot && state.bot.status === 'active' && state.bot.audience !== state.profile.audience) {
    state.bot = null;
    save();
  }
  if (state.bot || visitorHasWritten()) return;
  startBot('');
}

function startBot(notice) {
  botBusy = true;
  botRequest(null).then(function (result) {
    botBusy = false;
    var answer = result.answer;
    // No path switched on (or no answer): the chat as it has always been.
    if (!result.response.ok || !answer.enabled || visitorHasWritten()) { render(); return; }
    state.bot = {
      audience: state.profile.audience,
      history: [],
      transcript: answer.transcript,
      status: answer.turn.status,
      expects: answer.turn.expects,
      requestId: uuid(),
      handoverMessageId: null,
      notice: notice
    };
    save();
    render();
    focusBot();
  }).catch(function () { botBusy = false; render(); });
}

function botSend(input) {
  var bot = state.bot;
  if (!bot || botBusy || bot.status !== 'active') return;
  botBusy = true;
  botError('');
  render();
  botRequest(input).then(function (result) {
    botBusy = false;
    var response = result.response;
    var answer = result.answer;
    if (response.status === 409) {
      state.bot = null;
      save();
      startBot(problemOf(answer, 'Our menu changed meanwhile, so we started again.'));
      return;
    }
    if (response.ok && !answer.enabled) {
      // Switched off meanwhile: the visitor writes to a person directly.
      state.bot = null;
      save();
      render();
      byId('composer-text').focus();
      return;
    }
    if (!response.ok) {
      botError(problemOf(answer, response.status === 429
        ? 'You are going quickly; try again in a moment'
        : 'Something went wrong; try again'));
      render();
      return;
    }
    if (answer.turn.error) {
      botError(answer.turn.error);
      render();
      focusBot();
      return;
    }
    bot.history.push(input);
    bot.transcript = answer.transcript;
    bot.status = answer.turn.status;
    bot.expects = answer.turn.expects;
    bot.requestId = uuid();
    bot.notice = '';
    if (answer.messageId) bot.handoverMessageId = answer.messageId;
    save();
    if (input.kind === 'answer') byId('bot-answer-text').value = '';
    byId('announce').textContent = answer.turn.bot.join(' ');
    render();
    if (bot.status === 'handed_over') {
      // The normal chat begins: hear the new conversation and show it.
      refresh();
      connect();
      streamHadConversation = true;
      byId('composer-text').focus();
    } else {
      focusBot();
    }
  }).catch(function () {
    botBusy = false;
    botError('You seem to be offline; try again in a moment');
    render();
  });
}

function focusBot() {
  var bot = state.bot;
  if (!bot) return;
  if (bot.status === 'solved') { byId('bot-restart').focus(); return; }
  var expects = bot.expects;
  if (!expects) return;
  if (expects.kind === 'choose') {
    var first = byId('bot-options').querySelector('button');
    if (first) first.focus();
  } else if (expects.kind === 'answer') byId('bot-answer-text').focus();
  else if (expects.kind === 'confirm') byId('bot-solved').focus();
}

function renderBot() {
  var bot = state.bot;
  var panel = byId('bot');
  panel.hidden = !botHoldsChat();
  if (panel.hidden) return;
  var active = bot.status === 'active';
  var expects = active ? bot.expects : null;
  var options = byId('bot-options');
  var key = JSON.stringify(expects);
  // Rebuilt only when the question changes, so a refresh never steals the visitor's focus.
  if (key !== botOptionsKey) {
    botOptionsKey = key;
    var buttons = [];
    if (expects && expects.kind === 'choose') {
      expects.options.forEach(function (label, index) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = label;
        button.addEventListener('click', function () { botSend({ kind: 'choose', optionIndex: index }); });
        buttons.push(button);
      });
    }
    options.replaceChildren.apply(options, buttons);
    if (expects && expects.kind === 'answer') {
      var field = byId('bot-answer-text');
      byId('bot-answer-label').textContent = FIELD_LABELS[expects.field] || 'Your answer';
      field.type = FIELD_TYPES[expects.field] || 'text';
      field.setAttribute('autocomplete', FIELD_AUTOCOMPLETE[expects.field] || 'off');
    }
  }
  options.hidden = !(expects && expects.kind === 'choose');
  byId('bot-answer').hidden = !(expects && expects.kind === 'answer');
  byId('bot-confirm').hidden = !(expects && expects.kind === 'confirm');
  byId('bot-person').hidden = !active;
  byId('bot-restart').hidden = bot.status !== 'solved';
  Array.prototype.forEach.call(panel.querySelectorAll('button, input'), function (control) {
    control.disabled = botBusy;
  });
}

byId('bot-answer').addEventListener('submit', function (event) {
  event.preventDefault();
  botSend({ kind: 'answer', text: byId('bot-answer-text').value });
});
byId('bot-solved').addEventListener('click', function () { botSend({ kind: 'confirm', solved: true }); });
byId('bot-not-solved').addEventListener('click', function () { botSend({ kind: 'confirm', solved: false }); });
byId('bot-person').addEventListener('click', function () { botSend({ kind: 'talk_to_person' }); });
byId('bot-restart').addEventListener('click', function () {
  state.bot = null;
  botError('');
  save();
  render();
  startBot('');
});

window.addEventListener('online', function () { retryDelay = 1000; flush(); refresh(); });
setInterval(function () { if (!document.hidden && state.profile) refresh(); }, 30000);

if (state.profile) startChat(); else showIntro();
})();
`;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ??
      character,
  );
}

export type SurveyView =
  | { kind: 'ask'; token: string; number: number }
  | { kind: 'rated'; number: number; rating: number }
  | { kind: 'reopened'; number: number }
  | { kind: 'invalid' };

/** The survey page behind `/survey/<token>`, in whichever state the survey is. */
export function surveyHtml(view: SurveyView): string {
  const heading =
    view.kind === 'invalid' ? 'Survey not found' : `How did we do on conversation #${view.number}?`;
  let body: string;
  switch (view.kind) {
    case 'ask':
      body = `<form id="survey" class="survey card" data-token="${escapeHtml(view.token)}" novalidate>
      ${ratingForm('survey')}
    </form>
    <p id="survey-thanks" class="thanks" hidden>Thank you for your rating!</p>`;
      break;
    case 'rated':
      body = `<p class="thanks">Thank you for your rating! You gave us ${view.rating} out of 5.</p>`;
      break;
    case 'reopened':
      body =
        '<p>This conversation is open again, so there is nothing to rate yet. We will ask when it is resolved.</p>';
      break;
    default:
      body =
        '<p>This survey link is not valid. It may have been mistyped or belong to another conversation.</p>';
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(heading)} — Switchboard</title>
<link rel="stylesheet" href="/chat/widget.css">
${view.kind === 'ask' ? '<script src="/survey/survey.js" defer></script>' : ''}
</head>
<body>
<main>
  <header><h1>${escapeHtml(heading)}</h1></header>
  ${body}
</main>
</body>
</html>
`;
}

export const SURVEY_JS = `(function () {
'use strict';
${RATING_SCRIPT}
var form = document.getElementById('survey');
if (!form) return;
var rating = ratingControl('survey');
form.addEventListener('submit', function (event) { event.preventDefault(); });
rating.button.addEventListener('click', function () {
  if (!rating.value()) { rating.error('Choose from 1 to 5 stars'); return; }
  rating.error('');
  rating.button.disabled = true;
  var answer = { rating: rating.value() };
  if (rating.comment()) answer.comment = rating.comment();
  fetch('/survey/' + encodeURIComponent(form.getAttribute('data-token')), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(answer)
  }).then(function (response) {
    return readAnswer(response).then(function (body) {
      if (response.ok || (body.error && body.error.code === 'already_rated')) {
        form.hidden = true;
        document.getElementById('survey-thanks').hidden = false;
      } else {
        rating.error(problemOf(body, 'Could not send your rating; try again'));
      }
    });
  }).catch(function () {
    rating.error('You seem to be offline; try again in a moment');
  }).then(function () { rating.button.disabled = false; });
});
})();
`;
