// Changes: the catalog's change log (GET /api/v1/changes, oldest first, paged). The page's query string,
// less view=, is passed to the API as it is, so the API's next page is followed whatever its cursor is.
import { api, esc, showError } from './api.js';
import { changeTable } from './model.js';

export async function renderChanges(main, params) {
  const provider = params.get('provider') || '';
  main.innerHTML = `<h1 tabindex="-1">Changes</h1>
    <form class="bar" id="filter"><input type="hidden" name="view" value="changes">
      <div><label for="c-provider">Provider ID</label><input id="c-provider" name="provider" value="${esc(provider)}" autocomplete="off"></div>
      <div><label for="c-model">Model ID</label><input id="c-model" name="model" value="${esc(params.get('model') || '')}" autocomplete="off"></div>
      <button type="submit">Show</button></form>
    <div id="log"><p class="muted">Loading…</p></div>`;
  const log = main.querySelector('#log');
  const query = new URLSearchParams(params);
  query.delete('view');
  for (const [name, value] of [...query]) if (!value) query.delete(name);
  if (!query.has('limit')) query.set('limit', '50');
  try {
    const body = (await api(`api/v1/changes?${query}`)).body;
    log.innerHTML = `<p class="muted">Catalog generation ${esc(body.generation)}.</p>${changeTable(body.items || [], 'Change log')}${nextLink(body.next, query)}`;
  } catch (error) { showError(log, error, 'The change log'); }
}

// The API's next is the position the next page starts after ("generation.sequence"): asked for as after=.
function nextLink(next, query) {
  if (next === undefined || next === null || next === '') return '';
  const page = new URLSearchParams(query);
  page.set('after', String(next));
  page.set('view', 'changes');
  return `<p><a href="?${esc(page.toString())}">Next page</a></p>`;
}
