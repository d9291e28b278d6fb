import { PairingMessage } from '../../packages/queue/messages';
import { sqsConsumer } from '../../packages/runtime/consumer';
import type { Deps } from '../../packages/runtime/deps';
import { lambdaHandler } from '../../packages/runtime/consumer-lambda';
import { runPairing } from '../../packages/services/leads';

export const createHandler = (deps: Deps) => sqsConsumer(deps, PairingMessage, (m, record) =>
    runPairing(deps, m, Number(record.attributes.ApproximateReceiveCount) || 1),
  );
export const handler = lambdaHandler(createHandler);
