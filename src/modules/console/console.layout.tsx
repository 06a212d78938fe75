// The console's page frame and form parts: skip link, top bar (agency, user, roles, logout),
// side navigation, and the GOV.UK error pattern (title prefix 错误：, summary linking to fields,
// message by each field). No inline styles or scripts: the CSP forbids them.
import type { ComponentChildren } from 'preact';
import { ROLE_LABELS, type SessionUser } from '../accounts/index.ts';
import { navEntries } from './console.policy.ts';

export interface PageContext {
  user: SessionUser | null;
  agencyName: string;
  /** The user's agency has subordinate agencies: the menu then offers the supervision pages. */
  supervisesAgencies: boolean;
  csrf: string;
  path: string;
}

export interface FieldErrorView {
  field: string;
  message: string;
  /** The element id the summary links to; defaults to the field name. */
  anchor?: string;
}

export type FormValues = Record<string, string | string[] | undefined>;

export function value(values: FormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function values(values: FormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

export function errorFor(errors: FieldErrorView[], field: string): string | undefined {
  const messages = errors.filter((e) => e.field === field).map((e) => e.message);
  return messages.length ? messages.join('；') : undefined;
}

export function Csrf(props: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrf} />;
}

function TopBar(props: { ctx: PageContext }) {
  const { user } = props.ctx;
  return (
    <header class="topbar" role="banner">
      <div class="topbar-brand">
        <a href="/console">{props.ctx.agencyName || '政府信息公开平台'}</a>
        <span class="topbar-sub">政务公开管理后台</span>
      </div>
      {user && (
        <div class="topbar-user">
          <span>{user.displayName}</span>
          <span class="topbar-roles">（{user.roles.map((r) => ROLE_LABELS[r]).join('、')}）</span>
          <form method="post" action="/console/logout" class="inline-form">
            <Csrf ctx={props.ctx} />
            <button type="submit" class="button button-quiet">退出登录</button>
          </form>
        </div>
      )}
    </header>
  );
}

function SideNav(props: { user: SessionUser; path: string; supervisesAgencies: boolean }) {
  return (
    <nav class="sidenav" aria-label="后台导航">
      <ul>
        {navEntries(props.user, props).map((e) => (
          <li>
            <a href={e.href} aria-current={props.path === e.href ? 'page' : undefined}>{e.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ErrorSummary(props: { errors: FieldErrorView[] }) {
  if (!props.errors.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">提交的内容有误，请修改以下问题</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#${e.anchor ?? e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice(props: { text?: string }) {
  if (!props.text) return null;
  return (
    <div class="notice" role="status">
      <p>{props.text}</p>
    </div>
  );
}

export function ConsoleLayout(props: {
  ctx: PageContext;
  title: string;
  errors?: FieldErrorView[];
  notice?: string;
  wide?: boolean;
  printable?: boolean;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const errors = props.errors ?? [];
  const fullTitle = `${errors.length ? '错误：' : ''}${props.title} - ${ctx.agencyName || '政务公开管理后台'}`;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href="/assets/console.css" />
        <script src="/assets/console.js" defer></script>
      </head>
      <body class={props.printable ? 'console printable' : 'console'}>
        <a class="skip-link" href="#main">跳到主要内容</a>
        <TopBar ctx={ctx} />
        <div class={ctx.user ? 'console-body' : 'console-body no-nav'}>
          {ctx.user && <SideNav user={ctx.user} path={ctx.path} supervisesAgencies={ctx.supervisesAgencies} />}
          <main id="main" class="console-main" tabindex={-1}>
            <ErrorSummary errors={errors} />
            <Notice text={props.notice} />
            <h1>{props.title}</h1>
            {props.children}
          </main>
        </div>
      </body>
    </html>
  );
}

/** A labelled control with its hint and error; `id` must be the control's id. */
export function Field(props: { id: string; label: string; hint?: string; error?: string; required?: boolean; children: ComponentChildren }) {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id}>
        {props.label}
        {props.required && <span class="required"> （必填）</span>}
      </label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      {props.error && <p class="error-message" id={`${props.id}-error`}><span class="visually-hidden">错误：</span>{props.error}</p>}
      {props.children}
    </div>
  );
}

/** aria-describedby for a control with an optional hint and error. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextInput(props: {
  name: string;
  label: string;
  values: FormValues;
  errors: FieldErrorView[];
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  id?: string;
}) {
  const id = props.id ?? props.name;
  const error = errorFor(props.errors, props.name);
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error} required={props.required}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? '' : value(props.values, props.name)}
        autocomplete={props.autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      />
    </Field>
  );
}

export function TextArea(props: { name: string; label: string; values: FormValues; errors: FieldErrorView[]; hint?: string; rows?: number; required?: boolean; id?: string }) {
  const id = props.id ?? props.name;
  const error = errorFor(props.errors, props.name);
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error} required={props.required}>
      <textarea id={id} name={props.name} rows={props.rows ?? 4} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, error)}>
        {value(props.values, props.name)}
      </textarea>
    </Field>
  );
}

/** A set of radios or checkboxes in a fieldset with a legend; the summary links to the first. */
export function Choices(props: {
  name: string;
  legend: string;
  type: 'radio' | 'checkbox';
  options: { value: string; label: string }[];
  values: FormValues;
  errors: FieldErrorView[];
  hint?: string;
}) {
  const error = errorFor(props.errors, props.name);
  const chosen = values(props.values, props.name);
  return (
    <fieldset class={error ? 'field field-error' : 'field'} aria-describedby={error ? `${props.name}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {error && <p class="error-message" id={`${props.name}-error`}><span class="visually-hidden">错误：</span>{error}</p>}
      <div class="choices">
        {props.options.map((o, i) => (
          <div class="choice">
            <input type={props.type} id={i === 0 ? props.name : `${props.name}-${o.value}`} name={props.name} value={o.value} checked={chosen.includes(o.value)} />
            <label for={i === 0 ? props.name : `${props.name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function Select(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  values: FormValues;
  errors: FieldErrorView[];
  hint?: string;
  required?: boolean;
  multiple?: boolean;
  emptyLabel?: string;
  /** The control's id where one page has several forms with a field of the same name. */
  id?: string;
}) {
  const id = props.id ?? props.name;
  const error = errorFor(props.errors, props.name);
  const chosen = values(props.values, props.name);
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error} required={props.required}>
      <select id={id} name={props.name} multiple={props.multiple} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, error)}>
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={chosen.includes(o.value)}>{o.label}</option>
        ))}
      </select>
    </Field>
  );
}
