// The kinds of evidence an application carries (申报佐证材料) and the file types each accepts. Pure
// data without zod, so the console's browser code can offer the same choices the API validates.

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const JPEG = 'image/jpeg';
const PNG = 'image/png';

export const EVIDENCE_KINDS = {
  mlps_filing: { zh: '等保备案证明', en: 'MLPS filing certificate', types: [PDF, JPEG, PNG] },
  ip_list: { zh: '专利/软著清单', en: 'Patents and software copyrights list', types: [PDF, XLSX] },
  audit_or_tax: { zh: '审计报告或纳税证明', en: 'Audit report or tax certificate', types: [PDF] },
  standard: { zh: '标准文本', en: 'Standard text', types: [PDF, DOCX] },
  case: { zh: '典型案例', en: 'Typical case', types: [PDF, DOCX, PPTX] },
} as const;

export type EvidenceKindCode = keyof typeof EVIDENCE_KINDS;

/** File name extensions of each accepted content type (the declared name must end with one). */
export const EXTENSIONS: Record<string, readonly string[]> = {
  [PDF]: ['pdf'],
  [DOCX]: ['docx'],
  [XLSX]: ['xlsx'],
  [PPTX]: ['pptx'],
  [JPEG]: ['jpg', 'jpeg'],
  [PNG]: ['png'],
};
