// The web catalog's entry: picks the page from ?view=, marks the navigation, listens for new generations.
// Only the page shown is loaded (the browse page's modules are preloaded by index.html), so the first
// page of the catalog waits for no other page's script.
import { apiKey, setApiKey, esc } from './api.js';
// Starts the browse page's first request before this module runs (index.html also loads it async, so the
// request can leave even earlier; it is one module and one request either way).
import './first.js';

const views = {
  browse: { title: 'Browse models', load: () => import('./browse.js').then(m => m.renderBrowse) },
  model: { title: 'Model', load: () => import('./model.js').then(m => m.renderModel) },
  compare: { title: 'Compare models', load: () => import('./compare.js').then(m => m.renderCompare) },
  providers: { title: 'Providers', load: () => import('./providers.js').then(m => m.renderProviders) },
  changes: { title: 'Changes', load: () => import('./changes.js').then(m => m.renderChanges) },
  admin: { title: 'Administration', load: () => import('./admin.js').then(m => m.renderAdmin) },
};

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
const name = views[params.get('view')] ? params.get('view') : 'browse';
const view = views[name];
document.title = `${view.title} · Starmap`;
for (const link of document.querySelectorAll('nav a[data-view]')) {
  if (link.dataset.view === name || (name === 'model' && link.dataset.view === 'browse')) link.setAttribute('aria-current', 'page');
}

function render() {
  performance.mark('starmap:view'); // when the page's own script starts (FirstRenderTests reports it)
  view.load().then(renderView => renderView(main, params)).catch(error => {
    main.innerHTML = `<h1>${esc(view.title)}</h1><p class="error" role="alert">${esc(error.message)}</p>`;
  });
}
render();

// A silo with Starmap:Http:RequireKeyForReads serves the page shell to anyone (it holds no data) but every
// read only with the key: the first refused read puts the key entry in place of the page, which is drawn
// again once a key is entered. A refused key is forgotten and asked for again.
let asking = false;
document.addEventListener('starmap:key-needed', event => {
  if (asking) return;
  asking = true;
  if (event.detail.refused) setApiKey(null);
  import('./key.js').then(({ renderKeyForm }) => renderKeyForm(main, `<h1 tabindex="-1">API key needed</h1>
    <p>This silo shows its catalog only to callers with its API key. Enter it to read; it is kept for this tab only and sent only to this server.</p>
    ${event.detail.refused ? '<p class="error" role="alert">The API key was refused. Enter the right one.</p>' : ''}`,
  () => { asking = false; render(); listen(); }, true));
});

// A banner when the catalog moves to a new generation (Server-Sent Events). The first event names the
// generation the page was loaded at; a later, higher one means the data on screen may be stale.
let seen = null;
function published(data) {
  let generation;
  try { generation = JSON.parse(data).generation; } catch { return; }
  document.body.dataset.streamGeneration = generation; // the newest generation the stream announced
  if (seen === null || generation <= seen) { seen = Math.max(seen ?? 0, generation); return; }
  seen = generation;
  const banner = document.getElementById('banner');
  banner.innerHTML = `<span>The catalog changed: generation ${esc(generation)} is available.</span> <button type="button">Reload</button>`;
  banner.querySelector('button').addEventListener('click', () => location.reload());
  banner.hidden = false;
}

let stop = () => {};
function listen() {
  stop();
  if (!apiKey()) {
    if (!('EventSource' in window)) return;
    const stream = new EventSource('api/v1/updates/stream');
    stream.addEventListener('catalog.published', event => published(event.data));
    stop = () => stream.close();
  } else {
    const controller = new AbortController();
    keyedStream(controller.signal);
    stop = () => controller.abort();
  }
}
window.addEventListener('pagehide', () => stop());
listen();

// EventSource cannot send a header, so with a key the stream is read with fetch (and reconnected after a
// drop, as EventSource would); a refused stream stops: the page's reads ask for the key.
async function keyedStream(signal) {
  while (!signal.aborted) {
    try {
      const response = await fetch('api/v1/updates/stream', { headers: { Accept: 'text/event-stream', 'X-Api-Key': apiKey() || '' }, signal });
      if (!response.ok) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer += chunk.value.replace(/\r\n?/g, '\n');
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const type = lines.find(l => l.startsWith('event:'))?.slice(6).trim();
          const data = lines.filter(l => l.startsWith('data:')).map(l => l.slice(5).replace(/^ /, '')).join('\n');
          if (type === 'catalog.published') published(data);
        }
      }
    } catch { /* dropped or aborted: the loop decides */ }
    if (!signal.aborted) await new Promise(resolve => setTimeout(resolve, 5000));
  }
}
