import { EmbedMessage } from '#queue/messages';
import { sqsConsumer } from '#runtime/consumer';
import type { Deps } from '#runtime/deps';
import { lambdaHandler } from '#runtime/consumer-lambda';
import { runEmbed } from '#services/embedding';

export const createHandler = (deps: Deps) => sqsConsumer(deps, EmbedMessage, (m) => runEmbed(deps, m));
export const handler = lambdaHandler(createHandler);
