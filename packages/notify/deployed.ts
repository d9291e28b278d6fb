import type { Settings } from '#settings/settings';
import { awsMessenger } from './aws';
import { chinaMessenger } from './china';
import type { Messenger } from './messenger';

/** What the Lambdas that send use: the profile's senders (never the dev mailbox). */
export const deployedMessenger = (settings: Settings): Messenger => (settings.CODE_DELIVERY === 'china' ? chinaMessenger(settings) : awsMessenger(settings));
