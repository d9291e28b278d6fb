import { z } from 'zod';

/**
 * 告知 (个人信息保护法 第十七条): what every form that collects personal information tells the person
 * before they send it — what is collected, why, who sees it, how long it is kept — versioned, so the
 * record can say which text the person saw. Changing a text means a new version; old versions stay
 * here so records made under them keep their meaning.
 *
 * A new collection point plugs in with one entry below, `<PrivacyNotice form="…"/>` on its form
 * (functions/console/pages/privacy-notice.tsx) and `noticeVersion: NoticeVersionField('…')` in its
 * input schema.
 */
export interface PrivacyNoticeText {
  what: string;
  why: string;
  who: string;
  howLong: string;
}

export interface PrivacyNotice {
  form: string;
  version: string;
  title: { zh: string; en: string };
  zh: PrivacyNoticeText;
  en: PrivacyNoticeText;
}

/** What a record says when the client sent no notice version (clients older than notices). */
export const NOTICE_UNSTATED = 'unstated';

const CONTROLLER_ZH = '青岛市工业和信息化局（工赋青岛服务）';
const RIGHTS_ZH = '您可在“我的数据”页面或通过 /v1/public/data-requests 查询、导出或删除本人信息。';
const RIGHTS_EN = 'You can see, export or delete your data on the "My data" page or through /v1/public/data-requests.';

export const PRIVACY_NOTICES = {
  'sign-in': [
    {
      form: 'sign-in',
      version: 'sign-in-2026-12',
      title: { zh: '登录个人信息告知', en: 'Sign-in: how we use your contact' },
      zh: {
        what: '您的邮箱或手机号，以及登录时间和来源网络地址。',
        why: `用于发送一次性验证码、识别您的账号和组织成员身份、保障账号安全。处理者：${CONTROLLER_ZH}。`,
        who: '仅您本人和系统；您所在组织的管理员可见您的联系方式，其他人只见遮蔽后的形式（如 138****1234）。',
        howLong: `验证码使用或过期（10 分钟）后即删除；账号保留至您申请删除；安全审计记录按《网络安全法》第二十一条保存一年。${RIGHTS_ZH}`,
      },
      en: {
        what: 'Your e-mail address or mobile number, and when and from which network you signed in.',
        why: 'To send a one-time code, recognise your account and memberships, and keep accounts safe. Controller: Qingdao Bureau of Industry and IT (工赋青岛).',
        who: 'You and the system; your organisation’s admins see your contact, everyone else a masked form (e.g. 138****1234).',
        howLong: `Codes are deleted once used or expired (10 minutes); the account is kept until you ask to delete it; security audit records one year (Cybersecurity Law art. 21). ${RIGHTS_EN}`,
      },
    },
  ],
  objection: [
    {
      form: 'objection',
      version: 'objection-2026-12',
      title: { zh: '异议个人信息告知', en: 'Objection: how we use your details' },
      zh: {
        what: '联系人姓名、联系电话、异议理由，以及提交时的网络地址。',
        why: '用于市工信局核查异议、必要时与您联系核实、防止滥用（限频）。',
        who: '市工信局经办人员；列表中电话遮蔽显示，查看完整号码须单独操作并留痕审计。不向被异议单位或公众公开。',
        howLong: `姓名、电话和网络地址在该年度名录发布一年后匿名化；异议理由与处理结果作为公示记录保留。${RIGHTS_ZH}`,
      },
      en: {
        what: 'Your name, phone number, the reason you give, and the network address you sent it from.',
        why: 'For the bureau to check the objection, call you back if needed, and prevent abuse (throttling).',
        who: 'The bureau’s staff; lists show the number masked, the full number only through a separate, audited action. Never shown to the platform objected to or the public.',
        howLong: `Name, phone and address are anonymised one year after the year’s directory is published; the reason and outcome stay with the notice record. ${RIGHTS_EN}`,
      },
    },
  ],
  invitation: [
    {
      form: 'invitation',
      version: 'invitation-2026-12',
      title: { zh: '邀请成员个人信息告知', en: 'Inviting a member: the invitee’s contact' },
      zh: {
        what: '被邀请人的邮箱或手机号。',
        why: '用于向被邀请人发送邀请，并在其用该联系方式登录后确认身份。请确认已告知对方。',
        who: '本组织管理员；审计记录中仅保留遮蔽形式。',
        howLong: '邀请 14 天后失效，失效、接受或撤销 30 天后删除。',
      },
      en: {
        what: 'The invitee’s e-mail address or mobile number.',
        why: 'To send the invitation and recognise the invitee when they sign in with it. Make sure they know.',
        who: 'Your organisation’s admins; the audit log keeps a masked form only.',
        howLong: 'Invitations expire after 14 days and are deleted 30 days after they expire, are accepted or revoked.',
      },
    },
  ],
  expert: [
    {
      form: 'expert',
      version: 'expert-2026-12',
      title: { zh: '专家登记个人信息告知', en: 'Registering an expert: their details' },
      zh: {
        what: '专家姓名、工作单位及其信用代码、专业领域，以及用于登录的邮箱或手机号（可选）。',
        why: '用于分配评审任务、回避利益冲突（第十一条），并让专家以该联系方式登录。请确认专家本人知悉并同意。',
        who: '市工信局；专家列表中联系方式遮蔽显示。评审意见中仅出现专家姓名。',
        howLong: '在专家库期间保留；退出专家库后联系方式释放，已提交的评分作为评审记录保留。',
      },
      en: {
        what: 'The expert’s name, affiliation and its credit code, fields, and optionally the e-mail or mobile they sign in with.',
        why: 'To assign reviews, avoid conflicts of interest (art. 11), and let the expert sign in with that contact. Make sure the expert knows and agrees.',
        who: 'The bureau; the expert list shows the contact masked. Reviews show the expert’s name only.',
        howLong: 'Kept while the expert is on the panel; retiring frees the contact, submitted scores stay as the review record.',
      },
    },
  ],
  'data-request': [
    {
      form: 'data-request',
      version: 'data-request-2026-12',
      title: { zh: '个人信息查询/删除申请告知', en: 'Requests about your data' },
      zh: {
        what: '您填写的邮箱或手机号，以及申请时间和网络地址。',
        why: '用于向该联系方式发送验证码，确认申请人就是信息主体，并按申请导出或删除信息。',
        who: '仅系统；申请记录（联系方式遮蔽）进入审计日志。',
        howLong: '验证码 10 分钟内有效，申请记录 1 天后删除；审计记录保存一年。',
      },
      en: {
        what: 'The e-mail address or mobile number you enter, and when and from where you asked.',
        why: 'To send a code to that contact, confirm you are the person the data is about, and export or delete it as you ask.',
        who: 'The system only; the request (contact masked) goes to the audit log.',
        howLong: 'The code works for 10 minutes and the request is deleted after a day; audit records are kept one year.',
      },
    },
  ],
  'roadshow-registration': [
    {
      form: 'roadshow-registration',
      version: 'roadshow-registration-2026-12',
      title: { zh: '路演报名个人信息告知', en: 'Roadshow registration: your details' },
      zh: {
        what: '姓名、所在企业、手机号或邮箱。',
        why: '用于确认报名、发送签到码、现场签到和统计活动成效。',
        who: '市工信局活动组织人员；报名名单和导出表格中联系方式遮蔽显示。',
        howLong: `活动结束六个月后删除。${RIGHTS_ZH}`,
      },
      en: {
        what: 'Your name, enterprise, and mobile number or e-mail address.',
        why: 'To confirm the registration, send the check-in code, check you in and count the event’s results.',
        who: 'The bureau’s event staff; lists and exported sheets show the contact masked.',
        howLong: `Deleted six months after the event. ${RIGHTS_EN}`,
      },
    },
  ],
} as const satisfies Record<string, readonly [PrivacyNotice, ...PrivacyNotice[]]>;

export type NoticeForm = keyof typeof PRIVACY_NOTICES;

/** The text a form shows now (the last version). */
export function currentNotice(form: NoticeForm): PrivacyNotice {
  const versions = PRIVACY_NOTICES[form] as readonly PrivacyNotice[];
  return versions[versions.length - 1]!;
}

export function knownNoticeVersions(form: NoticeForm): string[] {
  return (PRIVACY_NOTICES[form] as readonly PrivacyNotice[]).map((n) => n.version);
}

/**
 * The `noticeVersion` field of a form's input: one of that form's versions, or absent (an older
 * client that shows no notice), recorded then as `unstated`.
 */
export const NoticeVersionField = (form: NoticeForm) =>
  z
    .string()
    .max(64)
    .refine((v) => knownNoticeVersions(form).includes(v), { message: `未知的告知版本 / Unknown notice version (known: ${knownNoticeVersions(form).join(', ')})` })
    .optional()
    .transform((v) => v ?? NOTICE_UNSTATED)
    .describe(`告知书版本：表单显示的个人信息告知（GET /v1/public/privacy-notices）；缺省记为 "${NOTICE_UNSTATED}" / the privacy notice version the form showed; absent = "${NOTICE_UNSTATED}"`);
