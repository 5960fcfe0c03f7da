// The browse page's first request, started as soon as this tiny module runs: index.html loads it async,
// so the first page of models is on its way while app.js and browse.js are still fetched and compiled.
// browse.js builds its URLs here too and takes the answer when it asks for the same URL with the same key.
import { apiKey } from './api.js';

/** Rows per page. */
export const PAGE = 50;
/** The page's query-string names that are the API's own parameters (a shared URL is the query). */
export const FILTERS = ['q', 'provider', 'author', 'modality_input', 'modality_output', 'feature', 'min_context',
  'max_input_price', 'max_output_price', 'status', 'open_weights', 'released_after', 'released_before', 'sort', 'order', 'offset'];

/** The models route for a browse state: its filters, one page, only the table's fields. */
export function browseUrl(state) {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (state.get(name)) query.set(name, state.get(name));
  query.set('limit', PAGE);
  query.set('fields', 'summary');
  return `api/v1/models?${query}`;
}

let early = null;
const params = new URLSearchParams(location.search);
if (!params.get('view') || params.get('view') === 'browse') {
  // Sent as api() sends it: with the tab's key when there is one. Without one, a silo that reads only with
  // its key answers 401, and api() then raises the key form as for any refused read.
  const key = apiKey();
  const url = browseUrl(params);
  const response = fetch(url, { headers: key ? { Accept: 'application/json', 'X-Api-Key': key } : { Accept: 'application/json' } });
  response.catch(() => {}); // a network failure is reported by whoever takes it
  early = { url, key, response };
}

/** The early request's response (a promise) when it was for url with the tab's current key; once only. */
export function takeEarly(url) {
  if (!early || early.url !== url || early.key !== apiKey()) return null;
  const { response } = early;
  early = null;
  return response;
}
