// A port that was free on 127.0.0.1 a moment ago, for servers that take no port 0 (Prism, redis-server).
import { createServer } from "node:net";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const address = server.address();
  await new Promise<void>((ok) => server.close(() => ok()));
  if (typeof address !== "object" || address === null) throw new Error("no free port");
  return address.port;
}
