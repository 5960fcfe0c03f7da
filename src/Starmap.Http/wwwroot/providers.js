// Providers: model count, key variable names (never a key), last sync and the next scheduled one (when the
// schedule's reminder next fires, as the silo reads it from its reminder table).
import { api, esc, when, showError, UNKNOWN } from './api.js';

export async function renderProviders(main) {
  main.innerHTML = '<h1 tabindex="-1">Providers</h1><div id="list"><p class="muted">Loading…</p></div>';
  const list = main.querySelector('#list');
  let body;
  try { body = (await api('api/v1/overview/providers')).body; } catch (error) { showError(list, error, 'The provider overview'); return; }
  const interval = v => v ? `every ${esc(v)}` : 'not scheduled';
  // Failed or rejected is bad; a sync that went on without a failed source (its reason says which) is a warning,
  // never the green of a whole one.
  const failedSource = s => (s.sources || []).some(x => x.status === 'failed');
  const tone = s => ['failed', 'rejected'].includes(s.status) ? 'bad' : failedSource(s) ? 'warn' : 'ok';
  const last = s => s ? `<span class="${tone(s)}">${esc(s.status)}${failedSource(s) && tone(s) === 'warn' ? ' (a source failed)' : ''}</span> ${when(s.started_at)}${s.reason ? `<span class="sub">${esc(s.reason)}</span>` : ''}` : '<span class="unknown">never synced</span>';
  list.innerHTML = `<p class="muted">${body.items.length} providers, ${body.items.reduce((n, p) => n + p.model_count, 0).toLocaleString('en-US')} models.</p>
    <div class="scroll" tabindex="0" role="region" aria-label="Providers table"><table id="providers">
    <thead><tr><th scope="col">Provider</th><th scope="col" class="num">Models</th><th scope="col">Key variable</th><th scope="col">Last sync</th><th scope="col">Schedule</th><th scope="col">Next sync</th></tr></thead>
    <tbody>${body.items.map(p => `<tr data-provider-id="${esc(p.id)}">
      <td><a href="?provider=${encodeURIComponent(p.id)}">${esc(p.name)}</a><span class="sub">${esc(p.id)}</span></td>
      <td class="num">${p.model_count.toLocaleString('en-US')}</td>
      <td>${p.key_variables.length ? p.key_variables.map(v => `<code>${esc(v)}</code>`).join(', ') : UNKNOWN}</td>
      <td>${last(p.last_sync)}</td>
      <td>${p.schedule_enabled ? interval(p.schedule_interval) : 'not scheduled'}</td>
      <td>${p.schedule_enabled ? when(p.next_sync) : '<span class="unknown">none</span>'}</td></tr>`).join('')}</tbody></table></div>`;
}
