import { PairingMessage } from '#queue/messages';
import { sqsConsumer } from '#runtime/consumer';
import type { Deps } from '#runtime/deps';
import { lambdaHandler } from '#runtime/consumer-lambda';
import { runPairing } from '#services/leads';

export const createHandler = (deps: Deps) => sqsConsumer(deps, PairingMessage, (m, record) =>
    runPairing(deps, m, Number(record.attributes.ApproximateReceiveCount) || 1),
  );
export const handler = lambdaHandler(createHandler);
