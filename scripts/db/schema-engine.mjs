// Offline replacement for:
//   prisma migrate diff --from-empty --to-schema <schema> --script               -> node prisma-wasm-migrate.mjs sql   <schema>
//   prisma migrate diff --from-config-datasource --to-schema <schema> --exit-code -> node prisma-wasm-migrate.mjs drift <schema> [--script]
// Exit codes like the CLI: 0 = no diff, 2 = diff (drift mode), 1 = error. Needs DATABASE_URL for drift mode.
// Deps: @prisma/schema-engine-wasm@7.10.0-7.561d7b42579a2459cc8edf3788918b626c640023, @prisma/adapter-pg@7.10.1
//       (+ its dep @prisma/driver-adapter-utils@7.10.1), pg.  No native schema-engine binary, no network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, mockAdapter } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

// The wasm glue reports Rust panics through this global (the Prisma CLI normally installs it).
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: '', get() { return this.message; }, set_message(m) { this.message = m; console.error('schema-engine panic:', m); },
};

// Instantiate the wasm by hand (the package's entry does `import * from "./x.wasm"`, which Node 20 can't load).
// SCHEMA_ENGINE_WASM may point to node_modules/prisma/build/schema_engine_bg.wasm (the exact engine build bundled
// with the installed prisma CLI; same import/export ABI as the 7.10.0-7 glue).
const require = createRequire(import.meta.url);
const wasmPath = process.env.SCHEMA_ENGINE_WASM
  ?? path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), { './schema_engine_bg.js': bg });
bg.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start?.();

// adapter-pg 7.10.1 cannot map PostgreSQL's internal "char" type (OID 18; pg_constraint.contype, ...) that the
// engine's introspection queries return -> "Column type 'char' could not be deserialized". Report such columns as
// ColumnTypeEnum.Character (the engine reads them as Rust `char`; Text would panic).
function patchCharColumns(adapter) {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, 'performIO')) proto = Object.getPrototypeOf(proto);
  if (!proto || proto.__charPatched) return;
  const { performIO, queryRaw } = proto;
  const charCols = new WeakMap();
  proto.performIO = async function (q) {
    const r = await performIO.call(this, q);
    const idx = [];
    r.fields.forEach((f, i) => { if (f.dataTypeID === 18) { f.dataTypeID = 25; idx.push(i); } });
    if (idx.length) charCols.set(r.rows, idx);
    return r;
  };
  proto.queryRaw = async function (q) {
    const res = await queryRaw.call(this, q);
    for (const i of charCols.get(res.rows) ?? []) res.columnTypes[i] = ColumnTypeEnum.Character;
    return res;
  };
  proto.__charPatched = true;
}

// Offline stand-in adapter for (a): the engine only asks for the server version before rendering SQL.
function offlineFactory() {
  const adapter = {
    ...mockAdapter('postgres'),
    queryRaw: async (q) => {
      if (!/version\(\)/.test(q.sql)) throw new Error(`offline adapter: unexpected query ${q.sql}`);
      return { columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, 'PostgreSQL 18.0', 180000]] };
    },
    dispose: async () => {},
  };
  return { provider: 'postgres', adapterName: 'offline', connect: async () => adapter, connectToShadowDb: async () => adapter };
}

function makeAdapterFactory(url) {
  if (!url) return bindMigrationAwareSqlAdapterFactory(offlineFactory()); // (a): no database at all
  const pg = new PrismaPg({ connectionString: url });
  for (const m of ['connect', 'connectToShadowDb']) {
    const orig = pg[m].bind(pg);
    pg[m] = async () => { const a = await orig(); patchCharColumns(a); return a; };
  }
  return bindMigrationAwareSqlAdapterFactory(pg);
}

const filters = { externalTables: [], externalEnums: [] };

async function withEngine(url, schemaPath, fn) {
  const content = readFileSync(schemaPath, 'utf8');
  const files = [{ path: path.resolve(schemaPath), content }];
  // An adapter is required; with a real URL the engine connects even for from-empty, so (a) uses a mock adapter.
  const engine = await bg.SchemaEngine.new({ datamodels: [[files[0].path, content]] },
    (log) => process.env.DEBUG_SCHEMA_ENGINE && console.error(log), makeAdapterFactory(url));
  try { return await fn(engine, files); } finally { engine.free(); }
}

// (a) SQL for empty database -> schema
export const migrationSqlFromEmpty = (schemaPath) =>
  withEngine(undefined, schemaPath, async (engine, files) => (await engine.diff({
    from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', files }, script: true, exitCode: null, filters,
  })).stdout);

// (b) live DB (via adapter) -> schema. Returns { drift: boolean, output } (output = summary or SQL to fix drift).
// Note: tag 'url' is rejected by the wasm engine ("--from-url ... no longer supported"); 'schemaDatasource' uses the adapter.
export const detectDrift = (schemaPath, url, script = false) =>
  withEngine(url, schemaPath, async (engine, files) => {
    const r = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: path.dirname(path.resolve(schemaPath)) },
      to: { tag: 'schemaDatamodel', files }, script, exitCode: true, filters,
    });
    return { drift: r.exitCode === 2, output: r.stdout };
  });

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, schemaPath = 'prisma/schema.prisma', flag] = process.argv.slice(2);
  try {
    if (cmd === 'sql') { process.stdout.write(await migrationSqlFromEmpty(schemaPath)); process.exit(0); }
    if (cmd === 'drift') {
      const { drift, output } = await detectDrift(schemaPath, process.env.DATABASE_URL, flag === '--script');
      process.stdout.write(output ?? ''); process.exit(drift ? 2 : 0);
    }
    console.error('usage: sql|drift <schema.prisma> [--script]'); process.exit(1);
  } catch (e) { console.error(e?.message ?? e); process.exit(1); }
}
