// Masking rules for personal data shown in lists, logs and published copies.

/** 320402198001016333 → 3204**********6333 (first 4 and last 4 kept, length kept). */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** 13812341234 → 138****1234; landlines keep the area code and the last 4 digits. */
export function maskPhone(value: string): string {
  const digits = value.replace(/[^\d+-]/g, '');
  if (/^(\+?86)?1\d{10}$/.test(digits)) {
    const m = digits.slice(-11);
    return `${m.slice(0, 3)}****${m.slice(-4)}`;
  }
  if (digits.length <= 4) return '*'.repeat(digits.length);
  const keepHead = digits.includes('-') ? digits.indexOf('-') + 1 : Math.min(4, digits.length - 4);
  return `${digits.slice(0, keepHead)}${'*'.repeat(Math.max(0, digits.length - keepHead - 4))}${digits.slice(-4)}`;
}

/** 王小明 → 王**; 欧阳明 → 欧阳* for the common two-character surnames. */
export function maskName(value: string): string {
  const v = value.trim();
  if (v.length <= 1) return v;
  const compound = /^(欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|长孙|夏侯|轩辕|令狐|宇文|司徒|端木)/.exec(v);
  const keep = compound && v.length > 2 ? 2 : 1;
  return v.slice(0, keep) + '*'.repeat(v.length - keep);
}

/** a.person@example.cn → a*******@example.cn */
export function maskEmail(value: string): string {
  const [local, domain] = value.split('@');
  if (!domain) return maskIdNumber(value);
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(1, local.length - 1))}@${domain}`;
}
