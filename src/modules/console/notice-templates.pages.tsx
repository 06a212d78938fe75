// Notice templates (告知书模板): the list by kind with the agency's remedy settings, and the edit
// page with the placeholders that kind may use and a preview of the letter with sample values.
import type { OfficialLetter } from '../../core/documents/letter.ts';
import { NOTICE_KIND_LABELS, PLACEHOLDER_LABELS, REMEDY_KINDS, type NoticeKind, type NoticeTemplateView, type RemedySettings } from '../notices/index.ts';
import { Csrf, ConsoleLayout, TextArea, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { shanghaiDateTime } from './format.ts';

export function NoticeTemplatesPage(props: {
  ctx: PageContext;
  templates: NoticeTemplateView[];
  remedy: RemedySettings;
  canEdit: boolean;
  values: FormValues;
  errors: FieldErrorView[];
  notice?: string;
}) {
  const { ctx, remedy } = props;
  return (
    <ConsoleLayout ctx={ctx} title="告知书模板" errors={props.errors} notice={props.notice}>
      <p>答复书和各类告知书由模板生成：编号按本机关、按年度自动顺延（如“××公开〔2026〕12号”），签发后内容固定不变。修改模板只影响今后签发的告知书。</p>
      <div class="table-wrap" role="region" aria-label="告知书模板" tabIndex={0}>
        <table class="table">
          <thead>
            <tr><th scope="col">告知书</th><th scope="col">标题</th><th scope="col">模板</th><th scope="col">修改时间</th></tr>
          </thead>
          <tbody>
            {props.templates.map((t) => (
              <tr>
                <td><a href={`/console/notices/templates/${t.kind}`}>{NOTICE_KIND_LABELS[t.kind]}</a></td>
                <td>{t.title}</td>
                <td>{t.customised ? '本机关修改' : '默认'}</td>
                <td>{t.updatedAt ? shanghaiDateTime(t.updatedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="remedy-title">
        <h2 id="remedy-title">救济途径</h2>
        <p>每份答复书都写明救济途径。自2024年1月1日起，对县级以上地方人民政府工作部门的行政行为不服申请行政复议的，由本级人民政府管辖。</p>
        <p>当前写法：{remedy.sentence}</p>
        {props.canEdit && (
          <form method="post" action="/console/notices/remedy" novalidate>
            <Csrf ctx={ctx} />
            <TextInput name="reconsiderationBody" label="行政复议机关" values={props.values} errors={props.errors} hint={`不填写时为“${remedy.defaults.reconsiderationBody}”`} />
            <TextInput name="litigationCourt" label="行政诉讼受理法院" values={props.values} errors={props.errors} hint={`不填写时为“${remedy.defaults.litigationCourt}”（实行集中管辖的地区请填写具体法院）`} />
            <button type="submit" class="button">保存救济途径</button>
          </form>
        )}
      </section>
    </ConsoleLayout>
  );
}

function LetterPreview(props: { letter: OfficialLetter }) {
  const { letter } = props;
  return (
    <article class="letter-preview" aria-label="告知书预览">
      <h3 class="letter-title">{letter.title}</h3>
      <p class="letter-number">{letter.number}</p>
      <p>{letter.recipient}：</p>
      {letter.paragraphs.flatMap((p) => p.split('\n')).map((line) => <p class="letter-paragraph">{line}</p>)}
      <p class="letter-signature">{letter.signature}</p>
      <p class="letter-signature">{letter.date}</p>
    </article>
  );
}

export function NoticeTemplatePage(props: {
  ctx: PageContext;
  kind: NoticeKind;
  template: NoticeTemplateView;
  placeholders: string[];
  canEdit: boolean;
  values: FormValues;
  errors: FieldErrorView[];
  preview: OfficialLetter | null;
  notice?: string;
}) {
  const { ctx, kind, template } = props;
  return (
    <ConsoleLayout ctx={ctx} title={`告知书模板：${NOTICE_KIND_LABELS[kind]}`} errors={props.errors} notice={props.notice}>
      <p><a href="/console/notices/templates">返回模板列表</a></p>
      <p>{template.customised ? '本机关已修改此模板。' : '此模板为系统默认写法。'}称呼（“××：”）、文号、落款和日期由系统按公文格式排版，模板只包含标题和正文；正文各段之间空一行。</p>
      {props.canEdit && (
        <form method="post" action={`/console/notices/templates/${kind}`} novalidate>
          <Csrf ctx={ctx} />
          <TextInput name="title" label="标题" values={props.values} errors={props.errors} required />
          <TextArea name="body" label="正文" values={props.values} errors={props.errors} rows={16} required
            hint={REMEDY_KINDS.includes(kind) ? '此类告知书必须保留 {remedy}（救济途径）。' : undefined} />
          <div class="actions">
            <button type="submit" name="action" value="preview" class="button button-secondary">预览</button>
            <button type="submit" name="action" value="save" class="button">保存模板</button>
            {template.customised && <button type="submit" name="action" value="reset" class="button button-secondary">恢复默认写法</button>}
          </div>
        </form>
      )}
      <section aria-labelledby="placeholders-title">
        <h2 id="placeholders-title">可用的占位符</h2>
        <div class="table-wrap" role="region" aria-label="可用的占位符" tabIndex={0}>
          <table class="table">
            <thead><tr><th scope="col">占位符</th><th scope="col">含义</th></tr></thead>
            <tbody>
              {props.placeholders.map((p) => (
                <tr><td><code>{`{${p}}`}</code></td><td>{PLACEHOLDER_LABELS[p] ?? p}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {props.preview && (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">预览（示例内容，不占用文号）</h2>
          <LetterPreview letter={props.preview} />
          <p>
            下载已保存模板的样稿：<a href={`/console/notices/templates/${kind}/preview.pdf`}>PDF</a> · <a href={`/console/notices/templates/${kind}/preview.docx`}>Word</a>
          </p>
        </section>
      )}
    </ConsoleLayout>
  );
}
