import { MatchMessage } from '../../packages/queue/messages';
import { sqsConsumer } from '../../packages/runtime/consumer';
import type { Deps } from '../../packages/runtime/deps';
import { lambdaHandler } from '../../packages/runtime/consumer-lambda';
import { runMatch } from '../../packages/services/matching';

export const createHandler = (deps: Deps) => sqsConsumer(deps, MatchMessage, (m) => runMatch(deps, m));
export const handler = lambdaHandler(createHandler);
