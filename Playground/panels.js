// panels.js — the page's furniture: the Variables / Headers tabs and their
// collapse button, the docs and history drawers (one open at a time), the
// colour theme, the token field's show / hide, and copying the result. No
// GraphQL here: app.js wires these to the editor and the transport.

const $ = (id) => document.getElementById(id);
const THEMES = ['auto', 'light', 'dark'];
const THEME_TITLES = { auto: 'Theme: follow the system', light: 'Theme: light', dark: 'Theme: dark' };

export function setupPanels({ store, onDrawer = () => {} }) {
  // ---- tabs ----------------------------------------------------------------
  const tabs = [...document.querySelectorAll('.tabs [role="tab"]')];
  const showTab = (name, focus = false) => {
    for (const tab of tabs) {
      const on = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !on;
      if (on && focus) tab.focus();
    }
    store.set('tab', name);
    setCollapsed(false);
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => showTab(tab.dataset.tab));
    // The WAI-ARIA tabs pattern: arrows move between tabs.
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const i = (tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length;
      showTab(tabs[i].dataset.tab, true);
    });
  }
  const toolsToggle = $('tools-toggle');
  const setCollapsed = (collapsed) => {
    $('tools').classList.toggle('collapsed', collapsed);
    toolsToggle.setAttribute('aria-expanded', String(!collapsed));
    store.set('tools-collapsed', collapsed ? '1' : '');
  };
  toolsToggle.addEventListener('click', () => setCollapsed(!$('tools').classList.contains('collapsed')));
  showTab(store.get('tab') === 'headers' ? 'headers' : 'variables');
  setCollapsed(store.get('tools-collapsed') === '1');

  // ---- drawers -------------------------------------------------------------
  const drawers = { docs: $('docs-toggle'), history: $('history-toggle') };
  const openDrawer = (name) => {
    for (const [key, button] of Object.entries(drawers)) {
      const open = key === name;
      $(key).hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      button.classList.toggle('active', open);
    }
    $('workspace').classList.toggle('with-drawer', !!name);
    store.set('drawer', name || '');
    if (name) onDrawer(name);
  };
  for (const [key, button] of Object.entries(drawers)) {
    button.addEventListener('click', () => openDrawer($(key).hidden ? key : null));
  }

  // ---- theme ---------------------------------------------------------------
  const themeButton = $('theme-toggle');
  const applyTheme = (theme) => {
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    themeButton.title = THEME_TITLES[theme];
    themeButton.dataset.theme = theme;
    store.set('theme', theme);
  };
  themeButton.addEventListener('click', () => {
    applyTheme(THEMES[(THEMES.indexOf(themeButton.dataset.theme) + 1) % THEMES.length]);
  });
  applyTheme(THEMES.includes(store.get('theme')) ? store.get('theme') : 'auto');

  // ---- token ---------------------------------------------------------------
  const tokenToggle = $('token-toggle');
  tokenToggle.addEventListener('click', () => {
    const input = $('token-input');
    const show = input.type === 'password';
    input.type = show ? 'text' : 'password';
    tokenToggle.setAttribute('aria-pressed', String(show));
    tokenToggle.setAttribute('aria-label', show ? 'Hide the token' : 'Show the token');
  });

  // ---- copy ----------------------------------------------------------------
  $('copy-result').addEventListener('click', async () => {
    const button = $('copy-result');
    const text = resultText();
    let ok = false;
    try { await navigator.clipboard.writeText(text); ok = true; } catch {
      // The async clipboard needs a secure context (https or localhost).
      const range = document.createRange();
      range.selectNodeContents($('result'));
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      try { ok = document.execCommand('copy'); } catch { ok = false; }
      selection.removeAllRanges();
    }
    button.textContent = ok ? 'Copied' : 'Copy failed';
    setTimeout(() => { button.textContent = 'Copy'; }, 1500);
  });

  return { openDrawer, showTab, setCollapsed, restoreDrawer: () => openDrawer(store.get('drawer') || null) };
}

// The result as text: the JSON of a response, or every event of a subscription.
function resultText() {
  const blocks = [...$('result').querySelectorAll('pre.json, pre.raw')];
  if (blocks.length) return blocks.map((b) => b.textContent).join('\n\n');
  return $('result').innerText;
}

// A key-value store over Web Storage, namespaced; values are strings.
export function namespaced(storage, prefix = 'graphql-playground:') {
  return {
    get: (key) => { try { return storage.getItem(prefix + key); } catch { return null; } },
    set: (key, value) => {
      try {
        if (value === '' || value == null) storage.removeItem(prefix + key);
        else storage.setItem(prefix + key, String(value));
      } catch { /* full or unavailable: the page still works */ }
    },
  };
}
