import type { Context } from 'aws-lambda';
import { createEmbedder } from '#embed/factory';
import type { Deps } from './deps';
import { lambdaDeps } from './lambda';

/**
 * Wraps a factory `(deps) => handler` into a Lambda export that builds deps lazily once. Queue
 * consumers get the embedder; the API entry point does not import this file, so its bundle carries
 * neither the tokenizer nor the thesaurus.
 */
export function lambdaHandler<E, R>(factory: (deps: Deps) => (event: E, context: Context) => Promise<R>) {
  let built: ((event: E, context: Context) => Promise<R>) | undefined;
  return (event: E, context: Context) =>
    (built ??= factory(lambdaDeps((settings) => ({ embedder: createEmbedder(settings) }))))(event, context);
}
