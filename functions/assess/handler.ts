import { AssessMessage } from '#queue/messages';
import { sqsConsumer } from '#runtime/consumer';
import type { Deps } from '#runtime/deps';
import { lambdaHandler } from '#runtime/consumer-lambda';
import { runAssessment } from '#services/assessment';
import { assessApplication } from '#services/rounds';

export const createHandler = (deps: Deps) =>
  sqsConsumer(deps, AssessMessage, (m) => (m.type === 'AssessApplication' ? assessApplication(deps, m) : runAssessment(deps, m).then(() => undefined)));
export const handler = lambdaHandler(createHandler);
