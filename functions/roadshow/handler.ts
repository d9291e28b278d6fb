import { RoadshowMessage } from '../../packages/queue/messages';
import { sqsConsumer } from '../../packages/runtime/consumer';
import type { Deps } from '../../packages/runtime/deps';
import { lambdaHandler } from '../../packages/runtime/consumer-lambda';
import { runRoadshow } from '../../packages/services/roadshows';

export const createHandler = (deps: Deps) => sqsConsumer(deps, RoadshowMessage, (m) => runRoadshow(deps, m));
export const handler = lambdaHandler(createHandler);
