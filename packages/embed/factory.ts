import type { Settings } from '#settings/settings';
import { createLocalEmbedder } from './local';
import { OpenAIEmbedder } from './openai';
import type { Embedder } from './port';

export function createEmbedder(settings: Settings): Embedder {
  if (settings.EMBEDDER === 'openai') {
    // 'unset' is the placeholder infra/secrets.ts deploys so local-embedder stages need no key.
    if (!settings.OPENAI_API_KEY || settings.OPENAI_API_KEY === 'unset') throw new Error('EMBEDDER=openai needs OPENAI_API_KEY / 需要配置 OPENAI_API_KEY');
    return new OpenAIEmbedder({
      apiKey: settings.OPENAI_API_KEY,
      baseURL: settings.OPENAI_BASE_URL,
      model: settings.OPENAI_EMBEDDING_MODEL,
      dimensions: settings.OPENAI_EMBEDDING_DIMENSIONS,
    });
  }
  return createLocalEmbedder();
}
