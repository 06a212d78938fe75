// Screening findings on an item's record page (the confidentiality reviewer masks or keeps each,
// 条例 第十五条) and the sensitive-word lexicon page (sysAdmin).
import { FINDING_TYPE_LABELS, type FindingView, type SensitiveWord } from '../privacy/index.ts';
import { Csrf, ConsoleLayout, errorFor, type FieldErrorView, type FormValues, type PageContext, value } from './console.layout.tsx';
import { shanghaiDateTime } from './format.ts';

const DECISION_LABELS: Record<FindingView['decision'], string> = { pending: '待处理', masked: '已遮盖', kept: '保留' };

function DecisionForms(props: { ctx: PageContext; itemId: string; finding: FindingView; error?: string }) {
  const f = props.finding;
  const action = `/console/items/${props.itemId}/findings/${f.id}`;
  const reasonId = `reason-${f.id}`;
  return (
    <div class="finding-actions">
      <form method="post" action={action} class="inline-form">
        <Csrf ctx={props.ctx} />
        <input type="hidden" name="decision" value="masked" />
        <button type="submit" class="button button-secondary">遮盖为 {f.maskedText}</button>
      </form>
      <form method="post" action={action} class="inline-form">
        <Csrf ctx={props.ctx} />
        <input type="hidden" name="decision" value="kept" />
        <label for={reasonId}>保留理由</label>
        {props.error && <p id={`${reasonId}-error`} class="field-error">{props.error}</p>}
        <input id={reasonId} name="reason" type="text" maxLength={200} placeholder="如：惩戒公示" aria-describedby={props.error ? `${reasonId}-error` : undefined} />
        <button type="submit" class="button button-quiet">保留</button>
      </form>
    </div>
  );
}

export function PrivacyFindingsPanel(props: { ctx: PageContext; itemId: string; findings: FindingView[]; canDecide: boolean; error?: { findingId: string; message: string } }) {
  const pending = props.findings.filter((f) => f.decision === 'pending').length;
  return (
    <section aria-labelledby="privacy-title" class="privacy-findings">
      <h2 id="privacy-title">个人信息与敏感词检查（{props.findings.length} 处，待处理 {pending} 处）</h2>
      <p class="muted">提交审核时自动检查正文和附件。保密审查须逐项遮盖或说明保留理由后才能审核通过；原文保留在档案中，公开的是遮盖后的副本。附件文件中的内容请在“删除处理”中从文件里删除。</p>
      <div class="table-wrap" role="region" aria-label="个人信息与敏感词检查结果" tabIndex={0}>
        <table class="table">
          <thead>
            <tr><th scope="col">位置</th><th scope="col">类型</th><th scope="col">内容</th><th scope="col">处理</th></tr>
          </thead>
          <tbody>
            {props.findings.map((f) => (
              <tr id={`finding-${f.id}`}>
                <td>
                  {f.subjectLabel}
                  {/* Masking changes the searchable text only; the file itself is changed by redaction (删除处理). */}
                  {f.subjectType === 'attachment' && <> · <a href={`/console/items/${props.itemId}/attachments/${f.subjectId}/redact`}>删除处理</a></>}
                </td>
                <td>{FINDING_TYPE_LABELS[f.type]}{f.category ? `（${f.category}）` : ''}{f.confidence < 0.5 ? '（疑似）' : ''}</td>
                <td>{f.text}</td>
                <td>
                  {f.decision === 'pending' && props.canDecide ? (
                    <DecisionForms ctx={props.ctx} itemId={props.itemId} finding={f} error={props.error?.findingId === f.id ? props.error.message : undefined} />
                  ) : (
                    <span>
                      {DECISION_LABELS[f.decision]}
                      {f.decision === 'masked' && `：${f.maskedText}`}
                      {f.decision === 'kept' && `：${f.reason}`}
                      {f.decidedByName && <span class="muted">（{f.decidedByName}，{shanghaiDateTime(f.decidedAt!)}）</span>}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function LexiconPage(props: { ctx: PageContext; words: SensitiveWord[]; values: FormValues; errors: FieldErrorView[]; notice?: string }) {
  const wordError = errorFor(props.errors, 'word');
  return (
    <ConsoleLayout ctx={props.ctx} title="敏感词库" errors={props.errors} notice={props.notice}>
      <p>提交审核的信息会按本词库检查；插入空格、全角字符或大小写变化不影响匹配。</p>
      <form method="post" action="/console/lexicon" class="form" novalidate>
        <Csrf ctx={props.ctx} />
        <div class={`field${wordError ? ' field-error-group' : ''}`}>
          <label for="word">敏感词</label>
          {wordError && <p id="word-error" class="field-error">{wordError}</p>}
          <input id="word" name="word" type="text" maxLength={50} value={value(props.values, 'word')} aria-describedby={wordError ? 'word-error' : undefined} />
        </div>
        <div class="field">
          <label for="category">类别</label>
          <input id="category" name="category" type="text" maxLength={20} value={value(props.values, 'category')} placeholder="如：涉密、违法、不当用语" />
        </div>
        <button type="submit" class="button">添加</button>
      </form>
      <h2>词库（{props.words.length} 个）</h2>
      {props.words.length === 0 ? (
        <p class="muted">词库为空。</p>
      ) : (
        <div class="table-wrap" role="region" aria-label="敏感词库" tabIndex={0}>
          <table class="table">
            <thead><tr><th scope="col">敏感词</th><th scope="col">类别</th><th scope="col">添加时间</th><th scope="col">操作</th></tr></thead>
            <tbody>
              {props.words.map((w) => (
                <tr>
                  <td>{w.word}</td>
                  <td>{w.category}</td>
                  <td>{shanghaiDateTime(w.createdAt)}</td>
                  <td>
                    <form method="post" action={`/console/lexicon/${w.id}/remove`} class="inline-form">
                      <Csrf ctx={props.ctx} />
                      <button type="submit" class="button button-quiet">删除<span class="visually-hidden">“{w.word}”</span></button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ConsoleLayout>
  );
}
