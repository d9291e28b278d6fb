import type { Contact } from '#core/accounts/contact';
import type { Messenger, Notice } from './messenger';

export interface DevMessage extends Notice {
  to: string;
  at: string;
}

/**
 * Local and test stages: nothing leaves the machine. Every message is logged and kept (newest
 * first, bounded) for the local-only mailbox page at /auth/dev/mailbox.
 */
export class DevMailbox implements Messenger {
  private readonly messages: DevMessage[] = [];
  constructor(
    private readonly log: (line: string) => void,
    private readonly now: () => Date = () => new Date(),
    private readonly keep = 200,
  ) {}

  async send(to: Contact, notice: Notice): Promise<void> {
    this.messages.unshift({ to: to.value, at: this.now().toISOString(), ...notice });
    this.messages.length = Math.min(this.messages.length, this.keep);
    this.log(`[dev mailbox] to ${to.value}: ${notice.subject} — ${notice.text}`);
  }

  /** Empties the mailbox (the demo's reset: old codes and notices belong to records that are gone). */
  clear(): void {
    this.messages.length = 0;
  }

  list(to?: string): DevMessage[] {
    return to ? this.messages.filter((m) => m.to === to) : [...this.messages];
  }
}

/** The dev mailbox page exists only where nothing is real: never on a deployed stage. */
export const devMailboxAllowed = (stage: string) => stage === 'local' || stage === 'test';
