import type { Server } from 'node:http';
import type Koa from 'koa';

export interface Listening {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** HOST and PORT (127.0.0.1:3000 by default); a busy port becomes a message that says which variable to change. */
export async function listen(app: Koa, env: NodeJS.ProcessEnv): Promise<Listening> {
  const host = env.HOST ?? '127.0.0.1';
  const port = Number(env.PORT ?? 3000);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening));
    listening.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use: set PORT to another port`) : error),
    );
  });
  const address = server.address();
  return {
    server,
    url: `http://${host}:${typeof address === 'object' && address ? address.port : port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
