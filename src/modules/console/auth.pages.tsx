// Login and change-password pages.
import { PASSWORD_RULE_HINT } from '../accounts/index.ts';
import { Csrf, ConsoleLayout, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';

export function LoginPage(props: { ctx: PageContext; values: FormValues; errors: FieldErrorView[]; next: string; notice?: string }) {
  return (
    <ConsoleLayout ctx={props.ctx} title="工作人员登录" errors={props.errors} notice={props.notice}>
      <form method="post" action={`/console/login?next=${encodeURIComponent(props.next)}`} class="form narrow" novalidate>
        <Csrf ctx={props.ctx} />
        <TextInput name="username" label="用户名" values={props.values} errors={props.errors} autocomplete="username" required />
        <TextInput name="password" label="密码" type="password" values={props.values} errors={props.errors} autocomplete="current-password" required />
        <button type="submit" class="button">登录</button>
      </form>
      <p class="hint">连续输错 5 次密码，账号将锁定 15 分钟。忘记密码请联系安全管理员。</p>
    </ConsoleLayout>
  );
}

/** The second step for accounts with a TOTP second factor: the challenge travels in a hidden field. */
export function TotpLoginPage(props: { ctx: PageContext; challenge: string; next: string; errors: FieldErrorView[] }) {
  return (
    <ConsoleLayout ctx={props.ctx} title="输入动态验证码" errors={props.errors}>
      <form method="post" action={`/console/login/totp?next=${encodeURIComponent(props.next)}`} class="form narrow" novalidate>
        <Csrf ctx={props.ctx} />
        <input type="hidden" name="challenge" value={props.challenge} />
        <TextInput name="code" label="动态验证码" hint="手机验证器应用中显示的 6 位数字" values={{}} errors={props.errors} autocomplete="one-time-code" required />
        <button type="submit" class="button">验证并登录</button>
      </form>
      <p class="hint">手机丢失或无法获取验证码，请联系安全管理员重置。</p>
    </ConsoleLayout>
  );
}

export function PasswordPage(props: { ctx: PageContext; errors: FieldErrorView[]; forced: boolean; notice?: string }) {
  return (
    <ConsoleLayout ctx={props.ctx} title="修改密码" errors={props.errors} notice={props.notice}>
      {props.forced && <p class="callout">首次登录或密码已被重置：请先设置新密码，然后才能使用其他功能。</p>}
      <form method="post" action="/console/password" class="form narrow" novalidate>
        <Csrf ctx={props.ctx} />
        <TextInput name="currentPassword" label="当前密码" type="password" values={{}} errors={props.errors} autocomplete="current-password" required />
        <TextInput
          name="newPassword"
          label="新密码"
          type="password"
          values={{}}
          errors={props.errors}
          autocomplete="new-password"
          hint={PASSWORD_RULE_HINT}
          required
        />
        <TextInput name="confirmPassword" label="再次输入新密码" type="password" values={{}} errors={props.errors} autocomplete="new-password" required />
        <button type="submit" class="button">保存新密码</button>
      </form>
    </ConsoleLayout>
  );
}
