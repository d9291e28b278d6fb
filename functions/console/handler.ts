import { handle } from 'hono/aws-lambda';
import { lambdaDeps } from '#runtime/lambda';
import { createConsoleApp } from './app';

let fetchHandler: ReturnType<typeof handle> | undefined;

export const handler: ReturnType<typeof handle> = (event, context) =>
  (fetchHandler ??= handle(createConsoleApp(lambdaDeps())))(event, context);
