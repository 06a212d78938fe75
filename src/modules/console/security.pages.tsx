// The security administrator's pages (三员分立): the agency's accounts with their state, the
// active sessions with forced sign-out, and one account's roles, unlock and resets.
import { ADMIN_ROLES, ROLE_LABELS, ROLES, type Role } from '../accounts/index.ts';
import { Choices, ConsoleLayout, Csrf, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { shanghaiDateTime } from './format.ts';

export interface SecurityUserView {
  id: string;
  username: string;
  displayName: string;
  departmentName: string | null;
  roles: Role[];
  active: number;
  locked: boolean;
  lockedUntil: string | null;
  totpEnabled: boolean;
}

export interface SessionView {
  tokenHash: string;
  userId: string;
  username: string;
  displayName: string;
  ip: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
}

function StateTags(props: { u: SecurityUserView }) {
  const { u } = props;
  return (
    <>
      {u.active === 1 ? <span class="status status-ok">启用</span> : <span class="status status-off">已停用</span>}
      {u.locked && <span class="tag tag-holiday">已锁定</span>}
      {u.totpEnabled && <span class="tag">动态验证码</span>}
    </>
  );
}

function RevokeButton(props: { ctx: PageContext; field: 'tokenHash' | 'userId'; value: string; label: string; back: string }) {
  return (
    <form method="post" action="/console/security/sessions/revoke" class="inline-form">
      <Csrf ctx={props.ctx} />
      <input type="hidden" name={props.field} value={props.value} />
      <input type="hidden" name="back" value={props.back} />
      <button type="submit" class="button button-small button-quiet">{props.label}</button>
    </form>
  );
}

function SessionsTable(props: { ctx: PageContext; sessions: SessionView[]; back: string }) {
  if (props.sessions.length === 0) return <p class="empty">没有在线会话。</p>;
  return (
    <div class="table-wrap" role="region" aria-label="在线会话" tabIndex={0}>
      <table class="table">
        <caption class="visually-hidden">在线会话</caption>
        <thead><tr><th scope="col">用户</th><th scope="col">登录时间</th><th scope="col">最近活动</th><th scope="col">IP 地址</th><th scope="col">浏览器</th><th scope="col">操作</th></tr></thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr>
              <td>{s.displayName}（{s.username}）</td>
              <td>{shanghaiDateTime(s.createdAt)}</td>
              <td>{shanghaiDateTime(s.lastSeenAt)}</td>
              <td>{s.ip}</td>
              <td>{s.userAgent.slice(0, 60)}</td>
              <td>{s.userId !== props.ctx.user?.id && <RevokeButton ctx={props.ctx} field="tokenHash" value={s.tokenHash} label="强制下线" back={props.back} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SecurityPage(props: { ctx: PageContext; users: SecurityUserView[]; sessions: SessionView[]; notice?: string }) {
  const { ctx } = props;
  return (
    <ConsoleLayout ctx={ctx} title="账号安全管理" notice={props.notice}>
      <p class="hint">三员分立：角色授予、解锁、重置密码和动态验证码、强制下线由安全管理员办理，每次操作均记入审计日志。</p>
      <section aria-labelledby="security-users">
        <h2 id="security-users">本机关账号（{props.users.length}）</h2>
        <div class="table-wrap" role="region" aria-label="本机关账号" tabIndex={0}>
          <table class="table">
            <thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">科室</th><th scope="col">角色</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
            <tbody>
              {props.users.map((u) => (
                <tr>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{u.departmentName ?? '—'}</td>
                  <td>{u.roles.map((r) => ROLE_LABELS[r]).join('、') || '（无）'}</td>
                  <td><StateTags u={u} /></td>
                  <td>{u.id !== ctx.user?.id && <a href={`/console/security/users/${u.id}`}>管理<span class="visually-hidden">{u.username}</span></a>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="security-sessions">
        <h2 id="security-sessions">在线会话（{props.sessions.length}）</h2>
        <SessionsTable ctx={ctx} sessions={props.sessions} back="/console/security" />
      </section>
    </ConsoleLayout>
  );
}

export function SecurityUserPage(props: {
  ctx: PageContext;
  user: SecurityUserView;
  sessions: SessionView[];
  values: FormValues;
  errors: FieldErrorView[];
  notice?: string;
  /** Shown once, right after a reset; never stored in clear. */
  temporaryPassword?: string;
}) {
  const { ctx, user: u } = props;
  const base = `/console/security/users/${u.id}`;
  const verified = (name: string) => (
    <Choices name={name} legend="身份核实" type="checkbox" options={[{ value: '1', label: '已当面或通过可靠渠道核实该用户本人身份' }]} values={{}} errors={props.errors} />
  );
  return (
    <ConsoleLayout ctx={ctx} title={`账号安全：${u.displayName}（${u.username}）`} errors={props.errors} notice={props.notice}>
      <p><a href="/console/security">返回账号安全管理</a></p>
      <p><StateTags u={u} />{u.locked && u.lockedUntil && <span> 锁定至 {shanghaiDateTime(u.lockedUntil)}</span>}</p>
      {props.temporaryPassword && (
        <div class="notice" role="status">
          <p>临时密码（仅显示这一次，请当面或通过安全渠道交给本人；对方登录后须立即修改）：</p>
          <p><code class="temporary-password">{props.temporaryPassword}</code></p>
        </div>
      )}

      <section aria-labelledby="roles-title">
        <h2 id="roles-title">角色</h2>
        <form method="post" action={`${base}/roles`} class="form" novalidate>
          <Csrf ctx={ctx} />
          <Choices
            name="roles"
            legend="授予的角色"
            type="checkbox"
            hint="三员分立：系统管理员、安全管理员、安全审计员须由不同账号担任，且不兼任业务角色"
            options={ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]}${ADMIN_ROLES.includes(r) ? '（管理员）' : ''}` }))}
            values={props.values}
            errors={props.errors}
          />
          <button type="submit" class="button">保存角色</button>
        </form>
      </section>

      <section aria-labelledby="unlock-title">
        <h2 id="unlock-title">登录锁定</h2>
        {u.locked ? (
          <form method="post" action={`${base}/unlock`} class="inline-form">
            <Csrf ctx={ctx} />
            <button type="submit" class="button">解除锁定</button>
          </form>
        ) : <p>账号未锁定。连续 5 次登录失败将锁定 15 分钟。</p>}
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">重置密码</h2>
        <p>生成一个临时密码并结束该用户的全部会话；用户下次登录时须修改密码。</p>
        <form method="post" action={`${base}/password`} class="form" novalidate>
          <Csrf ctx={ctx} />
          {verified('verified')}
          <button type="submit" class="button button-secondary">重置密码</button>
        </form>
      </section>

      <section aria-labelledby="totp-title">
        <h2 id="totp-title">动态验证码</h2>
        {u.totpEnabled ? (
          <form method="post" action={`${base}/totp-reset`} class="form" novalidate>
            <Csrf ctx={ctx} />
            <p>用户丢失或更换手机时，重置后可重新绑定。</p>
            {verified('verifiedTotp')}
            <button type="submit" class="button button-secondary">重置动态验证码</button>
          </form>
        ) : <p>该用户未启用动态验证码。</p>}
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">在线会话（{props.sessions.length}）</h2>
        <SessionsTable ctx={ctx} sessions={props.sessions} back={base} />
        {props.sessions.length > 0 && <RevokeButton ctx={ctx} field="userId" value={u.id} label="全部强制下线" back={base} />}
      </section>
    </ConsoleLayout>
  );
}
