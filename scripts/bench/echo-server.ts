// The overhead benchmark's server, in its own process so its CPU time is not counted as the client's: answers
// every request with the same small storages envelope, then prints `{"port": …}`.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const body = JSON.stringify({
  success: true,
  data: [
    { id: 1, title: "Consumables", for_service: 1, for_sale: 0, comment: "For services" },
    { id: 2, title: "Products", for_service: 0, for_sale: 1, comment: "For sale" },
  ],
  meta: [],
});
const headers = {
  "content-type": "application/json; charset=utf-8",
  "content-length": Buffer.byteLength(body),
};

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
process.on("SIGTERM", () => process.exit(0));
