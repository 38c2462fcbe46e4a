/**
 * A minimal static file server for dist/, on 127.0.0.1 only, optionally under a sub-path (to prove
 * the site works wherever it is hosted). Clean URLs: /about serves about.html. Used by
 * `npm run serve`, the browser tests and the benchmarks. Compresses with gzip when the client
 * accepts it, as real static hosts do, so transferred bytes in benchmarks are realistic.
 */
import {existsSync, readFileSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize} from "node:path";
import {gzipSync} from "node:zlib";

/** Types a typical static host (GitHub Pages, Netlify, nginx with gzip on) compresses. */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".wasm", ".arrow", ".csv"]);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".csv": "text/csv",
  ".woff2": "font/woff2"
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
  /** Bytes sent per request path, for the benchmarks. */
  sent: Map<string, number>;
}

export function startStaticServer({dir, base = "/", port = 0}: {dir: string; base?: string; port?: number}): Promise<StaticServer> {
  const prefix = base.endsWith("/") ? base : base + "/";
  const sent = new Map<string, number>();
  const gzipCache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end("not found");
      return;
    }
    let path = normalize(decodeURIComponent(url.pathname.slice(prefix.length)));
    if (path.startsWith("..")) {
      res.writeHead(403).end();
      return;
    }
    let file = join(dir, path);
    if (path === "." || path === "" || (existsSync(file) && statSync(file).isDirectory())) file = join(file, "index.html");
    else if (!existsSync(file) && existsSync(file + ".html")) file += ".html";
    if (!existsSync(file)) {
      res.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string | number> = {"content-type": type, "cache-control": "no-cache"};
    if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      let zipped = gzipCache.get(file);
      if (!zipped) gzipCache.set(file, (zipped = gzipSync(body, {level: 6})));
      body = zipped;
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    sent.set(url.pathname, (sent.get(url.pathname) ?? 0) + body.length);
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}${prefix}`,
        server,
        sent,
        close: () => new Promise<void>((done) => server.close(() => done()))
      });
    });
  });
}
