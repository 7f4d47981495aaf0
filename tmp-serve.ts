import { startServer } from '/work/wt/surface/server/main.js';
const s = await startServer({ STRATEGIGRAF_DB: process.argv[2]!, PORT: process.argv[3] ?? '0', LOG_LEVEL: 'error', STRATEGIGRAF_ADMIN_TOKEN: 'tok-0123456789', STRATEGIGRAF_QUERY_RATE_LIMIT: '100000', STRATEGIGRAF_WRITE_RATE_LIMIT: '100000' }, { handleSignals: true, config: { seedsDir: '/work/wt/surface/test/fixtures/small', webRoot: null } });
console.log('URL', s.url);
