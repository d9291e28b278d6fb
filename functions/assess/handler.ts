import { AssessMessage } from '../../packages/queue/messages';
import { sqsConsumer } from '../../packages/runtime/consumer';
import type { Deps } from '../../packages/runtime/deps';
import { lambdaHandler } from '../../packages/runtime/consumer-lambda';
import { runAssessment } from '../../packages/services/assessment';
import { assessApplication } from '../../packages/services/rounds';

export const createHandler = (deps: Deps) =>
  sqsConsumer(deps, AssessMessage, (m) => (m.type === 'AssessApplication' ? assessApplication(deps, m) : runAssessment(deps, m).then(() => undefined)));
export const handler = lambdaHandler(createHandler);
