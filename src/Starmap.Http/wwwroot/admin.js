// Administration: sync now and dry run, offered only once the user has entered the API key. The key
// stays in this tab's sessionStorage and goes only to this origin, in the X-Api-Key header.
import { api, apiKey, setApiKey, esc, text, showError } from './api.js';
import { renderKeyForm } from './key.js';

export async function renderAdmin(main) {
  if (!apiKey()) {
    renderKeyForm(main, `<h1 tabindex="-1">Administration</h1>
      <p>Syncing changes the catalog, so it needs the silo's API key (<code>STARMAP_API_KEY</code>). The key is kept for this tab only and sent only to this server.</p>`,
      () => renderAdmin(main).then(() => main.querySelector('#sync-provider')?.focus()));
    return;
  }
  main.innerHTML = `<h1 tabindex="-1">Administration</h1>
    <p class="bar"><span>An API key is set for this tab.</span> <button type="button" id="forget">Forget the key</button></p>
    <form id="sync-form" class="bar">
      <div><label for="sync-provider">Provider</label><select id="sync-provider" name="provider" required><option value="">Loading providers…</option></select></div>
      <button type="submit" name="dry" value="true" id="dry-run">Dry run</button>
      <button type="submit" name="dry" value="false" id="sync-now" class="primary">Sync now</button>
    </form>
    <div id="sync-result" aria-live="polite"></div>`;
  main.querySelector('#forget').addEventListener('click', () => { setApiKey(null); renderAdmin(main); });
  const select = main.querySelector('#sync-provider');
  const result = main.querySelector('#sync-result');
  try {
    const providers = (await api('api/v1/providers')).body.items;
    select.innerHTML = '<option value="">Choose a provider</option>' + providers.map(p => `<option value="${esc(p.id)}">${esc(p.name)} (${esc(p.id)})</option>`).join('');
  } catch (error) { showError(result, error, 'The providers'); }
  main.querySelector('#sync-form').addEventListener('submit', async event => {
    event.preventDefault();
    const dry = event.submitter ? event.submitter.value === 'true' : true;
    const provider = select.value;
    if (!provider) { result.innerHTML = '<p class="error" role="alert">Choose a provider first.</p>'; select.focus(); return; }
    const buttons = main.querySelectorAll('#sync-form button');
    buttons.forEach(b => { b.disabled = true; });
    result.innerHTML = `<p role="status">${dry ? 'Dry run' : 'Sync'} of ${esc(provider)} running…</p>`;
    try {
      const answer = await api(`api/v1/providers/${encodeURIComponent(provider)}/sync?dry_run=${dry}`, { method: 'POST' });
      const outcome = answer.status === 202 ? await poll(answer.headers.get('Location')) : answer.body;
      result.innerHTML = report(outcome);
    } catch (error) {
      result.innerHTML = error.status === 401
        ? '<p class="error" role="alert">The API key was refused. Forget it and enter the right one.</p>'
        : `<p class="error" role="alert">${esc(error.message)}</p>`;
    } finally {
      buttons.forEach(b => { b.disabled = false; });
    }
  });
}

// A sync that outlasts the server's wait answers 202 with a run to poll.
async function poll(location) {
  const path = location.replace(/^\//, '');
  for (let i = 0; i < 300; i++) {
    const run = (await api(path)).body;
    if (run.state === 'completed' && run.result) return run.result;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error('the sync is still running after 5 minutes; see the Providers page later');
}

function report(r) {
  const c = r.changes || {};
  const groups = [['Added offerings', c.added_offerings], ['Updated offerings', c.updated_offerings], ['Removed offerings', c.removed_offerings],
    ['Added definitions', c.added_definitions], ['Updated definitions', c.updated_definitions]];
  const rows = groups.flatMap(([kind, list]) => (list || []).flatMap(e => (e.fields && e.fields.length ? e.fields : [{}]).map(f =>
    `<tr><td>${esc(kind)}</td><td><code>${esc(e.id)}</code></td><td><code>${esc(f.path || '')}</code></td><td>${text(f.old)}</td><td>${text(f.new)}</td></tr>`)));
  return `<section aria-labelledby="h-result"><h2 id="h-result" tabindex="-1">${r.dry_run ? 'Dry run' : 'Sync'} of ${esc(r.provider_id)}: ${esc(r.status)}</h2>
    ${r.reason ? `<p>${esc(r.reason)}</p>` : ''}
    ${(r.warnings || []).length ? `<ul>${r.warnings.map(w => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}
    ${rows.length ? `<div class="scroll" tabindex="0" role="region" aria-label="Changeset"><table id="changeset"><thead><tr><th scope="col">Change</th><th scope="col">ID</th><th scope="col">Field</th><th scope="col">Old</th><th scope="col">New</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
      : '<p id="changeset-empty">The changeset is empty.</p>'}
    ${r.dry_run ? '<p class="muted">A dry run: nothing was written.</p>' : ''}</section>`;
}
