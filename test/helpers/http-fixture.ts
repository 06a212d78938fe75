// The HTTP tests' common setup: fresh test services, the app built over them, the two-agency
// fixture and console sessions signed in through the login form, torn down again after the
// tests. `useHttpFixture` registers the before/after hooks itself (in the describe, or the file,
// that calls it) and returns an object whose fields are readable once those hooks have run.
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { FakeClock, type Clock } from '../../src/core/time/clock.ts';
import { createFixture, type Fixture, type FixtureUserKey } from '../factories.ts';
import { loginAs, type TestSession } from './http.ts';
import { createTestServices, type TestServices } from './test-services.ts';

export interface HttpFixtureOptions<K extends FixtureUserKey, O extends FixtureUserKey> {
  /** Fixture users (of the agency under test) to sign in, in this order. */
  sessions?: readonly K[];
  /** Fixture users of the other agency to sign in. */
  otherSessions?: readonly O[];
  /** Passed to createTestServices. */
  clock?: Clock;
  env?: Record<string, string>;
  /** Config overrides for the app only (the services keep theirs). */
  appConfig?: Partial<Config>;
  /** buildApp's own options (a log stream to read the request logs). */
  appOptions?: Parameters<typeof buildApp>[1];
  /** Data to create after the fixture and before anyone signs in. */
  setup?: (t: HttpFixtureBase) => Promise<void>;
}

export interface HttpFixtureBase {
  services: TestServices;
  app: FastifyInstance;
  fx: Fixture;
  /** The services' clock as a FakeClock (throws if the test gave another kind of clock). */
  clock: FakeClock;
}

export interface HttpFixture<K extends FixtureUserKey = never, O extends FixtureUserKey = never> extends HttpFixtureBase {
  /** Signed-in console sessions of the agency under test, by fixture user. */
  as: Record<K, TestSession>;
  /** Signed-in console sessions of the other agency, by fixture user. */
  asOther: Record<O, TestSession>;
  /** Signs in one more fixture user (a new session each call). */
  signIn(user: FixtureUserKey): Promise<TestSession>;
  /** Signs in one more fixture user of the other agency. */
  signInOther(user: FixtureUserKey): Promise<TestSession>;
  close(): Promise<void>;
}

/** Builds the fixture now; the caller closes it. */
export async function createHttpFixture<const K extends FixtureUserKey = never, const O extends FixtureUserKey = never>(
  opts: HttpFixtureOptions<K, O> = {},
): Promise<HttpFixture<K, O>> {
  const services = await createTestServices({ clock: opts.clock, env: opts.env });
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp(opts.appConfig ? { ...services, config: { ...services.config, ...opts.appConfig } } : services, opts.appOptions);
    const fx = await createFixture(services);
    const built: FastifyInstance = app;
    const base: HttpFixtureBase = {
      services,
      app: built,
      fx,
      get clock() {
        if (!(services.clock instanceof FakeClock)) throw new Error('this HTTP fixture runs on a real clock');
        return services.clock;
      },
    };
    await opts.setup?.(base);
    const signIn = (user: FixtureUserKey) => loginAs(built, fx.users[user].username, fx.password);
    const signInOther = (user: FixtureUserKey) => loginAs(built, fx.otherUsers[user].username, fx.password);
    const as = {} as Record<K, TestSession>;
    for (const user of opts.sessions ?? []) as[user] = await signIn(user);
    const asOther = {} as Record<O, TestSession>;
    for (const user of opts.otherSessions ?? []) asOther[user] = await signInOther(user);
    return Object.assign(base, {
      as,
      asOther,
      signIn,
      signInOther,
      async close() {
        await built.close();
        await services.cleanup();
      },
    });
  } catch (err) {
    await app?.close();
    await services.cleanup();
    throw err;
  }
}

/**
 * Registers before/after hooks that build and close an HTTP fixture; read its fields inside
 * tests and hooks only (they throw before the fixture exists).
 */
export function useHttpFixture<const K extends FixtureUserKey = never, const O extends FixtureUserKey = never>(
  opts: HttpFixtureOptions<K, O> = {},
): HttpFixture<K, O> {
  let current: HttpFixture<K, O> | undefined;
  const ready = (): HttpFixture<K, O> => {
    if (!current) throw new Error('the HTTP fixture is read before its before() hook has run');
    return current;
  };
  before(async () => {
    current = await createHttpFixture(opts);
  });
  after(async () => {
    await current?.close();
  });
  return {
    get services() { return ready().services; },
    get app() { return ready().app; },
    get fx() { return ready().fx; },
    get clock() { return ready().clock; },
    get as() { return ready().as; },
    get asOther() { return ready().asOther; },
    signIn: (user) => ready().signIn(user),
    signInOther: (user) => ready().signInOther(user),
    close: () => ready().close(),
  };
}
