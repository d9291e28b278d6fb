import type { Settings } from '../settings/settings';
import { AwsNotifier } from './aws';
import { DevMailbox } from './dev-mailbox';
import type { Notifier } from './port';

export function createNotifier(settings: Settings, log: (line: string) => void): Notifier {
  return settings.CODE_DELIVERY === 'aws' ? new AwsNotifier({ region: settings.AWS_REGION, from: settings.SES_FROM }) : new DevMailbox(log);
}

/** The dev mailbox page exists only where nothing is real: never on a deployed stage. */
export const devMailboxAllowed = (stage: string) => stage === 'local' || stage === 'test';
