// Column (栏目) administration: the catalog tree, and the create/edit form.
import type { ColumnNode } from '../catalog/catalog.contract.ts';
import { columnOptions, flattenColumns } from './column-tree.ts';
import { Choices, Csrf, ConsoleLayout, Select, TextArea, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';

export function ColumnsPage(props: {
  ctx: PageContext;
  tree: ColumnNode[];
  departments: { id: string; name: string }[];
  editing: ColumnNode | null;
  values: FormValues;
  errors: FieldErrorView[];
  notice?: string;
}) {
  const { ctx, editing } = props;
  const deptName = new Map(props.departments.map((d) => [d.id, d.name]));
  // A column cannot become its own descendant's child.
  const excluded = new Set(editing ? flattenColumns([editing]).map((c) => c.node.id) : []);
  const parents = columnOptions(props.tree).filter((o) => !excluded.has(o.value));
  return (
    <ConsoleLayout ctx={ctx} title={editing ? `编辑栏目：${editing.name}` : '目录栏目'} errors={props.errors} notice={props.notice}>
      {!editing && (
        <section aria-labelledby="tree-title">
          <h2 id="tree-title">政府信息公开目录</h2>
          <div class="table-wrap" role="region" aria-label="政府信息公开目录" tabIndex={0}>
            <table class="table">
              <thead>
                <tr><th scope="col">栏目</th><th scope="col">代码</th><th scope="col">更新周期</th><th scope="col">责任科室</th><th scope="col">操作</th></tr>
              </thead>
              <tbody>
                {flattenColumns(props.tree).map(({ node, depth }) => (
                  <tr>
                    <td><span class={`indent indent-${Math.min(depth, 5)}`}>{depth > 0 && <span aria-hidden="true">└ </span>}{node.name}</span></td>
                    <td>{node.code}</td>
                    <td>{node.updateIntervalDays ? `${node.updateIntervalDays} 天` : '按需更新'}</td>
                    <td>{node.departmentIds.map((id) => deptName.get(id) ?? '').filter(Boolean).join('、') || '—'}</td>
                    <td><a href={`/console/columns/${node.id}/edit`}>编辑<span class="visually-hidden">{node.name}</span></a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {props.tree.length === 0 && <p class="empty">尚未建立栏目。</p>}
        </section>
      )}
      <section aria-labelledby="column-form-title">
        <h2 id="column-form-title">{editing ? '栏目信息' : '新建栏目'}</h2>
        <form method="post" action={editing ? `/console/columns/${editing.id}/edit` : '/console/columns'} class="form" novalidate>
          <Csrf ctx={ctx} />
          <TextInput name="name" label="栏目名称" values={props.values} errors={props.errors} required />
          <TextInput name="code" label="栏目代码" hint="小写字母、数字或连字符，例如 policy-files" values={props.values} errors={props.errors} required />
          <Select name="parentId" label="上级栏目" emptyLabel="（顶级栏目）" options={parents} values={props.values} errors={props.errors} />
          <TextArea name="description" label="栏目说明" rows={2} values={props.values} errors={props.errors} />
          <TextInput name="sortOrder" label="排序" hint="数字小的排在前面" values={props.values} errors={props.errors} />
          <TextInput name="updateIntervalDays" label="更新周期（天）" hint="例如 30 表示每月至少更新一次；按需更新的留空" values={props.values} errors={props.errors} />
          <Choices name="departmentIds" legend="责任科室" type="checkbox" options={props.departments.map((d) => ({ value: d.id, label: d.name }))} values={props.values} errors={props.errors} />
          <button type="submit" class="button">{editing ? '保存栏目' : '创建栏目'}</button>
          {editing && <a class="button button-quiet" href="/console/columns">返回目录</a>}
        </form>
      </section>
    </ConsoleLayout>
  );
}
