// User administration: the agency's accounts with roles, a create form, enable/disable buttons.
import { ROLE_LABELS, type Role } from '../accounts/index.ts';
import { Choices, Csrf, ConsoleLayout, Select, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  departmentName: string | null;
  roles: (keyof typeof ROLE_LABELS)[];
  active: number;
  isPrincipalLeader: number;
}

export function UsersPage(props: {
  ctx: PageContext;
  users: UserRow[];
  departments: { id: string; name: string }[];
  values: FormValues;
  errors: FieldErrorView[];
  notice?: string;
  /** The roles this administrator may grant (三员分立: the system administrator only work roles). */
  roleOptions: readonly Role[];
}) {
  const { ctx } = props;
  return (
    <ConsoleLayout ctx={ctx} title="用户管理" errors={props.errors} notice={props.notice}>
      <section aria-labelledby="users-list">
        <h2 id="users-list">本机关用户（{props.users.length}）</h2>
        <div class="table-wrap" role="region" aria-label="本机关用户" tabIndex={0}>
          <table class="table">
            <thead>
              <tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">科室</th><th scope="col">角色</th><th scope="col">状态</th><th scope="col">操作</th></tr>
            </thead>
            <tbody>
              {props.users.map((u) => (
                <tr>
                  <td>{u.username}</td>
                  <td>{u.displayName}{u.isPrincipalLeader === 1 && <span class="tag">主要领导</span>}</td>
                  <td>{u.departmentName ?? '—'}</td>
                  <td>{u.roles.map((r) => ROLE_LABELS[r]).join('、')}</td>
                  <td>{u.active === 1 ? <span class="status status-ok">启用</span> : <span class="status status-off">已停用</span>}</td>
                  <td>
                    {u.id !== ctx.user?.id && (
                      <form method="post" action={`/console/users/${u.id}/active`} class="inline-form">
                        <Csrf ctx={ctx} />
                        <input type="hidden" name="active" value={u.active === 1 ? '0' : '1'} />
                        <button type="submit" class="button button-small button-quiet">
                          {u.active === 1 ? '停用' : '启用'}<span class="visually-hidden">{u.username}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="users-new">
        <h2 id="users-new">新建用户</h2>
        <form method="post" action="/console/users" class="form" novalidate>
          <Csrf ctx={ctx} />
          <TextInput name="username" label="用户名" hint="3–32 位字母、数字、点、下划线或连字符，以字母开头" values={props.values} errors={props.errors} required />
          <TextInput name="displayName" label="姓名" values={props.values} errors={props.errors} required />
          <Select
            name="departmentId"
            label="所属科室"
            emptyLabel="（不属于科室）"
            options={props.departments.map((d) => ({ value: d.id, label: d.name }))}
            values={props.values}
            errors={props.errors}
          />
          <Choices
            name="roles"
            legend="角色"
            type="checkbox"
            hint="三员分立：系统管理员、安全管理员、安全审计员须由不同账号担任，且不兼任业务角色"
            options={props.roleOptions.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            values={props.values}
            errors={props.errors}
          />
          <Choices name="isPrincipalLeader" legend="主要领导" type="checkbox" options={[{ value: '1', label: '是本机关主要领导（审定重大事项）' }]} values={props.values} errors={props.errors} />
          <TextInput name="password" label="初始密码" type="password" hint="至少 10 位，含字母、数字和符号；用户首次登录须修改" values={{}} errors={props.errors} autocomplete="new-password" required />
          <button type="submit" class="button">创建用户</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}
