// The service tests' common setup: fresh test services and the two-agency fixture, built in a
// before hook and cleaned up after the tests of the describe (or file) that calls
// useServiceFixture. Tests of an empty installation (the audit chain, the calendar, the first
// administrator) take useTestServices: the services alone, no fixture data. The HTTP tests use
// useHttpFixture (http-fixture.ts) instead.
import { after, before } from 'node:test';
import type { Clock } from '../../src/core/time/clock.ts';
import { createFixture, type Fixture } from '../factories.ts';
import { createTestServices, type TestServices } from './test-services.ts';

export interface ServiceFixture {
  services: TestServices;
  fx: Fixture;
}

/** Registers the hooks; read the field inside tests and hooks only (it throws before the services exist). */
export function useTestServices(opts: { clock?: Clock; setup?: (services: TestServices) => Promise<void> } = {}): { readonly services: TestServices } {
  let current: TestServices | undefined;
  before(async () => {
    current = await createTestServices({ clock: opts.clock });
    await opts.setup?.(current);
  });
  after(async () => {
    await current?.cleanup();
  });
  return {
    get services() {
      if (!current) throw new Error('the test services are read before their before() hook has run');
      return current;
    },
  };
}

/** Registers the hooks; read the fields inside tests and hooks only (they throw before the fixture exists). */
export function useServiceFixture(opts: { clock?: Clock; setup?: (t: ServiceFixture) => Promise<void> } = {}): ServiceFixture {
  let fx: Fixture | undefined;
  const base = useTestServices({
    clock: opts.clock,
    setup: async (services) => {
      fx = await createFixture(services);
      await opts.setup?.({ services, fx });
    },
  });
  return {
    get services() { return base.services; },
    get fx() {
      if (!fx) throw new Error('the service fixture is read before its before() hook has run');
      return fx;
    },
  };
}
