// 澄清 on the portal (条例 第六条: an agency promptly clarifies false or incomplete information in
// circulation): the label in item lists, and on the item page what the clarification corrects
// (the corrected item when the public may see it, the circulating information and its address).
import type { ClarificationDetail } from '../office-records/index.ts';
import { itemHref, Notice } from './components.tsx';

export { ClarificationTag } from './clarification-tag.tsx';

export function ClarificationNotice({ clarification }: { clarification: ClarificationDetail | null | undefined }) {
  if (!clarification) return null;
  const c = clarification;
  return (
    <Notice kind="info" title="澄清">
      <p>本文为本机关发布的澄清信息，用于澄清虚假或者不完整的信息。</p>
      {c.correctsItemId && (
        <p>
          所澄清的信息：<a href={itemHref(c.correctsItemId)}>{c.correctsTitle ?? '查看原信息'}</a>
        </p>
      )}
      {c.circulatingInfo && <p>流传的信息：{c.circulatingInfo}</p>}
      {c.circulatingUrl && (
        <p>
          流传信息的来源：{c.circulatingUrl}
        </p>
      )}
    </Notice>
  );
}
