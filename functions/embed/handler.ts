import { EmbedMessage } from '../../packages/queue/messages';
import { sqsConsumer } from '../../packages/runtime/consumer';
import type { Deps } from '../../packages/runtime/deps';
import { lambdaHandler } from '../../packages/runtime/consumer-lambda';
import { runEmbed } from '../../packages/services/embedding';

export const createHandler = (deps: Deps) => sqsConsumer(deps, EmbedMessage, (m) => runEmbed(deps, m));
export const handler = lambdaHandler(createHandler);
