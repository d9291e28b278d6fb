import { RoadshowMessage } from '#queue/messages';
import { sqsConsumer } from '#runtime/consumer';
import type { Deps } from '#runtime/deps';
import { lambdaHandler } from '#runtime/consumer-lambda';
import { runRoadshow } from '#services/roadshows';

export const createHandler = (deps: Deps) => sqsConsumer(deps, RoadshowMessage, (m) => runRoadshow(deps, m));
export const handler = lambdaHandler(createHandler);
