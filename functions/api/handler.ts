import { handle } from 'hono/aws-lambda';
import { deployedMessenger } from '../../packages/notify/deployed';
import { lambdaDeps } from '../../packages/runtime/lambda';
import { createApp } from './app';

let fetchHandler: ReturnType<typeof handle> | undefined;

export const handler: ReturnType<typeof handle> = (event, context) =>
  (fetchHandler ??= handle(createApp(lambdaDeps((settings) => ({ messenger: deployedMessenger(settings) })))))(event, context);
