// The service tests' common setup: fresh test services and the two-agency fixture, built in a
// before hook and cleaned up after the tests of the describe (or file) that calls
// useServiceFixture. The HTTP tests use useHttpFixture (http-fixture.ts) instead.
import { after, before } from 'node:test';
import type { Clock } from '../../src/core/time/clock.ts';
import { createFixture, type Fixture } from '../factories.ts';
import { createTestServices, type TestServices } from './test-services.ts';

export interface ServiceFixture {
  services: TestServices;
  fx: Fixture;
}

/** Registers the hooks; read the fields inside tests and hooks only (they throw before the fixture exists). */
export function useServiceFixture(opts: { clock?: Clock; setup?: (t: ServiceFixture) => Promise<void> } = {}): ServiceFixture {
  let current: ServiceFixture | undefined;
  const ready = (): ServiceFixture => {
    if (!current) throw new Error('the service fixture is read before its before() hook has run');
    return current;
  };
  before(async () => {
    const services = await createTestServices({ clock: opts.clock });
    current = { services, fx: await createFixture(services) };
    await opts.setup?.(current);
  });
  after(async () => {
    await current?.services.cleanup();
  });
  return {
    get services() { return ready().services; },
    get fx() { return ready().fx; },
  };
}
