// Browse: the whole catalog, server-paged through GET /api/v1/models. The page's query string uses the
// API's own parameter names, so a shared URL (/?q=gpt&provider=openai&sort=input_price) is the query.
// Rows come as fields=summary: only what the table shows (the full models carry provenance, ten times the bytes).
// The first page's request is already on its way (first.js, started by index.html): load() takes its answer.
import { api, esc, price, tokens, text, showError } from './api.js';
import { PAGE, FILTERS, browseUrl, takeEarly } from './first.js';

const MODALITIES = ['text', 'image', 'audio', 'video', 'pdf', 'embedding'];
const FEATURES = ['tool_calls', 'reasoning', 'structured_outputs', 'attachments', 'web_search', 'streaming', 'tool_choice', 'temperature'];
const STATUSES = ['active', 'beta', 'preview', 'deprecated', 'retired', 'unknown'];
const CONTEXTS = [[8000, '8K'], [32000, '32K'], [128000, '128K'], [200000, '200K'], [1000000, '1M']];
// Every column sorts by an API sort key.
const COLUMNS = [
  { key: 'name', label: 'Model' },
  { key: 'id', label: 'Provider' },
  { key: 'context', label: 'Context', num: true },
  { key: 'input_price', label: 'Input $/1M', num: true },
  { key: 'output_price', label: 'Output $/1M', num: true },
  { key: 'release_date', label: 'Released', phone: false },
  { key: 'knowledge_cutoff', label: 'Knowledge', phone: false },
];

function options(values, selected, any) {
  return `<option value="">${esc(any)}</option>` + values.map(([value, label]) =>
    `<option value="${esc(value)}"${String(value) === selected ? ' selected' : ''}>${esc(label)}</option>`).join('');
}
const pairs = values => values.map(v => [v, v.replace(/_/g, ' ')]);

export async function renderBrowse(main) {
  let state = new URLSearchParams(location.search);
  const get = name => state.get(name) ?? '';
  main.innerHTML = `
    <h1 tabindex="-1">Models</h1>
    <form role="search" aria-label="Filter models">
      <div class="filters"><div class="wide"><label for="f-q">Search</label><input id="f-q" name="q" type="search" value="${esc(get('q'))}" placeholder="name, ID, author, family" autocomplete="off"></div></div>
      <details class="more" id="more-filters"><summary>Filters</summary><div class="filters">
      <div><label for="f-provider">Provider</label><select id="f-provider" name="provider">${options([[get('provider'), get('provider')]].filter(p => p[0]), get('provider'), 'All providers')}</select></div>
      <div><label for="f-author">Author</label><select id="f-author" name="author">${options([[get('author'), get('author')]].filter(p => p[0]), get('author'), 'All authors')}</select></div>
      <div><label for="f-min">Input modality</label><select id="f-min" name="modality_input">${options(pairs(MODALITIES), get('modality_input'), 'Any')}</select></div>
      <div><label for="f-mout">Output modality</label><select id="f-mout" name="modality_output">${options(pairs(MODALITIES), get('modality_output'), 'Any')}</select></div>
      <div><label for="f-feature">Feature</label><select id="f-feature" name="feature">${options(pairs(FEATURES), get('feature'), 'Any')}</select></div>
      <div><label for="f-context">Context at least</label><select id="f-context" name="min_context">${options(CONTEXTS, get('min_context'), 'Any')}</select></div>
      <div><label for="f-price">Input price at most ($/1M)</label><input id="f-price" name="max_input_price" type="number" min="0" step="any" inputmode="decimal" value="${esc(get('max_input_price'))}"></div>
      <div><label for="f-oprice">Output price at most ($/1M)</label><input id="f-oprice" name="max_output_price" type="number" min="0" step="any" inputmode="decimal" value="${esc(get('max_output_price'))}"></div>
      <div><label for="f-status">Status</label><select id="f-status" name="status">${options(pairs(STATUSES), get('status'), 'Any')}</select></div>
      <div><label for="f-open">Open weights</label><select id="f-open" name="open_weights">${options([['true', 'Yes'], ['false', 'No']], get('open_weights'), 'Any')}</select></div>
      <div><label for="f-after">Released on or after</label><input id="f-after" name="released_after" type="date" value="${esc(get('released_after'))}"></div>
      <div><label for="f-before">Released on or before</label><input id="f-before" name="released_before" type="date" value="${esc(get('released_before'))}"></div>
      <div><button type="button" id="clear">Clear filters</button></div>
      </div></details>
    </form>
    <div class="bar">
      <p id="count" role="status" aria-live="polite" class="muted">Loading…</p>
      <a id="compare-link" href="?view=compare" aria-disabled="true">Compare selected (0)</a>
    </div>
    <div class="scroll" tabindex="0" role="region" aria-label="Models table">
      <table id="models">
        <caption class="visually-hidden">Models; the column buttons sort</caption>
        <thead><tr>${COLUMNS.map(c => `<th scope="col" data-key="${c.key}" class="${c.num ? 'num' : ''}${c.phone === false ? ' hide-phone' : ''}"><button type="button" class="sort">${esc(c.label)}</button></th>`).join('')}<th scope="col">Compare</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
    <nav class="bar" aria-label="Pages of results">
      <button type="button" id="prev">Previous page</button>
      <button type="button" id="next">Next page</button>
    </nav>`;

  const form = main.querySelector('form');
  // The filters stay open on a wide screen or when one is set; on a phone they fold away under the search box.
  main.querySelector('#more-filters').open = matchMedia('(min-width: 641px)').matches || FILTERS.some(f => !['q', 'sort', 'order', 'offset'].includes(f) && state.get(f));
  const tbody = main.querySelector('tbody');
  const count = main.querySelector('#count');
  const selected = new Set();
  let request = 0;

  async function load() {
    const mine = ++request;
    const url = browseUrl(state);
    for (const th of main.querySelectorAll('thead th[data-key]')) {
      const sorted = th.dataset.key === state.get('sort');
      if (sorted) th.setAttribute('aria-sort', state.get('order') === 'desc' ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    main.querySelector('#models').setAttribute('aria-busy', 'true');
    let page;
    try {
      page = (await api(url, {}, takeEarly(url))).body;
    } catch (error) {
      if (mine !== request) return;
      tbody.innerHTML = '';
      showError(count, error, 'Models');
      return;
    } finally {
      if (mine === request) main.querySelector('#models').removeAttribute('aria-busy');
    }
    if (mine !== request) return; // a newer query is on its way
    tbody.innerHTML = page.items.map(row).join('');
    const first = page.total === 0 ? 0 : page.offset + 1;
    const last = page.offset + page.items.length;
    count.textContent = page.total === 0 ? 'No model matches.' : `${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')} models`;
    main.querySelector('#prev').disabled = page.offset === 0;
    main.querySelector('#next').disabled = last >= page.total;
    for (const box of tbody.querySelectorAll('input[type=checkbox]')) box.checked = selected.has(box.value);
    if (!performance.getEntriesByName('starmap:first-rows').length) performance.mark('starmap:first-rows');
    document.body.dataset.generation = page.generation;
  }

  function row(m) {
    const id = `${m.provider_id}/${m.model_id}`;
    const authors = m.author_ids && m.author_ids.length ? m.author_ids.join(', ') : null;
    return `<tr data-model-id="${esc(id)}">
      <td><a href="?view=model&amp;id=${encodeURIComponent(id)}">${esc(m.name)}</a> ${m.status && m.status !== 'unknown' ? `<span class="badge ${esc(m.status)}">${esc(m.status)}</span>` : ''}<span class="sub">${esc(m.model_id)}${authors ? ' · by ' + esc(authors) : ''}</span></td>
      <td>${esc(m.provider_id)}</td>
      <td class="num">${tokens(m.context_window)}</td>
      <td class="num">${price(m.input_price)}</td>
      <td class="num">${price(m.output_price)}</td>
      <td class="hide-phone">${text(m.release_date)}</td>
      <td class="hide-phone">${text(m.knowledge_cutoff)}</td>
      <td><input type="checkbox" value="${esc(id)}" aria-label="Compare ${esc(m.name)} (${esc(id)})"></td>
    </tr>`;
  }

  function go(changes, push = true) {
    for (const [name, value] of Object.entries(changes)) {
      if (value === '' || value === null || value === undefined) state.delete(name); else state.set(name, value);
    }
    if (!('offset' in changes)) state.delete('offset');
    const search = state.toString();
    const url = search ? `?${search}` : location.pathname;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
    load();
  }

  let typing;
  form.addEventListener('input', event => {
    if (event.target.name !== 'q' && event.target.type !== 'number') return;
    clearTimeout(typing);
    typing = setTimeout(() => go({ [event.target.name]: event.target.value }, false), 250);
  });
  form.addEventListener('change', event => {
    if (event.target.name) { clearTimeout(typing); go({ [event.target.name]: event.target.value }); }
  });
  form.addEventListener('submit', event => event.preventDefault());
  main.querySelector('#clear').addEventListener('click', () => {
    for (const field of form.elements) if (field.name) field.value = '';
    state = new URLSearchParams();
    go({});
  });
  main.querySelector('thead').addEventListener('click', event => {
    const th = event.target.closest('th[data-key]');
    if (!th || !event.target.closest('button')) return;
    const key = th.dataset.key;
    const order = state.get('sort') === key && state.get('order') !== 'desc' ? 'desc' : '';
    go({ sort: key, order });
  });
  const offset = () => Number(state.get('offset') || 0);
  main.querySelector('#prev').addEventListener('click', () => go({ offset: Math.max(0, offset() - PAGE) || '' }));
  main.querySelector('#next').addEventListener('click', () => go({ offset: offset() + PAGE }));
  tbody.addEventListener('change', event => {
    const box = event.target;
    if (box.type !== 'checkbox') return;
    if (box.checked) {
      if (selected.size >= 4) { box.checked = false; count.textContent = 'Compare takes up to four models.'; return; }
      selected.add(box.value);
    } else selected.delete(box.value);
    const link = main.querySelector('#compare-link');
    link.textContent = `Compare selected (${selected.size})`;
    link.href = '?view=compare&' + [...selected].map(id => 'id=' + encodeURIComponent(id)).join('&');
    link.setAttribute('aria-disabled', selected.size < 2 ? 'true' : 'false');
  });
  window.addEventListener('popstate', () => {
    state = new URLSearchParams(location.search);
    for (const field of form.elements) if (field.name) field.value = state.get(field.name) ?? '';
    load();
  });

  await load();
  // Facet choices load once the first page is drawn: they never compete with it.
  await Promise.all([
    fill(form.querySelector('#f-provider'), 'api/v1/providers', p => [p.id, p.name ? `${p.name} (${p.id})` : p.id], get('provider')),
    fill(form.querySelector('#f-author'), 'api/v1/authors', a => [a.id, a.name ? `${a.name} (${a.id})` : a.id], get('author')),
  ]);
}

async function fill(select, path, pick, chosen) {
  try {
    const items = (await api(path)).body.items.map(pick);
    select.innerHTML = options(items, chosen, select.options[0].textContent);
  } catch { /* the select keeps its current choice; the table says what failed */ }
}

