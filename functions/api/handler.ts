import { handle } from 'hono/aws-lambda';
import { awsNotifier } from '../../packages/notify/aws';
import { lambdaDeps } from '../../packages/runtime/lambda';
import { createApp } from './app';

let fetchHandler: ReturnType<typeof handle> | undefined;

export const handler: ReturnType<typeof handle> = (event, context) =>
  (fetchHandler ??= handle(createApp(lambdaDeps((settings) => ({ notifier: awsNotifier(settings) })))))(event, context);
