import type { Settings } from '../settings/settings';
import { awsNotifier } from './aws';
import { DevMailbox } from './dev-mailbox';
import type { Notifier } from './port';

/** Local runs choose by CODE_DELIVERY; Lambdas that send use AwsNotifier directly (no dev mailbox in their bundles). */
export function createNotifier(settings: Settings, log: (line: string) => void): Notifier {
  return settings.CODE_DELIVERY === 'aws' ? awsNotifier(settings) : new DevMailbox(log);
}
