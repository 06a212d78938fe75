// 索引号 from the agency's template (REGULATION.md: no national standard, so a per-agency
// template; default {creditCode}/{YYYY}-{NNNNN}). {N…} is the per-agency, per-year counter,
// zero-padded to the number of N.
export const DEFAULT_INDEX_TEMPLATE = '{creditCode}/{YYYY}-{NNNNN}';

export function formatIndexNumber(template: string, values: { creditCode: string; agencyCode: string; columnCode: string; year: number; serial: number }): string {
  return (template || DEFAULT_INDEX_TEMPLATE).replace(/\{(creditCode|agencyCode|columnCode|YYYY|N+)\}/g, (_m, token: string) => {
    if (token === 'creditCode') return values.creditCode;
    if (token === 'agencyCode') return values.agencyCode;
    if (token === 'columnCode') return values.columnCode;
    if (token === 'YYYY') return String(values.year);
    return String(values.serial).padStart(token.length, '0');
  });
}
