import { handle } from 'hono/aws-lambda';
import { deployedMessenger } from '#notify/deployed';
import { lambdaDeps } from '#runtime/lambda';
import { createAuthApp } from './issuer';

let fetchHandler: ReturnType<typeof handle> | undefined;

/** The sign-in server's Lambda (sst.aws.Auth), behind the router at /auth. */
export const handler: ReturnType<typeof handle> = (event, context) =>
  (fetchHandler ??= handle(createAuthApp(lambdaDeps((settings) => ({ messenger: deployedMessenger(settings) })))))(event, context);
