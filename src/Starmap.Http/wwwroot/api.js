// Talking to the API and formatting its values. Every page reads the catalog through /api/v1 only.

const KEY = 'starmap.apiKey';

/** The API key for this tab (sessionStorage: gone when the tab closes), or null. */
export function apiKey() { return sessionStorage.getItem(KEY); }
export function setApiKey(key) { if (key) sessionStorage.setItem(KEY, key); else sessionStorage.removeItem(KEY); }

/** An API error: status, the API's error code and message. */
export class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
  /** True when the route itself does not exist on this server (the API's 404 for an unknown path). */
  get noRoute() { return this.status === 404 && /no such route/.test(this.message); }
}

/**
 * Fetches JSON from the API; sends the tab's key when there is one (keyed reads, writes). started: the
 * response of the same request already sent (first.js), read here as if this call had sent it.
 */
export async function api(path, options = {}, started = null) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  const key = apiKey();
  if (key) headers['X-Api-Key'] = key;
  let response;
  try {
    response = await (started ?? fetch(path, { ...options, headers }));
  } catch (e) {
    throw new ApiError(0, 'network', `the silo did not answer (${e.message})`);
  }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok) {
    // A read refused for want of the key: the silo serves reads only with it. The page asks for it (app.js).
    if (response.status === 401 && (options.method || 'GET') === 'GET') {
      document.dispatchEvent(new CustomEvent('starmap:key-needed', { detail: { refused: Boolean(key) } }));
    }
    const error = body && body.error;
    throw new ApiError(response.status, error ? error.code : 'error', error ? error.message : `HTTP ${response.status}`);
  }
  return { body, status: response.status, headers: response.headers };
}

/** Path of one offering's route: the model ID may hold '/', sent as %2F. */
export function modelPath(provider, model) {
  return `api/v1/models/${encodeURIComponent(provider)}/${encodeURIComponent(model)}`;
}

/** Splits "provider/model id" at the first '/'. */
export function splitId(id) {
  const slash = (id || '').indexOf('/');
  return slash > 0 ? [id.slice(0, slash), id.slice(slash + 1)] : null;
}

const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** HTML-escapes a value for a template. */
export function esc(value) { return String(value ?? '').replace(/[&<>"']/g, c => escapes[c]); }

export const UNKNOWN = '<span class="unknown">unknown</span>';
const known = v => v !== undefined && v !== null && v !== '';

/** USD per million tokens; unknown stays unknown (never 0). */
export function price(v) {
  if (!known(v)) return UNKNOWN;
  const n = Number(v);
  return '$' + (n === 0 ? '0' : n < 0.01 ? n.toPrecision(2) : n.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: n < 10 ? 2 : 0 }));
}
export function tokens(v) { return known(v) ? Number(v).toLocaleString('en-US') : UNKNOWN; }
export function text(v) { return known(v) ? esc(v) : UNKNOWN; }
export function bool(v) { return v === true ? 'yes' : v === false ? 'no' : UNKNOWN; }
export function list(v) { return Array.isArray(v) && v.length ? esc(v.join(', ')) : UNKNOWN; }
export function status(offering) {
  const s = offering && offering.lifecycle && offering.lifecycle.status;
  return known(s) && s !== 'unknown' ? `<span class="badge ${esc(s)}">${esc(s)}</span>` : UNKNOWN;
}
export function when(v) {
  if (!known(v)) return UNKNOWN;
  const d = new Date(v);
  return isNaN(d) ? esc(v) : `<time datetime="${esc(v)}">${esc(d.toISOString().replace('T', ' ').slice(0, 16))} UTC</time>`;
}

/** Renders an error or a "not available" notice into an element. */
export function showError(element, error, what) {
  element.innerHTML = error instanceof ApiError && error.noRoute
    ? `<p class="notice">${esc(what)} is not available on this server.</p>`
    : `<p class="error" role="alert">Could not load ${esc(what.toLowerCase())}: ${esc(error.message)}</p>`;
}
