import { z } from 'zod';
import { ContactInput } from '../accounts/contact';
import { NoticeVersionField } from '../privacy/notices';
import { Label, Timestamp } from './common';

// People's own requests (个人信息保护法 第四十四–四十七条): see, export and delete what is held.

export const PersonalDataSection = z.object({
  kind: z.string().describe('kind of record, as in the retention table'),
  label: Label,
  retention: Label.optional().describe('how long this kind is kept'),
  items: z.array(z.record(z.string(), z.unknown())),
});

export const PersonalData = z
  .object({
    generatedAt: Timestamp,
    subject: z.object({ contact: z.string(), userId: z.string().optional() }),
    sections: z.array(PersonalDataSection),
  })
  .meta({ id: 'PersonalData' });
export type PersonalData = z.infer<typeof PersonalData>;

export const ErasureOutcome = z.object({
  kind: z.string(),
  label: Label,
  count: z.number().int(),
  outcome: z.enum(['deleted', 'anonymised', 'kept', 'none']),
  reason: Label.optional().describe('why what is kept is kept (a legal obligation or someone else’s record)'),
});
export type ErasureOutcome = z.infer<typeof ErasureOutcome>;

export const DeletionReport = z
  .object({ at: Timestamp, items: z.array(ErasureOutcome) })
  .meta({ id: 'DeletionReport' });
export type DeletionReport = z.infer<typeof DeletionReport>;

export const DeletionInput = z
  .object({ confirm: z.literal(true).describe('must be true: deletion cannot be undone') })
  .strict()
  .meta({ id: 'DeletionInput' });

export const DataRequestInput = z
  .object({ contact: ContactInput, noticeVersion: NoticeVersionField('data-request') })
  .strict()
  .meta({ id: 'DataRequestInput' });
export type DataRequestInput = z.infer<typeof DataRequestInput>;

export const DataRequestCreated = z
  .object({ id: z.string(), expiresAt: Timestamp, sentTo: z.string().describe('the contact, masked') })
  .meta({ id: 'DataRequestCreated' });

export const DataRequestConfirm = z
  .object({ code: z.string().regex(/^\d{6}$/, { message: '验证码为 6 位数字 / The code is 6 digits' }), action: z.enum(['export', 'delete']) })
  .strict()
  .meta({ id: 'DataRequestConfirm' });
export type DataRequestConfirm = z.infer<typeof DataRequestConfirm>;

export const DataRequestResult = z
  .object({ action: z.enum(['export', 'delete']), export: PersonalData.optional(), deletion: DeletionReport.optional() })
  .meta({ id: 'DataRequestResult' });

const NoticeText = z.object({ what: z.string(), why: z.string(), who: z.string(), howLong: z.string() });

export const PrivacyNoticesView = z
  .object({
    notices: z.array(z.object({ form: z.string(), version: z.string(), title: Label, zh: NoticeText, en: NoticeText })),
    retention: z.array(
      z.object({ kind: z.string(), label: Label, keepDays: z.number().int(), after: Label, enforcedBy: z.enum(['ttl', 'anonymise', 'request']), basis: z.string() }),
    ),
  })
  .meta({ id: 'PrivacyNotices' });
