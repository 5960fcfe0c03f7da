// The web catalog's entry: picks the page from ?view=, marks the navigation, listens for new generations.
import { renderBrowse } from './browse.js';
import { renderModel } from './model.js';
import { renderCompare } from './compare.js';
import { renderProviders } from './providers.js';
import { renderChanges } from './changes.js';
import { renderAdmin } from './admin.js';
import { esc } from './api.js';

const views = {
  browse: { title: 'Browse models', render: renderBrowse },
  model: { title: 'Model', render: renderModel },
  compare: { title: 'Compare models', render: renderCompare },
  providers: { title: 'Providers', render: renderProviders },
  changes: { title: 'Changes', render: renderChanges },
  admin: { title: 'Administration', render: renderAdmin },
};

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
const name = views[params.get('view')] ? params.get('view') : 'browse';
const view = views[name];
document.title = `${view.title} · Starmap`;
for (const link of document.querySelectorAll('nav a[data-view]')) {
  if (link.dataset.view === name || (name === 'model' && link.dataset.view === 'browse')) link.setAttribute('aria-current', 'page');
}
view.render(main, params).catch(error => {
  main.innerHTML = `<h1>${esc(view.title)}</h1><p class="error" role="alert">${esc(error.message)}</p>`;
});

// A banner when the catalog moves to a new generation (Server-Sent Events). The first event names the
// generation the page was loaded at; a later, higher one means the data on screen may be stale.
if ('EventSource' in window) {
  let seen = null;
  const stream = new EventSource('api/v1/updates/stream');
  stream.addEventListener('catalog.published', event => {
    let generation;
    try { generation = JSON.parse(event.data).generation; } catch { return; }
    document.body.dataset.streamGeneration = generation; // the newest generation the stream announced
    if (seen === null || generation <= seen) { seen = Math.max(seen ?? 0, generation); return; }
    seen = generation;
    const banner = document.getElementById('banner');
    banner.innerHTML = `<span>The catalog changed: generation ${esc(generation)} is available.</span> <button type="button">Reload</button>`;
    banner.querySelector('button').addEventListener('click', () => location.reload());
    banner.hidden = false;
  });
  window.addEventListener('pagehide', () => stream.close());
}
