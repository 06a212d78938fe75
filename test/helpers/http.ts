// HTTP test helpers: sign in through the console login form with app.inject and carry the
// session cookie and CSRF token into later form posts.
import type { FastifyInstance } from 'fastify';

export interface TestSession {
  /** Cookie header value (session and, when present, the anonymous CSRF cookie). */
  cookie: string;
  /** The CSRF token to submit with forms. */
  csrf: string;
}

type InjectResponse = Awaited<ReturnType<FastifyInstance['inject']>>;

/** The value of `name` in a response's set-cookie headers, if set. */
export function cookieFrom(res: InjectResponse, name: string): string | undefined {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  for (const c of list) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    if (pair.slice(0, i) === name) return pair.slice(i + 1);
  }
  return undefined;
}

/** The first `_csrf` hidden field's value in an HTML page. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no _csrf field in page');
  return m[1];
}

/** An anonymous visitor's session: the CSRF cookie and token from the login page. */
export async function anonymousSession(app: FastifyInstance): Promise<TestSession> {
  const page = await app.inject({ method: 'GET', url: '/console/login' });
  const token = cookieFrom(page, 'gk_csrf');
  if (!token) throw new Error('login page set no CSRF cookie');
  return { cookie: `gk_csrf=${token}`, csrf: csrfFrom(page.body) };
}

export function encodeForm(fields: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  }
  return params.toString();
}

/** POSTs an url-encoded form with the session's cookie and CSRF token (`csrf: false` leaves the token out). */
export function form(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | string[] | undefined>,
  session: TestSession,
  opts: { csrf?: boolean } = {},
) {
  const body = opts.csrf === false ? fields : { _csrf: session.csrf, ...fields };
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm(body),
  });
}

/** GET with the session's cookie. */
export function get(app: FastifyInstance, url: string, session: TestSession) {
  return app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
}

/** Signs in through /console/login; throws unless the login succeeds. */
export async function loginAs(app: FastifyInstance, username: string, password: string): Promise<TestSession> {
  const anon = await anonymousSession(app);
  const res = await form(app, '/console/login', { username, password }, anon);
  const session = cookieFrom(res, 'gk_session');
  if (res.statusCode !== 303 || !session) throw new Error(`login as ${username} failed: ${res.statusCode}`);
  const cookie = `gk_session=${session}`;
  // The signed-in CSRF token belongs to the session: read it from the next page's forms.
  const next = res.headers.location as string;
  let page = await app.inject({ method: 'GET', url: next, headers: { cookie } });
  if (page.statusCode === 303) page = await app.inject({ method: 'GET', url: page.headers.location as string, headers: { cookie } });
  return { cookie, csrf: csrfFrom(page.body) };
}

/**
 * POSTs a multipart/form-data form (file uploads). As the console's upload forms do, the CSRF
 * token travels in the action URL's `_csrf` query parameter.
 */
export function multipartForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | string[]>,
  files: { field: string; filename: string; bytes: Buffer; type?: string }[],
  session: TestSession,
) {
  const boundary = `----gongkai${Date.now().toString(36)}`;
  const chunks: Buffer[] = [];
  const push = (s: string) => chunks.push(Buffer.from(s, 'utf8'));
  for (const [k, v] of Object.entries(fields)) {
    for (const x of Array.isArray(v) ? v : [v]) push(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${x}\r\n`);
  }
  for (const f of files) {
    push(`--${boundary}\r\ncontent-disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\ncontent-type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`);
    chunks.push(f.bytes);
    push('\r\n');
  }
  push(`--${boundary}--\r\n`);
  const sep = url.includes('?') ? '&' : '?';
  return app.inject({
    method: 'POST',
    url: `${url}${sep}_csrf=${encodeURIComponent(session.csrf)}`,
    headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(chunks),
  });
}
