import type { Settings } from '#settings/settings';
import { DevMailbox } from './dev-mailbox';
import { deployedMessenger } from './deployed';
import type { Messenger } from './messenger';

/** Local runs choose by CODE_DELIVERY; Lambdas that send use deployedMessenger directly (no dev mailbox in their bundles). */
export function createMessenger(settings: Settings, log: (line: string) => void): Messenger {
  return settings.CODE_DELIVERY === 'dev' ? new DevMailbox(log) : deployedMessenger(settings);
}
