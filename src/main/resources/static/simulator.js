// The chat simulator: sends what the user types or taps to /simulator/messages and renders LINE's message JSON
// (text, Flex bubbles and carousels, quick replies) readably. Buttons send their postback or message like LINE.
(() => {
  const talk = document.getElementById('talk');
  const quick = document.getElementById('quick');
  const input = document.getElementById('text');
  const menu = document.getElementById('menu');
  // The server gives this browser a simulator user of its own; its token goes with every call.
  let token = localStorage.getItem('shisaku-sim-token');

  async function call(path, payload) {
    if (!token) {
      const opened = await fetch('simulator/sessions', { method: 'POST' });
      const session = await opened.json();
      if (!opened.ok) throw new Error(session.detail || opened.statusText);
      token = session.token;
      localStorage.setItem('shisaku-sim-token', token);
    }
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Simulator-Token': token },
      body: JSON.stringify(payload || {})
    });
    if (response.status === 401) {
      token = null;
      localStorage.removeItem('shisaku-sim-token');
    }
    return response;
  }

  function add(role, node) {
    const item = document.createElement('li');
    item.className = 'msg ' + role;
    item.appendChild(node);
    talk.appendChild(item);
    item.scrollIntoView({ block: 'end' });
  }

  function textBubble(text) {
    const p = document.createElement('div');
    p.className = 'bubble-text';
    p.textContent = text;
    return p;
  }

  function act(action) {
    if (!action) return;
    if (action.type === 'postback') send({ postback: action.data }, action.displayText || action.label);
    else if (action.type === 'message') send({ text: action.text }, action.text);
    else if (action.type === 'uri') window.open(action.uri, '_blank', 'noopener');
  }

  // LINE's "flex" on a child of a box: 0 keeps its natural size, N shares the free space like CSS flex-grow.
  function sized(node, component) {
    if (typeof component.flex === 'number') node.style.flex = component.flex === 0 ? '0 0 auto' : component.flex + ' 1 0';
    if (component.gravity === 'center') node.style.alignSelf = 'center';
    return node;
  }

  function flex(component) {
    return sized(part(component), component);
  }

  function part(component) {
    switch (component.type) {
      case 'carousel': {
        const row = document.createElement('div');
        row.className = 'carousel';
        component.contents.forEach(b => row.appendChild(flex(b)));
        return row;
      }
      case 'bubble': {
        const card = document.createElement('div');
        card.className = 'flex-bubble';
        ['header', 'hero', 'body', 'footer'].forEach(part => component[part] && card.appendChild(flex(component[part])));
        return card;
      }
      case 'box': {
        const box = document.createElement('div');
        box.className = 'flex-box' + (component.layout === 'horizontal' ? ' horizontal' : '');
        (component.contents || []).forEach(c => box.appendChild(flex(c)));
        if (component.action) {
          box.classList.add('tappable');
          box.tabIndex = 0;
          box.setAttribute('role', 'button');
          box.addEventListener('click', () => act(component.action));
        }
        return box;
      }
      case 'text': {
        const p = document.createElement('p');
        p.className = 'flex-text size-' + (component.size || 'md') + (component.weight === 'bold' ? ' bold' : '');
        if (component.color) p.style.color = component.color;
        p.textContent = component.text;
        return p;
      }
      case 'button': {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'flex-button' + (component.style === 'primary' || component.style === 'secondary' ? ' ' + component.style : '');
        b.textContent = component.action.label;
        b.addEventListener('click', () => act(component.action));
        return b;
      }
      case 'separator': {
        const hr = document.createElement('hr');
        hr.className = 'flex-separator';
        return hr;
      }
      default: {
        const span = document.createElement('span');
        span.textContent = '';
        return span;
      }
    }
  }

  function render(message) {
    if (message.type === 'text') add('bot', textBubble(message.text));
    else if (message.type === 'flex') {
      const node = flex(message.contents);
      node.setAttribute('aria-label', message.altText);
      add('bot', node);
    } else add('bot', textBubble('（' + message.type + ' メッセージ）'));
  }

  function quickReplies(message) {
    quick.replaceChildren();
    const items = (message && message.quickReply && message.quickReply.items) || [];
    items.forEach(item => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = item.action.label;
      b.addEventListener('click', () => act(item.action));
      quick.appendChild(b);
    });
  }

  // What the bot sends at once: its messages, and the quick replies of the last one.
  function show(messages) {
    messages.forEach(render);
    quickReplies(messages[messages.length - 1]);
  }

  // The rich menu the server says this user sees (the staff menu once registered as staff), drawn like LINE's.
  function richMenu(shown) {
    if (!shown || shown.name === menu.dataset.menu) return;
    menu.dataset.menu = shown.name;
    menu.replaceChildren(...shown.buttons.map(button => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = button.label;
      b.dataset.say = button.text;
      return b;
    }));
  }
  menu.addEventListener('click', event => {
    const b = event.target.closest('button');
    if (b) send({ text: b.dataset.say }, b.dataset.say);
  });

  async function send(payload, shown) {
    if (shown) add('user', textBubble(shown));
    try {
      const response = await call('simulator/messages', payload);
      const body = await response.json();
      if (!response.ok) throw new Error(body.detail || response.statusText);
      show(body.messages);
      richMenu(body.menu);
    } catch (e) {
      const p = textBubble('送信できませんでした：' + e.message);
      p.classList.add('error');
      add('bot', p);
    }
  }

  // Notifications (rating changes, announcements) arrive like LINE's pushes: looked for every few seconds.
  async function poll() {
    try {
      if (!token) return;
      const response = await call('simulator/notifications');
      if (response.ok) {
        const body = await response.json();
        body.notifications.forEach(show);
        richMenu(body.menu);
      }
    } catch (e) {
      // the service is restarting: try again at the next poll
    }
  }
  setInterval(poll, 3000);

  document.getElementById('composer').addEventListener('submit', event => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({ text }, text);
  });

  if (!token) {
    send({ event: 'follow' });
  } else {
    add('bot', textBubble('おかえりなさい。質問をどうぞ。'));
  }
})();
