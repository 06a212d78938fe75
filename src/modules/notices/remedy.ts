// The remedy sentence every decision carries: administrative reconsideration within 60 days
// (行政复议法第二十条) or litigation within 6 months (行政诉讼法第四十六条). Since 2024-01-01 (revised
// 行政复议法第二十四条) a reconsideration against a department of a local government goes to that
// government: a county bureau → the county people's government, a city bureau → the city people's
// government. Agencies may set both names; otherwise they are derived here from the agency's name.

/** The administrative area in an agency's name: 赣州市自然资源局 → 赣州市, 赣州市章贡区自然资源局 → 赣州市章贡区. */
export function areaOf(agencyName: string): string | null {
  const m = /^(.*(?:省|自治区|市|州|盟|县|区|旗))[^省市州盟县区旗]*$/.exec(agencyName.trim());
  return m ? m[1]! : null;
}

export function defaultReconsiderationBody(agencyName: string): string {
  const area = areaOf(agencyName);
  return area ? `${area}人民政府` : '本级人民政府';
}

/** Jurisdiction follows the courts' own (often centralised) rules, so the default names none. */
export const DEFAULT_LITIGATION_COURT = '人民法院';

export function remedySentence(settings: { name: string; reconsiderationBody?: string; litigationCourt?: string }): string {
  const body = settings.reconsiderationBody?.trim() || defaultReconsiderationBody(settings.name);
  const court = settings.litigationCourt?.trim() || DEFAULT_LITIGATION_COURT;
  return `如对本答复不服，可以在收到本答复之日起60日内向${body}申请行政复议，或者在6个月内向${court}提起行政诉讼。`;
}

/** 赣州自然资源公开〔2026〕12号: no leading zeros. */
export function formatNoticeNumber(agencyShort: string, year: number, serial: number): string {
  return `${agencyShort}公开〔${year}〕${serial}号`;
}
