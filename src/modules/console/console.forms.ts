// Form plumbing shared by the console routes: reading url-encoded and multipart bodies into one
// shape, turning zod issues and AppErrors into field errors, and safe redirect targets.
import type { FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { AppError } from '../../core/errors.ts';
import { refuseNulFields } from '../../core/http/reject-nul.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';

export interface UploadedFile {
  field: string;
  filename: string;
  bytes: Buffer;
}

/** Url-encoded or multipart form: every field as string or string[], files kept apart. */
export async function readForm(request: FastifyRequest): Promise<{ values: FormValues; files: UploadedFile[] }> {
  const values: FormValues = {};
  const files: UploadedFile[] = [];
  const add = (name: string, v: string) => {
    const prev = values[name];
    values[name] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  };
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename && bytes.length) files.push({ field: part.fieldname, filename: part.filename, bytes });
      } else {
        add(part.fieldname, String(part.value ?? ''));
      }
    }
  } else {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(body)) {
      if (Array.isArray(v)) v.forEach((x) => add(k, String(x)));
      else if (v !== undefined && v !== null) add(k, String(v));
    }
  }
  delete values._csrf;
  // PostgreSQL cannot store a NUL: a field (or file name) with one is refused by its name.
  refuseNulFields({ ...values, ...Object.fromEntries(files.map((f) => [f.field, f.filename])) });
  return { values, files };
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrorView[] };

export function parseForm<T>(schema: ZodType<T>, input: unknown): Parsed<T> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, data: r.data };
  const errors: FieldErrorView[] = [];
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
  }
  return { ok: false, errors };
}

/**
 * A user-correctable service error as field errors (422 validation, 409 conflicts, role
 * separation…), so the form can be shown again with everything typed; anything else rethrown.
 * `fallbackField` receives errors that name no field.
 */
export function fieldErrorsOf(err: unknown, fallbackField: string, fieldMap: Record<string, string> = {}): FieldErrorView[] {
  if (!(err instanceof AppError) || err.status >= 500 || err.status === 401 || err.status === 403 || err.status === 404) throw err;
  if (err.fields.length) {
    return err.fields.map((f) => {
      const field = fieldMap[f.field] ?? f.field.split('.')[0];
      return { field, message: f.message };
    });
  }
  return [{ field: fieldMap[err.code] ?? fallbackField, message: err.message }];
}

/** Only paths inside the console may be a login's `next` (no open redirects). */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string') return '/console';
  if (!/^\/console(\/|\?|$)/.test(next) || next.includes('\\') || next.includes('//')) return '/console';
  return next;
}

export const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
