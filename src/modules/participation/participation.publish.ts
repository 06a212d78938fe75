// The public copy of a message and its answer (条例 第十五条: personal privacy is not disclosed).
// Every personal-data pattern the privacy rules know (ID numbers, phones, labelled names and
// addresses…) is masked, and so is every mention of the asker's own name and phone, which the
// patterns alone could miss in free text ("我是王小明").
import { findPersonalData, type PiiFinding } from '../../core/text/pii.ts';
import { deidentifyText } from '../privacy/index.ts';

function mentions(text: string, value: string, type: PiiFinding['type']): Pick<PiiFinding, 'type' | 'start' | 'end'>[] {
  const out: Pick<PiiFinding, 'type' | 'start' | 'end'>[] = [];
  if (value.length < 2) return out;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) out.push({ type, start: at, end: at + value.length });
  return out;
}

/** `text` with personal data masked; `asker` names the values known to be the asker's. */
export function maskForPublication(text: string, asker: { name: string; phone: string }): string {
  const found: Pick<PiiFinding, 'type' | 'start' | 'end'>[] = findPersonalData(text);
  const known = [...mentions(text, asker.name.trim(), 'name'), ...mentions(text, asker.phone.trim(), /^1\d{10}$/.test(asker.phone.trim()) ? 'mobile' : 'landline')];
  // A known mention inside a pattern finding is already covered; otherwise it is added.
  for (const k of known) if (!found.some((f) => f.start < k.end && k.start < f.end)) found.push(k);
  return deidentifyText(text, found).text;
}
