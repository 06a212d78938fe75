// "我的账号" for every staff user (等保 2.0 level 3): the last 20 login attempts, the TOTP second
// factor (enrol with a QR code and a confirmation code) and the way to change the password.
import { LOGIN_HISTORY_SHOWN } from '../accounts/index.ts';
import { ConsoleLayout, Csrf, TextInput, type FieldErrorView, type PageContext } from './console.layout.tsx';
import { shanghaiDateTime } from './format.ts';

export interface LoginAttemptView {
  at: string;
  ip: string;
  succeeded: number;
  detail?: string;
}

export const LOGIN_DETAIL_LABELS: Record<string, string> = {
  password: '密码',
  totp: '密码和动态验证码',
  locked: '账号已锁定',
  disabled: '账号已停用',
};

export function resultLabel(a: LoginAttemptView): string {
  const detail = a.detail ?? '';
  if (a.succeeded === 1) return `成功（${LOGIN_DETAIL_LABELS[detail] ?? detail}）`;
  if (a.detail === 'password') return '失败：密码不正确';
  if (a.detail === 'totp') return '失败：动态验证码不正确';
  if (a.detail === 'totpReused') return '失败：动态验证码已使用过（重复提交或验证码被他人获取）';
  return `失败：${LOGIN_DETAIL_LABELS[detail] ?? detail}`;
}

export function AccountPage(props: {
  ctx: PageContext;
  history: LoginAttemptView[];
  totp: { enabled: boolean; enabledAt: string | null };
  pending: { secret: string; qr: string } | null;
  errors: FieldErrorView[];
  notice?: string;
}) {
  const { ctx, totp, pending } = props;
  return (
    <ConsoleLayout ctx={ctx} title="我的账号" errors={props.errors} notice={props.notice}>
      <section aria-labelledby="account-password">
        <h2 id="account-password">登录密码</h2>
        <p>密码须定期更换，不得与最近 5 次使用过的密码相同。<a href="/console/password">修改密码</a></p>
      </section>

      <section aria-labelledby="totp">
        <h2 id="totp">动态验证码（第二重验证）</h2>
        {totp.enabled ? (
          <p><span class="status status-ok">已启用</span> 自 {shanghaiDateTime(totp.enabledAt ?? '')} 起，登录时须输入手机验证器上的 6 位动态验证码。手机丢失或更换时，请联系安全管理员重置。</p>
        ) : pending ? (
          <>
            <p><span class="status status-off">待确认</span> 请用手机验证器（如微信小程序、Microsoft Authenticator、Google Authenticator）扫描下方二维码，然后输入验证器显示的 6 位数字完成绑定。</p>
            <p><img src={pending.qr} alt="动态验证码绑定二维码" width={200} height={200} /></p>
            <p>无法扫码时，可在验证器中手动输入密钥：<code>{pending.secret}</code></p>
            <form method="post" action="/console/account/totp/confirm" class="form" novalidate>
              <Csrf ctx={ctx} />
              <TextInput name="code" label="6 位动态验证码" hint="验证器上显示的数字，每 30 秒更新一次" values={{}} errors={props.errors} autocomplete="one-time-code" required />
              <button type="submit" class="button">确认绑定</button>
            </form>
          </>
        ) : (
          <>
            <p><span class="status status-off">未启用</span> 启用后，登录时除密码外还须输入手机验证器上的动态验证码，他人即使知道密码也无法登录。</p>
            <form method="post" action="/console/account/totp" class="inline-form">
              <Csrf ctx={ctx} />
              <button type="submit" class="button">开始绑定动态验证码</button>
            </form>
          </>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">最近 {LOGIN_HISTORY_SHOWN} 次登录记录</h2>
        <p class="hint">如发现不是本人的登录，请立即修改密码并告知安全管理员。</p>
        {props.history.length === 0 ? <p class="empty">暂无登录记录。</p> : (
          <div class="table-wrap" role="region" aria-label="登录记录" tabIndex={0}>
            <table class="table">
              <caption class="visually-hidden">登录记录</caption>
              <thead><tr><th scope="col">时间</th><th scope="col">IP 地址</th><th scope="col">结果</th></tr></thead>
              <tbody>
                {props.history.map((a) => (
                  <tr>
                    <td>{shanghaiDateTime(a.at)}</td>
                    <td>{a.ip}</td>
                    <td>{a.succeeded === 1 ? <span class="status status-ok">{resultLabel(a)}</span> : <span class="status status-off">{resultLabel(a)}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </ConsoleLayout>
  );
}
