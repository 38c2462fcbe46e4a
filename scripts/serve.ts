/** npm run serve [-- <port>]: serves the built site from dist/ at http://127.0.0.1:<port>/. */
import {existsSync} from "node:fs";
import {startStaticServer} from "./static-server.js";

if (!existsSync("dist/index.html")) {
  console.error("No built site in dist/: run npm run build first.");
  process.exit(1);
}
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const {url} = await startStaticServer({dir: "dist", port});
console.error(`Serving dist/ at ${url} (Ctrl-C to stop)`);
