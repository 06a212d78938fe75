// The portal's form parts, following the GOV.UK pattern (UX.md "Forms"): one visible label per
// control, a hint, the error message by the field, an error summary at the top linking to each
// field, and every value typed put back after a failed submit. Used by /apply and /track.
import type { ComponentChildren } from 'preact';

export type FormValues = Record<string, string | string[] | undefined>;

export interface FieldError {
  field: string;
  message: string;
}

export function valueOf(values: FormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

function chosenOf(values: FormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

export function errorOf(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The box at the top of a failed form: each message links to its field (the id is the field name). */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  if (!errors.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">提交的内容有问题</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ErrorMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p class="error-message" id={`${id}-error`}>
      <span class="visually-hidden">错误：</span>
      {message}
    </p>
  );
}

interface FieldProps {
  name: string;
  label: string;
  values: FormValues;
  errors: FieldError[];
  hint?: ComponentChildren;
  optional?: boolean;
}

function Label({ id, label, optional }: { id: string; label: string; optional?: boolean }) {
  return (
    <label class="form-label" htmlFor={id}>
      {label}
      {optional && <span class="optional">（选填）</span>}
    </label>
  );
}

export function TextField(props: FieldProps & { type?: string; autocomplete?: string; inputMode?: string; maxLength?: number; width?: 'short' | 'medium' }) {
  const { name } = props;
  const error = errorOf(props.errors, name);
  return (
    <div class={error ? 'form-group form-group-error' : 'form-group'}>
      <Label id={name} label={props.label} optional={props.optional} />
      {props.hint && <p class="hint" id={`${name}-hint`}>{props.hint}</p>}
      <ErrorMessage id={name} message={error} />
      <input
        class={`text-input${props.width ? ` input-${props.width}` : ''}`}
        id={name}
        name={name}
        type={props.type ?? 'text'}
        value={valueOf(props.values, name)}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode as 'numeric' | 'tel' | 'email' | undefined}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, props.hint, error)}
      />
    </div>
  );
}

export function TextAreaField(props: FieldProps & { rows?: number; maxLength?: number }) {
  const { name } = props;
  const error = errorOf(props.errors, name);
  return (
    <div class={error ? 'form-group form-group-error' : 'form-group'}>
      <Label id={name} label={props.label} optional={props.optional} />
      {props.hint && <div class="hint" id={`${name}-hint`}>{props.hint}</div>}
      <ErrorMessage id={name} message={error} />
      <textarea
        class="text-area"
        id={name}
        name={name}
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, props.hint, error)}
      >
        {valueOf(props.values, name)}
      </textarea>
    </div>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }) {
  const { name } = props;
  const error = errorOf(props.errors, name);
  const chosen = valueOf(props.values, name);
  return (
    <div class={error ? 'form-group form-group-error' : 'form-group'}>
      <Label id={name} label={props.label} optional={props.optional} />
      {props.hint && <p class="hint" id={`${name}-hint`}>{props.hint}</p>}
      <ErrorMessage id={name} message={error} />
      <select id={name} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(name, props.hint, error)}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === chosen}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radios or checkboxes in a fieldset; the first control carries the field's id for the summary link. */
export function ChoiceField(props: Omit<FieldProps, 'label'> & { legend: string; type: 'radio' | 'checkbox'; options: { value: string; label: string; hint?: string }[] }) {
  const { name } = props;
  const error = errorOf(props.errors, name);
  const chosen = chosenOf(props.values, name);
  return (
    <div class={error ? 'form-group form-group-error' : 'form-group'}>
      <fieldset class="fieldset" aria-describedby={describedBy(name, props.hint, error)}>
        <legend class="form-label">
          {props.legend}
          {props.optional && <span class="optional">（选填）</span>}
        </legend>
        {props.hint && <p class="hint" id={`${name}-hint`}>{props.hint}</p>}
        <ErrorMessage id={name} message={error} />
        <div class={props.type === 'radio' ? 'radios' : 'checkboxes'}>
          {props.options.map((o, i) => {
            const id = i === 0 ? name : `${name}-${o.value}`;
            return (
              <div class="choice-item">
                <input type={props.type} id={id} name={name} value={o.value} checked={chosen.includes(o.value)} aria-describedby={o.hint ? `${id}-item-hint` : undefined} />
                <label htmlFor={id}>{o.label}</label>
                {o.hint && (
                  <p class="hint choice-hint" id={`${id}-item-hint`}>
                    {o.hint}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A group of questions under a heading (申请人信息, 联系方式…). */
export function FormSection({ id, title, children, hint }: { id: string; title: string; hint?: string; children: ComponentChildren }) {
  return (
    <section class="form-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint && <p class="hint">{hint}</p>}
      {children}
    </section>
  );
}
