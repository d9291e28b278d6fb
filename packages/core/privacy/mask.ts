/**
 * 最小化展示 (GB/T 35273 §6.1 去标识化 of what is shown): the one rule for showing someone's contact to
 * a person who is not them and does not need it in full. Enough to recognise ("is this the caller
 * I spoke to?"), not enough to call, mail or harvest.
 *
 *   +8613812341234 / 13812341234 → 138****1234
 *   0532-88881234                → 053****1234
 *   zhang.san@example.cn         → z***@example.cn
 */
export function maskContact(value: string): string {
  const v = value.trim();
  if (!v) return v;
  if (v.includes('@')) {
    const at = v.lastIndexOf('@');
    return `${v.slice(0, 1)}***${v.slice(at)}`;
  }
  const digits = v.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length < 8) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** A person's name for someone who only needs to tell entries apart: 王先生 → 王**, Li Lei → L***. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (!chars.length) return '';
  return chars[0] + '*'.repeat(Math.min(Math.max(chars.length - 1, 1), 3));
}

/** A requester's network address: the network, not the machine (IPv4 /24, IPv6 /48). */
export function maskAddress(address: string): string {
  // IPv4, also IPv4-mapped IPv6 (::ffff:127.0.0.1).
  const v4 = /^(.*\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/.exec(address);
  if (v4) return `${v4[1]}.*`;
  if (address.includes(':')) return `${address.split(':').slice(0, 3).join(':')}:*`;
  return address ? '*' : address;
}

// What a contact looks like inside free text: e-mail addresses, mainland mobiles (with or without
// +86, spaces or dashes), landlines with an area code.
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,63}/g;
const MOBILE_IN_TEXT = /(?<![\w*])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\w)/g;
const LANDLINE_IN_TEXT = /(?<![\w*])0\d{2,3}-\d{7,8}(?!\w)/g;

/** Masks every contact found in a piece of text (audit details written before masking, log lines). */
export function maskContactsIn(text: string): string {
  return text.replace(EMAIL_IN_TEXT, (m) => maskContact(m)).replace(MOBILE_IN_TEXT, (m) => maskContact(m)).replace(LANDLINE_IN_TEXT, (m) => maskContact(m));
}

/** Whether a text still holds something that looks like a full contact (tests scan logs with it). */
export function findContacts(text: string): string[] {
  return [...(text.match(EMAIL_IN_TEXT) ?? []), ...(text.match(MOBILE_IN_TEXT) ?? []), ...(text.match(LANDLINE_IN_TEXT) ?? [])];
}

/** An audit entry as anyone but the person may see it: every contact in its target and details masked. */
export function maskAuditContacts<T extends { target?: string; details?: Record<string, string | number | boolean> }>(e: T): T {
  const details = e.details ? Object.fromEntries(Object.entries(e.details).map(([k, v]) => [k, typeof v === 'string' ? maskContactsIn(v) : v])) : undefined;
  return { ...e, ...(e.target !== undefined ? { target: maskContactsIn(e.target) } : {}), ...(details ? { details } : {}) };
}
