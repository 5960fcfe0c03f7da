// Compare: two to four offerings side by side; a row whose values differ is marked (colour and text).
import { api, esc, price, tokens, text, bool, list, status, splitId, modelPath, showError } from './api.js';

const MAX = 4;
const tok = item => (item.offering.pricing && item.offering.pricing.tokens) || {};
const feat = item => item.definition && item.definition.features ? item.definition.features : item.offering.features || {};
const meta = item => ({ ...((item.definition && item.definition.metadata) || {}), ...(item.offering.metadata || {}) });
// Each row: its label, the value compared (raw) and how it is shown.
const ROWS = [
  ['Provider', i => i.offering.provider_id, text],
  ['Authors', i => i.author_ids, list],
  ['Input $/1M', i => tok(i).input, price],
  ['Output $/1M', i => tok(i).output, price],
  ['Cache read $/1M', i => tok(i).cache_read, price],
  ['Context window', i => i.offering.limits && i.offering.limits.context_window, tokens],
  ['Output tokens', i => i.offering.limits && i.offering.limits.output_tokens, tokens],
  ['Released', i => meta(i).release_date, text],
  ['Knowledge cutoff', i => meta(i).knowledge_cutoff, text],
  ['Open weights', i => meta(i).open_weights, bool],
  ['Status', i => i.offering.lifecycle && i.offering.lifecycle.status, (_, i) => status(i.offering)],
  ['Input modalities', i => feat(i).input_modalities, list],
  ['Output modalities', i => feat(i).output_modalities, list],
];

export async function renderCompare(main, params) {
  const ids = [...new Set(params.getAll('id').filter(id => splitId(id)))].slice(0, MAX);
  main.innerHTML = `
    <h1 tabindex="-1">Compare models</h1>
    <form id="add" class="bar">
      <div><label for="add-id">Add a model (provider/model ID)</label><input id="add-id" name="id" placeholder="openai/gpt-4o" autocomplete="off" ${ids.length >= MAX ? 'disabled' : ''}></div>
      <button type="submit" ${ids.length >= MAX ? 'disabled' : ''}>Add</button>
      <span class="muted">Up to four; pick them on the Browse page or add them here.</span>
    </form>
    <div id="result"></div>`;
  main.querySelector('#add').addEventListener('submit', event => {
    event.preventDefault();
    const id = main.querySelector('#add-id').value.trim();
    if (!splitId(id)) { main.querySelector('#result').innerHTML = '<p class="error" role="alert">Give the model as provider/model ID, e.g. openai/gpt-4o.</p>'; return; }
    location.search = '?' + new URLSearchParams([['view', 'compare'], ...[...ids, id].map(i => ['id', i])]);
  });
  const result = main.querySelector('#result');
  if (ids.length < 2) {
    result.innerHTML = `<p class="notice">Choose at least two models to compare${ids.length ? ` (one chosen: ${esc(ids[0])})` : ''}.</p>`;
    if (!ids.length) return;
  }
  let items;
  try {
    items = await Promise.all(ids.map(id => api(modelPath(...splitId(id))).then(r => r.body)));
  } catch (error) { showError(result, error, 'A model'); return; }
  const flagNames = [...new Set(items.flatMap(i => Object.keys(feat(i).flags || {})))].sort();
  const rows = [...ROWS, ...flagNames.map(f => [f.replace(/_/g, ' '), i => (feat(i).flags || {})[f], bool])];
  const remove = id => '?' + new URLSearchParams([['view', 'compare'], ...ids.filter(i => i !== id).map(i => ['id', i])]);
  let differing = 0;
  const body = rows.map(([label, raw, show]) => {
    const values = items.map(i => JSON.stringify(raw(i) ?? null));
    const differs = new Set(values).size > 1;
    if (differs) differing++;
    return `<tr${differs ? ' class="differs"' : ''}><th scope="row">${esc(label)}${differs ? ' <span class="visually-hidden">(differs)</span>' : ''}</th>${items.map(i => `<td>${show(raw(i), i)}</td>`).join('')}</tr>`;
  }).join('');
  result.innerHTML = `
    <p class="muted" role="status">${differing} of ${rows.length} rows differ; they are highlighted.</p>
    <div class="scroll" tabindex="0" role="region" aria-label="Models side by side"><table id="compare">
      <thead><tr><th scope="col">Field</th>${items.map((i, n) => {
        const id = ids[n];
        const name = (i.definition && i.definition.name) || i.offering.name || i.offering.model_id;
        return `<th scope="col" data-model-id="${esc(id)}"><a href="?view=model&amp;id=${encodeURIComponent(id)}">${esc(name)}</a><span class="sub">${esc(id)}</span><a class="sub" href="${esc(remove(id))}" aria-label="Remove ${esc(id)} from the comparison">remove</a></th>`;
      }).join('')}</tr></thead>
      <tbody>${body}</tbody></table></div>`;
}
