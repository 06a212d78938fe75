// The tamper monitor tests' common setup: the service fixture with one column to publish into,
// the database handle and the office's alerts for an item.
import { createColumn } from '../factories.ts';
import { useServiceFixture, type ServiceFixture } from '../helpers/service-fixture.ts';

export interface TamperFixture extends ServiceFixture {
  /** The column the tests publish into. */
  columnId: string;
  db(): ServiceFixture['services']['database']['db'];
  /** The alerts the disclosure office sees for one item. */
  alertsOf(itemId: string): Promise<Awaited<ReturnType<ServiceFixture['services']['tamper']['alerts']>>>;
}

/** Registers the hooks; read the fields inside tests and hooks only. */
export function useTamperFixture(): TamperFixture {
  let columnId: string | undefined;
  const t = useServiceFixture({
    setup: async ({ services, fx }) => {
      columnId = (await createColumn(services, fx)).id;
    },
  });
  return {
    get services() { return t.services; },
    get fx() { return t.fx; },
    get columnId() {
      if (columnId === undefined) throw new Error('the tamper fixture is read before its before() hook has run');
      return columnId;
    },
    db: () => t.services.database.db,
    alertsOf: async (itemId) => (await t.services.tamper.alerts(t.fx.actor('officer'))).filter((a) => a.itemId === itemId),
  };
}
