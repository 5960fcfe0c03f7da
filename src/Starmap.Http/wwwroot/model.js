// One model: its definition, this provider's offering, every provider serving it, its price history
// (a chart) and its recent changes. History and changes come from routes a server may not have yet;
// their 404 "no such route" shows as "not available".
import { api, esc, price, tokens, text, bool, list, status, when, splitId, modelPath, showError, UNKNOWN } from './api.js';

export async function renderModel(main, params) {
  const id = params.get('id') || '';
  const parts = splitId(id);
  if (!parts) {
    main.innerHTML = `<h1 tabindex="-1">Model</h1><p class="error" role="alert">Name a model as ?view=model&amp;id=&lt;provider&gt;/&lt;model id&gt;.</p>`;
    return;
  }
  const [provider, model] = parts;
  let item;
  try {
    item = (await api(modelPath(provider, model))).body;
  } catch (error) {
    main.innerHTML = `<h1 tabindex="-1">${esc(id)}</h1><div id="err"></div>`;
    showError(main.querySelector('#err'), error, 'The model');
    return;
  }
  const o = item.offering;
  const d = item.definition || {};
  const name = d.name || o.name || o.model_id;
  document.title = `${name} (${provider}) · Starmap`;
  const t = (o.pricing && o.pricing.tokens) || {};
  const meta = { ...(d.metadata || {}), ...(o.metadata || {}) };
  const features = (d.features || o.features || {});
  const flags = Object.entries(features.flags || {}).filter(([, v]) => v === true).map(([k]) => k.replace(/_/g, ' '));
  main.innerHTML = `
    <h1 tabindex="-1">${esc(name)} <span class="muted">on ${esc(provider)}</span></h1>
    <p class="bar"><a href="?view=compare&amp;id=${encodeURIComponent(id)}">Compare with others</a></p>
    <section aria-labelledby="h-def"><h2 id="h-def">Definition</h2>
      <p>${d.description ? esc(d.description) : o.description ? esc(o.description) : UNKNOWN}</p>
      <dl class="facts" id="definition">
        <dt>Definition</dt><dd>${text(o.definition_id || d.id)}</dd>
        <dt>Authors</dt><dd>${list(item.author_ids)}</dd>
        <dt>Family</dt><dd>${text((d.lineage || o.lineage || {}).family)}</dd>
        <dt>Released</dt><dd>${text(meta.release_date)}</dd>
        <dt>Knowledge cutoff</dt><dd>${text(meta.knowledge_cutoff)}</dd>
        <dt>Open weights</dt><dd>${bool(meta.open_weights)}</dd>
        <dt>Input</dt><dd>${list(features.input_modalities)}</dd>
        <dt>Output</dt><dd>${list(features.output_modalities)}</dd>
        <dt>Features</dt><dd>${flags.length ? esc(flags.join(', ')) : UNKNOWN}</dd>
      </dl>
    </section>
    <section aria-labelledby="h-offer"><h2 id="h-offer">On ${esc(provider)}</h2>
      <dl class="facts" id="offering">
        <dt>Model ID</dt><dd><code>${esc(o.model_id)}</code></dd>
        <dt>Input $/1M</dt><dd data-field="input_price">${price(t.input)}</dd>
        <dt>Output $/1M</dt><dd data-field="output_price">${price(t.output)}</dd>
        <dt>Cache read $/1M</dt><dd>${price(t.cache_read)}</dd>
        <dt>Cache write $/1M</dt><dd>${price(t.cache_write)}</dd>
        <dt>Context window</dt><dd data-field="context">${tokens(o.limits && o.limits.context_window)}</dd>
        <dt>Output tokens</dt><dd>${tokens(o.limits && o.limits.output_tokens)}</dd>
        <dt>Status</dt><dd>${status(o)}</dd>
        <dt>Updated</dt><dd>${when(o.updated_at)}</dd>
      </dl>
    </section>
    <section aria-labelledby="h-serve"><h2 id="h-serve">Every provider serving it</h2><div id="serving"><p class="muted">Loading…</p></div></section>
    <section aria-labelledby="h-hist"><h2 id="h-hist">Price history</h2><div id="history"><p class="muted">Loading…</p></div></section>
    <section aria-labelledby="h-chg"><h2 id="h-chg">Recent changes</h2><div id="changes"><p class="muted">Loading…</p></div></section>`;

  await Promise.all([
    serving(main.querySelector('#serving'), o.definition_id || d.id, id),
    history(main.querySelector('#history'), provider, model),
    changes(main.querySelector('#changes'), provider, model),
  ]);
}

async function serving(element, definition, current) {
  const parts = splitId(definition);
  if (!parts) { element.innerHTML = `<p class="notice">This model is linked to no definition, so only ${esc(current)} is known to serve it.</p>`; return; }
  try {
    const data = (await api(`api/v1/models/${encodeURIComponent(parts[0])}/${encodeURIComponent(parts[1])}/endpoints`)).body.data;
    // OpenRouter's shape: prices per token as strings; shown per million tokens like every other price.
    const perMillion = v => (v === undefined || v === null ? null : Number(v) * 1e6);
    element.innerHTML = `<div class="scroll" tabindex="0" role="region" aria-label="Providers serving ${esc(definition)}"><table id="providers-serving">
      <thead><tr><th scope="col">Provider</th><th scope="col">Model ID</th><th scope="col" class="num">Input $/1M</th><th scope="col" class="num">Output $/1M</th><th scope="col" class="num">Context</th><th scope="col" class="num">Max output</th><th scope="col">Status</th></tr></thead>
      <tbody>${data.endpoints.map(e => {
        const id = `${e.tag}/${e.model_id}`;
        return `<tr data-model-id="${esc(id)}"${id === current ? ' aria-current="true"' : ''}>
          <td><a href="?view=model&amp;id=${encodeURIComponent(id)}">${esc(e.provider_name || e.tag)}</a></td><td><code>${esc(e.model_id)}</code></td>
          <td class="num">${price(perMillion(e.pricing && e.pricing.prompt))}</td><td class="num">${price(perMillion(e.pricing && e.pricing.completion))}</td>
          <td class="num">${tokens(e.context_length)}</td><td class="num">${tokens(e.max_completion_tokens)}</td>
          <td>${e.lifecycle ? `<span class="badge ${esc(e.lifecycle)}">${esc(e.lifecycle)}</span>` : UNKNOWN}</td></tr>`;
      }).join('')}</tbody></table></div>`;
  } catch (error) { showError(element, error, 'The list of providers'); }
}

async function history(element, provider, model) {
  try {
    const items = (await api(`api/v1/providers/${encodeURIComponent(provider)}/models/${encodeURIComponent(model)}/price-history`)).body.items || [];
    if (!items.length) { element.innerHTML = '<p class="muted">No price is recorded yet.</p>'; return; }
    element.innerHTML = chart(items) + `<details><summary>Prices as a table</summary><div class="scroll" tabindex="0" role="region" aria-label="Price history table"><table id="price-history">
      <thead><tr><th scope="col">When</th><th scope="col">Generation</th><th scope="col" class="num">Input $/1M</th><th scope="col" class="num">Output $/1M</th><th scope="col">Source</th></tr></thead>
      <tbody>${items.map(i => { const t = (i.pricing && i.pricing.tokens) || {}; return `<tr><td>${when(i.at)}</td><td>${esc(i.generation)}</td><td class="num">${price(t.input)}</td><td class="num">${price(t.output)}</td><td>${text(i.source || i.origin)}</td></tr>`; }).join('')}</tbody></table></div></details>`;
  } catch (error) { showError(element, error, 'Price history'); }
}

/** A step chart of input and output price over time, as inline SVG (no chart library). */
export function chart(items) {
  const points = items.map(i => ({ at: new Date(i.at).getTime(), t: (i.pricing && i.pricing.tokens) || {} })).filter(p => !isNaN(p.at)).sort((a, b) => a.at - b.at);
  const values = points.flatMap(p => [p.t.input, p.t.output]).filter(v => v !== undefined && v !== null).map(Number);
  if (!points.length || !values.length) return '<p class="muted">No known price to chart.</p>';
  const W = 720, H = 240, L = 60, R = 12, T = 12, B = 28;
  const t0 = points[0].at, t1 = Math.max(Date.now(), points[points.length - 1].at), span = Math.max(1, t1 - t0);
  const top = Math.max(...values) * 1.1 || 1;
  const x = at => L + (at - t0) / span * (W - L - R);
  const y = v => T + (1 - v / top) * (H - T - B);
  const line = key => {
    let d = '', last = null;
    for (const p of points) {
      const v = p.t[key];
      if (v === undefined || v === null) { last = null; continue; }
      d += last === null ? `M${x(p.at).toFixed(1)},${y(v).toFixed(1)}` : `H${x(p.at).toFixed(1)}V${y(v).toFixed(1)}`;
      last = v;
    }
    return d && last !== null ? d + `H${x(t1).toFixed(1)}` : d;
  };
  const day = ms => new Date(ms).toISOString().slice(0, 10);
  // One marker per recorded price, carrying its time and value (and a tooltip naming them).
  const dots = (key, label) => points.filter(p => p.t[key] !== undefined && p.t[key] !== null).map(p =>
    `<circle class="point ${key}" r="3" cx="${x(p.at).toFixed(1)}" cy="${y(p.t[key]).toFixed(1)}" data-at="${new Date(p.at).toISOString()}" data-price="${Number(p.t[key])}"><title>${label} $${Number(p.t[key])} from ${day(p.at)}</title></circle>`).join('');
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Input and output price per million tokens from ${day(t0)} to ${day(t1)}">
    <line class="axis" x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}"/><line class="axis" x1="${L}" y1="${T}" x2="${L}" y2="${H - B}"/>
    <text x="${L - 6}" y="${T + 4}" text-anchor="end">$${top.toPrecision(3)}</text><text x="${L - 6}" y="${H - B}" text-anchor="end">$0</text>
    <text x="${L}" y="${H - 8}">${day(t0)}</text><text x="${W - R}" y="${H - 8}" text-anchor="end">${day(t1)}</text>
    <path class="input" fill="none" stroke-width="2" d="${line('input')}"/><path class="output" fill="none" stroke-width="2" stroke-dasharray="6 3" d="${line('output')}"/>
    ${dots('input', 'Input')}${dots('output', 'Output')}
  </svg><figcaption class="legend"><span><span class="swatch input"></span>Input</span><span><span class="swatch output"></span>Output (dashed)</span></figcaption></figure>`;
}

// The 20 newest changes, newest first (order=desc): a model with a long history shows what changed lately.
async function changes(element, provider, model) {
  try {
    const body = (await api(`api/v1/changes?provider=${encodeURIComponent(provider)}&model=${encodeURIComponent(model)}&limit=20&order=desc`)).body;
    element.innerHTML = changeTable(body.items || [], 'Recent changes of this model');
  } catch (error) { showError(element, error, 'The change log'); }
}

/** The change log as a table (shared with the Changes page). */
export function changeTable(items, label) {
  if (!items.length) return '<p class="muted">No change is recorded.</p>';
  const value = v => v === undefined || v === null ? '<span class="unknown">none</span>' : `<code>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</code>`;
  return `<div class="scroll" tabindex="0" role="region" aria-label="${esc(label)}"><table class="changes">
    <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Field</th><th scope="col">Old</th><th scope="col">New</th><th scope="col">Source</th></tr></thead>
    <tbody>${items.map(c => `<tr><td>${when(c.at)}<span class="sub">generation ${esc(c.generation)}</span></td>
      <td>${esc(c.kind)}<span class="sub">${esc(c.entity)} ${esc(c.entity_id || '')}${c.model_id ? ' / ' + esc(c.model_id) : ''}</span></td>
      <td><code>${esc(c.path || '')}</code></td><td>${value(c.old)}</td><td>${value(c.new)}</td><td>${text(c.source || c.origin)}</td></tr>`).join('')}</tbody></table></div>`;
}
