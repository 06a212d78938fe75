// An item's record page (metadata, deadline, body, attachments, timeline, the actions the user
// may take) and the printable review record sheet (审核记录 / 保密审查记录).
import { DISCLOSURE_MODE_LABELS, SCOPE_LABELS, STATUS_LABELS, VALIDITY_LABELS, type ItemDetail } from '../catalog/catalog.contract.ts';
import { VERB_LABELS, type ReviewRecord, type ReviewVerb } from '../review/review.contract.ts';
import { Csrf, ConsoleLayout, describedBy, errorFor, type FieldErrorView, type FormValues, type PageContext, value } from './console.layout.tsx';
import { DueCell } from './home.pages.tsx';
import { shanghaiDate, shanghaiDateTime } from './format.ts';
import type { ItemDeadlineView } from './item-deadline.ts';
import { formatSize } from './items.pages.tsx';
import { REDACTABLE_TYPES, type AttachmentRedactionState, type FindingView } from '../privacy/index.ts';
import { PrivacyFindingsPanel } from './privacy.pages.tsx';
import { ItemOfficePanel } from './item-office.pages.tsx';
import type { ItemOfficeView } from './item-office.ts';

export const STEP_LABELS: Record<string, string> = {
  draft: '起草',
  departmentReview: '科室初审',
  confidentialityReview: '保密审查',
  leaderApproval: '领导审定',
  principalApproval: '主要领导审定',
  officeCheck: '公开办复核',
  published: '发布',
};
export const CONCLUSION_LABELS: Record<ReviewRecord['conclusion'], string> = { submitted: '提交审核', approved: '同意', sentBack: '退回修改', published: '发布', takenDown: '撤稿' };

const NOTICES: Record<string, string> = {
  created: '草稿已创建。',
  saved: '草稿已保存。',
  revised: '修订已保存，原版本已存档。',
  repealed: '已废止；废止说明须在 10 个工作日内公开。',
  clarification: '澄清说明已保存；提交审核后走快速审核通道。',
  ...Object.fromEntries(Object.entries(VERB_LABELS).map(([verb, label]) => [verb, `已${label}。`])),
};

export const recordNotice = (done: string | undefined) => (done ? NOTICES[done] : undefined);

export interface RecordPermissions {
  verbs: ReviewVerb[];
  canEdit: boolean;
  canRevise: boolean;
  canRepeal: boolean;
}

function Meta(props: { item: ItemDetail }) {
  const i = props.item;
  const rows: [string, string][] = [
    ['索引号', i.indexNumber ?? '（发布时生成）'],
    ['栏目', i.columnName],
    ['主题分类', i.topic || '—'],
    ['发文机关', i.issuers.join('、') || '—'],
    ['成文日期', i.writtenOn ?? '—'],
    ['发文字号', i.docNumber || '—'],
    ['发布日期', i.publishedOn ?? '—'],
    ['有效性', VALIDITY_LABELS[i.validity]],
    ['公开方式', DISCLOSURE_MODE_LABELS[i.disclosureMode] + (i.disclosureModeReason ? `（${i.disclosureModeReason}）` : '')],
    ['公开范围', SCOPE_LABELS[i.scope]],
    ['承办科室', i.departmentName],
    ['重大事项', i.isMajor ? '是（须主要领导审定）' : '否'],
    ['状态', STATUS_LABELS[i.status]],
    ['版本', String(i.version)],
  ];
  return (
    <table class="table meta">
      <tbody>
        {rows.map(([k, v]) => (
          <tr><th scope="row">{k}</th><td>{v}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

function ActionForm(props: { ctx: PageContext; itemId: string; verb: ReviewVerb; values: FormValues; errors: FieldErrorView[] }) {
  const { verb } = props;
  const opinionId = `opinion-${verb}`;
  const basisId = `basis-${verb}`;
  const opinionError = errorFor(props.errors, opinionId);
  const required = verb === 'sendBack' || verb === 'takedown';
  return (
    <form method="post" action={`/console/items/${props.itemId}/act`} class={`form action-form action-${verb}`} id={`action-${verb}`} novalidate>
      <Csrf ctx={props.ctx} />
      <input type="hidden" name="verb" value={verb} />
      <h3>{VERB_LABELS[verb]}</h3>
      <div class={opinionError ? 'field field-error' : 'field'}>
        <label for={opinionId}>意见{required && <span class="required"> （必填）</span>}</label>
        {opinionError && <p class="error-message" id={`${opinionId}-error`}><span class="visually-hidden">错误：</span>{opinionError}</p>}
        <textarea id={opinionId} name="opinion" rows={3} aria-invalid={opinionError ? 'true' : undefined} aria-describedby={describedBy(opinionId, undefined, opinionError)}>
          {value(props.values, opinionId)}
        </textarea>
      </div>
      <div class="field">
        <label for={basisId}>依据</label>
        <input id={basisId} name="basis" type="text" value={value(props.values, basisId)} />
      </div>
      <button type="submit" class={verb === 'sendBack' || verb === 'takedown' ? 'button button-warning' : 'button'}>{VERB_LABELS[verb]}</button>
    </form>
  );
}

function RepealForm(props: { ctx: PageContext; itemId: string; values: FormValues; errors: FieldErrorView[] }) {
  const dateError = errorFor(props.errors, 'repealedOn');
  const reasonError = errorFor(props.errors, 'reason');
  return (
    <form method="post" action={`/console/items/${props.itemId}/repeal`} class="form action-form" novalidate>
      <Csrf ctx={props.ctx} />
      <h3>废止</h3>
      <div class={dateError ? 'field field-error' : 'field'}>
        <label for="repealedOn">废止日期</label>
        {dateError && <p class="error-message" id="repealedOn-error">{dateError}</p>}
        <input id="repealedOn" name="repealedOn" type="date" value={value(props.values, 'repealedOn')} aria-describedby={dateError ? 'repealedOn-error' : undefined} />
      </div>
      <div class={reasonError ? 'field field-error' : 'field'}>
        <label for="reason">废止原因</label>
        {reasonError && <p class="error-message" id="reason-error">{reasonError}</p>}
        <textarea id="reason" name="reason" rows={2} aria-describedby={reasonError ? 'reason-error' : undefined}>{value(props.values, 'reason')}</textarea>
      </div>
      <button type="submit" class="button button-warning">废止</button>
    </form>
  );
}

/**
 * Whether the portal serves this attachment or its redacted copy (区分处理, 第三十七条), and areas
 * marked but not yet applied (the public file changes only on 应用删除).
 */
function RedactionNote(props: { href: string; state: AttachmentRedactionState | undefined }) {
  const copy = props.state?.copy;
  const pending = props.state?.pendingAreas ?? 0;
  if (!copy && !pending) return <> · <a href={props.href}>删除处理</a></>;
  return (
    <>
      {copy && (
        <>
          {' '}· <strong class="redaction-state">已删除处理，公开的是处理后的副本</strong>
          <span class="muted">（{copy.areaCount} 处，{copy.appliedByName} 于 {shanghaiDateTime(copy.appliedAt)} 应用）</span>
        </>
      )}
      {pending > 0 && <> · <span class="redaction-pending">{pending} 处删除区域待应用{copy ? '，应用后更新公开副本' : '，应用前公开的是原件'}</span></>}
      {' '}· <a href={props.href}>查看删除处理</a>
    </>
  );
}

export function Timeline(props: { records: ReviewRecord[] }) {
  if (!props.records.length) return <p class="muted">尚无审核记录。</p>;
  return (
    <ol class="timeline">
      {props.records.map((r) => (
        <li>
          <p>
            <strong>{STEP_LABELS[r.step] ?? r.step}</strong> · {CONCLUSION_LABELS[r.conclusion]} · {r.reviewerName} ·{' '}
            <time datetime={r.at}>{shanghaiDateTime(r.at)}</time>
          </p>
          {r.opinion && <p>意见：{r.opinion}</p>}
          {r.basis && <p>依据：{r.basis}</p>}
        </li>
      ))}
    </ol>
  );
}

export function ItemRecordPage(props: {
  ctx: PageContext;
  item: ItemDetail;
  deadline: ItemDeadlineView | null;
  records: ReviewRecord[];
  can: RecordPermissions;
  values: FormValues;
  errors: FieldErrorView[];
  notice?: string;
  privacy?: { findings: FindingView[]; canDecide: boolean; error?: { findingId: string; message: string } };
  /** Clarification, release coordination and reading rooms (office-records module). */
  office?: ItemOfficeView;
  /** By attachment id: its redacted copy and pending areas (privacy module). */
  redactions?: Record<string, AttachmentRedactionState>;
}) {
  const { ctx, item, can } = props;
  return (
    <ConsoleLayout ctx={ctx} title={item.title} errors={props.errors} notice={props.notice}>
      <p class="record-links">
        {can.canEdit && <a class="button button-secondary" href={`/console/items/${item.id}/edit`}>编辑草稿</a>}
        {can.canRevise && <a class="button button-secondary" href={`/console/items/${item.id}/revise`}>修订</a>}
        <a href={`/console/items/${item.id}/review-records`}>审核记录（可打印）</a>
        {' '}<a href={`/console/items/${item.id}/redactions`}>删除记录（可打印）</a>
      </p>
      {props.deadline && (
        <section aria-labelledby="deadline-title" class="deadline-box">
          <h2 id="deadline-title">{props.deadline.label}</h2>
          <DueCell dueOn={props.deadline.dueOn} dueState={props.deadline.state} explanation={props.deadline.explanation} />
        </section>
      )}
      {(can.verbs.length > 0 || can.canRepeal) && (
        <section aria-labelledby="actions-title" class="actions">
          <h2 id="actions-title">办理</h2>
          {can.verbs.map((verb) => (
            <ActionForm ctx={ctx} itemId={item.id} verb={verb} values={props.values} errors={props.errors} />
          ))}
          {can.canRepeal && <RepealForm ctx={ctx} itemId={item.id} values={props.values} errors={props.errors} />}
        </section>
      )}
      {props.privacy && props.privacy.findings.length > 0 && <PrivacyFindingsPanel ctx={ctx} itemId={item.id} {...props.privacy} />}
      {props.office && <ItemOfficePanel ctx={ctx} itemId={item.id} view={props.office} values={props.values} errors={props.errors} />}
      <section aria-labelledby="meta-title">
        <h2 id="meta-title">基本信息</h2>
        <Meta item={item} />
        {item.summary && <p class="summary">摘要：{item.summary}</p>}
      </section>
      <section aria-labelledby="body-title">
        <h2 id="body-title">正文预览</h2>
        {/* bodyHtml is sanitised by the catalog service (catalog.contract: safe to insert as-is). */}
        <div class="body-preview" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      </section>
      <section aria-labelledby="att-title">
        <h2 id="att-title">附件（{item.attachments.length}）</h2>
        {item.attachments.length === 0 && <p class="muted">无附件。</p>}
        {item.attachments.length > 0 && (
          <ul>
            {item.attachments.map((a) => (
              <li>
                <a href={`/console/attachments/${a.id}`}>{a.filename}</a> <span class="muted">（{formatSize(a.size)}）</span>
                {REDACTABLE_TYPES.has(a.mediaType) && <RedactionNote href={`/console/items/${item.id}/attachments/${a.id}/redact`} state={props.redactions?.[a.id]} />}
              </li>
            ))}
          </ul>
        )}
        {(item.interprets.length > 0 || item.interpretations.length > 0) && (
          <>
            <h3>关联的政策文件与解读</h3>
            <ul>
              {item.interprets.map((i) => <li>解读的文件：<a href={`/console/items/${i.id}`}>{i.title}</a></li>)}
              {item.interpretations.map((i) => <li>政策解读：<a href={`/console/items/${i.id}`}>{i.title}</a></li>)}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">办理过程</h2>
        <Timeline records={props.records} />
      </section>
    </ConsoleLayout>
  );
}

export function ReviewSheetPage(props: { ctx: PageContext; item: ItemDetail; records: ReviewRecord[]; printedOn: string }) {
  const { item } = props;
  return (
    <ConsoleLayout ctx={props.ctx} title="政府信息公开审核记录（含保密审查记录）" printable>
      <table class="table sheet">
        <tbody>
          <tr><th scope="row">信息标题</th><td colspan={3}>{item.title}</td></tr>
          <tr><th scope="row">发文字号</th><td>{item.docNumber || '—'}</td><th scope="row">索引号</th><td>{item.indexNumber ?? '—'}</td></tr>
          <tr><th scope="row">承办科室</th><td>{item.departmentName}</td><th scope="row">公开方式</th><td>{DISCLOSURE_MODE_LABELS[item.disclosureMode]}</td></tr>
          <tr><th scope="row">内容摘要</th><td colspan={3}>{item.summary || '—'}</td></tr>
        </tbody>
      </table>
      <table class="table sheet">
        <caption>审核过程</caption>
        <thead>
          <tr><th scope="col">环节</th><th scope="col">审核意见</th><th scope="col">依据</th><th scope="col">结论</th><th scope="col">审核人</th><th scope="col">日期</th></tr>
        </thead>
        <tbody>
          {props.records.map((r) => (
            <tr>
              <td>{STEP_LABELS[r.step] ?? r.step}</td>
              <td>{r.opinion || '—'}</td>
              <td>{r.basis || '—'}</td>
              <td>{CONCLUSION_LABELS[r.conclusion]}</td>
              <td>{r.reviewerName}</td>
              <td>{shanghaiDate(r.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.records.length === 0 && <p>尚无审核记录。</p>}
      <p class="muted">打印日期：{props.printedOn} · 本记录由系统生成，随信息一并归档。</p>
      <p class="no-print"><a href={`/console/items/${item.id}`}>返回记录页</a></p>
    </ConsoleLayout>
  );
}
