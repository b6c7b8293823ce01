/**
 * The HTTP server around the app. Node answers some requests before express sees them (headers too
 * large, a malformed request line); those answers are problem+json here like every other. Timeouts
 * close connections that send their headers or body too slowly, so idle sockets cannot pile up.
 */

import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';
import { problem } from './errors.js';

export interface ServeOptions {
  port: number;
  host: string;
}

/** Listens and resolves once the server is accepting connections. */
export function serve(app: Express, options: ServeOptions): Promise<Server> {
  const server = createServer({ requestTimeout: 5 * 60_000, headersTimeout: 30_000, maxHeaderSize: 16 * 1024 }, app);
  server.keepAliveTimeout = 10_000;
  server.on('clientError', answerClientError);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || (err.code === 'ECONNRESET' && socket.destroyed)) {
    socket.destroy();
    return;
  }
  const [status, code, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request headers are larger than the server accepts (16 KiB in all).']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request took too long to arrive.']
        : [400, 'malformed_request', 'The request is not well-formed HTTP.'];
  const body = JSON.stringify(problem(status, code, detail));
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };
