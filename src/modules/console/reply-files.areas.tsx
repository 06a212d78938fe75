// The marks of a reply file (区分处理, 条例 第三十七条): text marks and area marks (image pixels,
// or PDF points on a page), each with its legal ground and the way to take it back. The area form
// and the page previews are shared with catalog attachments (redaction.areas.tsx).
import type { ReplyFileView } from '../requests/index.ts';
import { Csrf, type PageContext } from './console.layout.tsx';

const fmt = (n: number) => String(Math.round(n * 10) / 10);
const areaLabel = (a: NonNullable<ReplyFileView['redactions'][number]['area']>, image: boolean) =>
  `${image ? '' : `第 ${a.page} 页 `}(${fmt(a.rect[0])}, ${fmt(a.rect[1])})–(${fmt(a.rect[2])}, ${fmt(a.rect[3])})`;

export function MarksTable(props: { ctx: PageContext; base: string; file: ReplyFileView; canEdit: boolean }) {
  const { file } = props;
  if (file.redactions.length === 0) return null;
  const image = file.kind === 'jpg' || file.kind === 'png';
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">删除的内容（已遮盖）</th><th scope="col">处数</th><th scope="col">法定理由</th>
          <th scope="col">区域（{image ? '像素' : '点'}，左上角起）</th><th scope="col">处理人</th>{props.canEdit && <th scope="col">操作</th>}
        </tr>
      </thead>
      <tbody>
        {file.redactions.map((m) => (
          <tr>
            <td>{m.preview || '—'}</td><td>{m.occurrences}</td><td>{m.reasonLabel}</td><td>{m.area ? areaLabel(m.area, image) : '按文字'}</td><td>{m.byName}</td>
            {props.canEdit && (
              <td>
                <form method="post" action={`${props.base}/redact/marks/${m.id}/delete`} class="inline-form">
                  <Csrf ctx={props.ctx} />
                  <button type="submit" class="button button-small button-secondary">撤销<span class="visually-hidden"> {m.area ? areaLabel(m.area, image) : m.preview}</span></button>
                </form>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
