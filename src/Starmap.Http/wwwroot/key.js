// The API key entry, shared by the administration page and by every page of a silo that serves reads
// only with its key (Starmap:Http:RequireKeyForReads). The key stays in this tab's sessionStorage.
import { setApiKey } from './api.js';

/** Puts the key form under intro into container; onKey runs once a key is entered. */
export function renderKeyForm(container, intro, onKey, focus = false) {
  container.innerHTML = `${intro}
    <form id="key-form" class="bar">
      <div><label for="api-key">API key</label><input id="api-key" name="key" type="password" autocomplete="off" required></div>
      <button type="submit" class="primary">Use this key</button>
    </form>`;
  const input = container.querySelector('#api-key');
  container.querySelector('#key-form').addEventListener('submit', event => {
    event.preventDefault();
    setApiKey(input.value.trim());
    onKey();
  });
  if (focus) input.focus();
}
