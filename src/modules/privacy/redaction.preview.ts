// Masked previews for the redaction log: the log records WHAT KIND of thing was removed and
// where, never the personal data itself (第十五条).
import { maskEmail, maskIdNumber, maskName, maskPhone } from '../../core/text/mask.ts';

export function maskedPreview(text: string, type?: string): string {
  const t = text.replace(/\s+/g, ' ').trim().slice(0, 60);
  if (!t) return '';
  if (type === 'mobile' || type === 'landline') return maskPhone(t);
  if (type === 'email') return maskEmail(t);
  if (type === 'name') return maskName(t);
  if (/\d{6,}/.test(t) || type) return maskIdNumber(t);
  return t.length <= 1 ? '*' : t.slice(0, 1) + '*'.repeat(Math.min(t.length - 1, 20));
}
