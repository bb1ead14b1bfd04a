/**
 * W5b's baseline, run in its own process (`node bare-fastify.js DB_FILE PORT`):
 * a bare Fastify route that opens the same SQLite file read-only, runs the
 * same raw prepared SELECT of the case's stream and answers the rows as JSON.
 * No auth, no access log, no decryption, no fold: what any HTTP read of a
 * stream costs here before the service's own work.
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { RAW_STREAM_SELECT } from '../lib/raw-stream';

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: bare-fastify.js DB_FILE PORT');
const db = new Database(file, { readonly: true });
const select = db.prepare(RAW_STREAM_SELECT);
const app = Fastify({ logger: false });
app.get<{ Params: { caseId: string } }>('/cases/:caseId/history', async (request, reply) => {
  const rows = select.all(`case-${request.params.caseId}`);
  if (rows.length === 0) return reply.code(404).send({ error: 'no such case' });
  return rows;
});
app.listen({ port: Number(port), host: '127.0.0.1' }).then(
  () => process.stdout.write('listening'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
