// The 澄清 label of item lists (条例 第六条: clarifications of information in circulation stand out
// from the ordinary items of a column). Apart from clarification.tsx so that components.tsx can
// use it without an import cycle.
export function ClarificationTag({ item }: { item: { isClarification?: boolean } }) {
  return item.isClarification ? <span class="tag tag-clarification">澄清</span> : null;
}
