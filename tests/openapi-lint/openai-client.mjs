// Reads Starmap's OpenAI-compatible model lists with the official openai client, as an application
// would: models.list() and models.retrieve() against a base URL. Usage:
//   node openai-client.mjs <baseURL> <apiKey> <modelId>...
// Prints one JSON object: the listed models, each retrieved model (or its error status), so the
// calling test asserts on what the client really saw.
import OpenAI from 'openai';

const [baseURL, apiKey, ...retrieve] = process.argv.slice(2);
if (!baseURL || !apiKey) {
  console.error('usage: node openai-client.mjs <baseURL> <apiKey> <modelId>...');
  process.exit(2);
}
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 30_000 });

const listed = [];
for await (const model of client.models.list()) {
  listed.push(model);
}
const retrieved = {};
for (const id of retrieve) {
  try {
    retrieved[id] = { model: await client.models.retrieve(id) };
  } catch (error) {
    if (!(error instanceof OpenAI.APIError)) {
      throw error;
    }
    retrieved[id] = { status: error.status ?? null, error: error.error ?? null };
  }
}
console.log(JSON.stringify({ listed, retrieved }));
