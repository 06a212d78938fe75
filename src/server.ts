// HTTP entry point. `npm start` runs it with --with-worker so that one process serves pages and
// runs background jobs (the single-machine deployment); larger deployments run src/worker.ts
// separately. Outside production an empty database gets the demo content on first start.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createServices } from './services.ts';
import { installGracefulShutdown } from './core/ops/shutdown.ts';
import { registerJobHandlers } from './worker.ts';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const services = await createServices(config);
  if (!config.isProduction && (await services.accounts.countUsers()) === 0) {
    const { loadDemo } = await import('./demo/demo.ts');
    const demo = await loadDemo(services);
    console.log('已载入演示数据（仅限非生产环境）。演示账号（密码均为 %s）：', demo.password);
    for (const u of demo.users) console.log(`  ${u.username.padEnd(18)} ${u.label}`);
  }
  const app = await buildApp(services, { logger: config.env !== 'test' });
  let stopWorker: (() => Promise<void>) | undefined;
  if (process.argv.includes('--with-worker')) {
    await registerJobHandlers(services);
    stopWorker = services.jobs.start();
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    // A kernel without IPv6 cannot bind `::`: serve IPv4 rather than not at all.
    if ((err as NodeJS.ErrnoException).code !== 'EAFNOSUPPORT' || config.host !== '::') throw err;
    console.warn('IPv6 is not available on this machine; listening on 0.0.0.0 (IPv4 only)');
    await app.listen({ port: config.port, host: '0.0.0.0' });
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = config.publicUrl ?? `http://localhost:${port}`;
  console.log(`gongkai 已启动（数据库：${services.database.dialect}）`);
  console.log(`  门户 Portal:  ${base}/`);
  console.log(`  后台 Console: ${base}/console`);
  // SIGTERM: /readyz 503 first, then finish in-flight requests and the running job (core/ops/shutdown.ts).
  installGracefulShutdown({
    lifecycle: app.lifecycle,
    graceMs: config.shutdownGraceMs,
    drain: [() => app.close(), async () => stopWorker?.()],
    close: () => services.close(),
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
