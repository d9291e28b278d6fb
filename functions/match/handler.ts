import { MatchMessage } from '#queue/messages';
import { sqsConsumer } from '#runtime/consumer';
import type { Deps } from '#runtime/deps';
import { lambdaHandler } from '#runtime/consumer-lambda';
import { runMatch } from '#services/matching';

export const createHandler = (deps: Deps) => sqsConsumer(deps, MatchMessage, (m) => runMatch(deps, m));
export const handler = lambdaHandler(createHandler);
