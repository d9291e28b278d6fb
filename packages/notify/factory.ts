import type { Settings } from '../settings/settings';
import { awsMessenger } from './aws';
import { DevMailbox } from './dev-mailbox';
import type { Messenger } from './messenger';

/** Local runs choose by CODE_DELIVERY; Lambdas that send use AwsMessenger directly (no dev mailbox in their bundles). */
export function createMessenger(settings: Settings, log: (line: string) => void): Messenger {
  return settings.CODE_DELIVERY === 'aws' ? awsMessenger(settings) : new DevMailbox(log);
}
