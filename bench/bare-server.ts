/**
 * The HTTP bench's floor, run in a process of its own: express reading a JSON body and answering the
 * constant in BARE_ANSWER_FILE (the real server's answer to the same request), on the same HTTP server
 * settings as the real one. What any JSON endpoint on this stack pays.
 */

import { readFileSync } from 'node:fs';
import express from 'express';
import { serve } from '../server/http/serve.js';

const answer = JSON.parse(readFileSync(process.env.BARE_ANSWER_FILE!, 'utf8'));
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.get('/health', (_req, res) => {
  res.json({ ok: true });
});
app.use(express.json({ limit: '1mb' }));
app.post('/echo', (_req, res) => {
  res.json(answer);
});
await serve(app, { port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
