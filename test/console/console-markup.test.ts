// Every console page is valid HTML: each role signs in, GETs every console page the route table
// has that route-policies.ts allows it, with path parameters filled from real records (the
// security harness's world, which has a record of every kind a route names), and the Nu HTML Checker
// (vnu-jar) validates all of them in one JVM run. Also checked: the login page, a form page
// re-rendered with field errors and the console's 404 page. Accessibility (axe-core) of the main
// pages is checked in Chromium by test/e2e/console-a11y.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { newId } from '../../src/core/ids.ts';
import { form } from '../helpers/http.ts';
import { ROUTE_POLICIES } from '../security/route-policies.ts';
import { concreteUrl, useSecurityWorld, routeKey, type RoleKey, type SecurityWorld } from '../security/security-harness.ts';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** Routes that answer a file (download, export, page image), not an HTML page. */
const FILE_ROUTES = /(\.(csv|xlsx|docx|:format)|\/download(\.:format)?|\/pages\/:n|^\/console\/attachments\/:attachmentId|\/attachments\/:attachmentId|^\/console\/notices\/:file)$/;

let w: SecurityWorld;

useSecurityWorld((world) => {
  w = world;
});

describe('console markup', () => {
  test('every console page, for every role allowed to see it, passes the Nu HTML Checker', async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-console-vnu-'));
    try {
      const pages = new Map<string, string>();
      const save = (name: string, html: string) => {
        const file = path.join(dir, `${String(pages.size).padStart(3, '0')}-${name.replace(/[^a-z0-9]+/gi, '_').slice(0, 80)}.html`);
        fs.writeFileSync(file, html);
        pages.set(path.basename(file), name);
      };
      const unreached: string[] = [];
      let routes = 0;
      for (const route of w.routes) {
        const key = routeKey(route);
        const policy = ROUTE_POLICIES[key];
        if (route.method !== 'GET' || !route.url.startsWith('/console') || FILE_ROUTES.test(route.url) || !policy) continue;
        const roles: readonly (RoleKey | null)[] = policy.who === 'public' ? [null] : policy.who;
        routes++;
        let served = 0;
        for (const role of roles) {
          const url = concreteUrl(w, route.url, 'own');
          const res = await w.app.inject({ method: 'GET', url, headers: role ? { cookie: w.sessions[role].cookie } : {} });
          if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
          save(`${role ?? 'anonymous'} ${url}`, res.body);
          served++;
        }
        if (served === 0) unreached.push(key);
      }
      assert.deepEqual(unreached, [], 'console pages that answered no role with an HTML page: give the security world a record for them');

      // A form re-rendered with its field errors (the error summary and aria-describedby wiring).
      const officer = w.sessions.officer;
      const invalid = await form(w.app, '/console/items/new', { title: '' }, officer);
      assert.equal(invalid.statusCode, 422);
      save('officer POST /console/items/new (field errors)', invalid.body);
      const missing = await w.app.inject({ method: 'GET', url: `/console/items/${newId()}`, headers: { cookie: officer.cookie } });
      assert.equal(missing.statusCode, 404);
      save('officer 404', missing.body);
      assert.ok(pages.size > 150, `only ${pages.size} pages collected`);

      // One JVM for every page: vnu is slow to start. The client compiler alone (C1) starts it about
      // three times faster for a run this short; its larger frames need a bigger thread stack.
      const files = [...pages.keys()].map((f) => path.join(dir, f));
      const started = performance.now();
      const run = spawnSync('java', ['-Xss32m', '-XX:TieredStopAtLevel=1', '-jar', VNU_JAR, '--format', 'json', '--errors-only', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      assert.equal(run.error, undefined, 'java runs (install default-jre-headless)');
      t.diagnostic(`${pages.size} pages of ${routes} console GET routes; vnu took ${Math.round(performance.now() - started)} ms`);
      const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: { type: string; url: string; message: string; extract?: string }[] };
      const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
      assert.deepEqual(errors.map((m) => `${pages.get(path.basename(m.url)) ?? m.url}: ${m.message} ${m.extract ?? ''}`), []);
      assert.equal(run.status, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
