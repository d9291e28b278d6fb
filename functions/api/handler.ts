import { handle } from 'hono/aws-lambda';
import { deployedMessenger } from '#notify/deployed';
import { lambdaDeps } from '#runtime/lambda';
import { createApp } from './app';

let fetchHandler: ReturnType<typeof handle> | undefined;

export const handler: ReturnType<typeof handle> = (event, context) =>
  (fetchHandler ??= handle(createApp(lambdaDeps((settings) => ({ messenger: deployedMessenger(settings) })))))(event, context);
