import { randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { Socket } from "node:net";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type RequestHandler } from "express";
import helmet from "helmet";
import type { Server as SocketServer } from "socket.io";
import { checkSessionCookie, isSameOrigin } from "../app/auth/lucia.server.ts";
import { createLimiter } from "../app/auth/rate-limit.server.ts";
import { databaseOutage } from "../app/health/database-errors.server.ts";
import { withOutagePages } from "../app/health/outage.server.ts";
import { attachLiveChannel, closeLiveChannel } from "./live.ts";

export type AppServer = {
  httpServer: HttpServer;
  io: SocketServer;
  /** Graceful shutdown (see `shutDown` below); resolves once HTTP and sockets are closed. */
  shutDown: (deadlineMs: number) => Promise<void>;
};

type Options = {
  /** The Remix server build, or a function that returns the current one (development). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "development" | "production";
  publicDir?: string;
  /** False until the database is migrated and prepared; until then every page answers 503 (start-up, server/index.ts). */
  databaseReady?: () => boolean;
};

// Development re-imports the build on every change: guard each one once.
const guardedBuilds = new WeakMap<ServerBuild, ServerBuild>();
function guardedBuild(build: ServerBuild): ServerBuild {
  let guarded = guardedBuilds.get(build);
  if (!guarded) guardedBuilds.set(build, (guarded = withOutagePages(build)));
  return guarded;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Lucia's CSRF rule: a state-changing request must carry our own Origin. */
const refuseCrossOrigin: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method) || isSameOrigin(req.headers.origin, req.headers.host)) return next();
  res.status(403).type("text/plain").send("Cross-origin request refused");
};

const validateSession: RequestHandler = async (req, res, next) => {
  try {
    const { user, session, setCookie } = await checkSessionCookie(req.headers.cookie, req.secure);
    if (setCookie) res.append("Set-Cookie", setCookie);
    res.locals.user = user;
    res.locals.session = session;
    next();
  } catch (error) {
    // Without the database no session can be checked: the page says so (503), not a 500.
    res.locals.databaseOutage = databaseOutage(error);
    next(res.locals.databaseOutage ? undefined : error);
  }
};

// A broad ceiling on writes per client address; sign-in has its own, tighter limits.
const writeLimiter = createLimiter("writes", { points: 300, duration: 60 });
const limitWrites: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  writeLimiter.consume(req.ip ?? "unknown").then(
    () => next(),
    (rejection: { msBeforeNext?: number }) => {
      res.set("Retry-After", String(Math.ceil((rejection.msBeforeNext ?? 60000) / 1000)));
      res.status(429).type("text/plain").send("Too many requests");
    },
  );
};

// Remix reads a form's body whole, and an import's file into memory (up to its own 10 MB,
// with a clear message next to the field). These ceilings only stop a request from making
// the server buffer far more than any form of Lärloop sends.
// A lesson at its longest (200 000 characters of JSON, each "ä" six bytes once URL-encoded) fits.
const MAX_FORM_BYTES = 5 * 1024 * 1024;
const MAX_MULTIPART_BYTES = 50 * 1024 * 1024;
const TOO_LARGE_PAGE = `<!doctype html><html lang="sv"><meta charset="utf-8"><title>För stor förfrågan – Lärloop</title>
<h1>Det du skickade är för stort</h1><p>Lärloop tar emot formulär upp till 5 MB och filer upp till 10 MB. Gå tillbaka i webbläsaren och skicka något mindre, eller <a href="/">gå till startsidan</a>.</p>
<h2 lang="en">Request too large</h2><p lang="en">Forms may be up to 5 MB and files up to 10 MB. Go back and send something smaller.</p></html>`;
const limitBodySize: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const declared = req.headers["content-length"];
  if (declared === undefined && req.headers["transfer-encoding"]) {
    res.set("Connection", "close").status(411).type("text/plain").send("Length required");
    return;
  }
  const limit = req.headers["content-type"]?.startsWith("multipart/form-data") ? MAX_MULTIPART_BYTES : MAX_FORM_BYTES;
  if (Number(declared ?? 0) > limit) {
    res.set("Connection", "close").status(413).type("text/html").send(TOO_LARGE_PAGE);
    return;
  }
  next();
};

export function createAppServer({ build, mode, publicDir = path.resolve("public"), databaseReady = () => true }: Options): AppServer {
  const app = express();
  app.disable("x-powered-by");

  // The requests being answered, so that a shutdown lets them finish. Once
  // draining, every response closes its connection after it.
  const inFlight = new Set<express.Response>();
  let draining = false;
  let lastFinished: (() => void) | undefined;
  app.use((_req, res, next) => {
    inFlight.add(res);
    if (draining) res.set("Connection", "close");
    res.on("close", () => {
      inFlight.delete(res);
      if (!inFlight.size) lastFinished?.();
    });
    next();
  });

  // Behind a TLS-terminating proxy on the same host, trust its X-Forwarded-* headers
  // so that cookies are marked Secure; TRUST_PROXY widens this for other set-ups.
  app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");
  app.use(compression());

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          // Remix's dev server pushes live reloads over its own websocket port.
          connectSrc: mode === "development" ? ["'self'", "ws://localhost:*"] : ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      crossOriginEmbedderPolicy: false,
      frameguard: { action: "deny" },
    }),
  );

  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(publicDir, { maxAge: "1h" }));

  app.use(refuseCrossOrigin);
  app.use(limitBodySize);
  app.use(limitWrites);
  app.use((req, res, next) => {
    if (databaseReady()) return validateSession(req, res, next);
    res.locals.databaseOutage = "database-unreachable";
    next();
  });

  app.all(
    "*",
    createRequestHandler({
      build: typeof build === "function" ? async () => guardedBuild(await build()) : guardedBuild(build),
      mode,
      getLoadContext: (req, res) => ({
        user: res.locals.user ?? null,
        session: res.locals.session ?? null,
        cspNonce: res.locals.cspNonce,
        clientAddress: req.ip ?? "unknown",
        databaseOutage: res.locals.databaseOutage ?? null,
      }),
    }),
  );

  const httpServer = createServer(app);
  // Node closes a kept-alive connection after 5 s without a new request, and measures those 5 s
  // on the event loop: when the loop is busy for longer (100 readers at once, bench/soak.ts), it
  // closes connections whose next request is already waiting unread, and the client gets a reset.
  // A proxy in front reuses its connections for up to 60 s (nginx, load balancers): stay longer.
  httpServer.keepAliveTimeout = 65_000;
  const io = attachLiveChannel(httpServer);
  const connections = new Set<Socket>();
  httpServer.on("connection", (socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });

  /**
   * Stop at once taking new connections (they are refused), let the requests
   * in flight finish for up to `deadlineMs`, and only then close the sockets,
   * so that what those requests announce still reaches every reader. Sockets
   * are closed without socket.io's "disconnect" packet: browsers reconnect by
   * themselves, through the load balancer, to a node that is still running.
   */
  async function shutDown(deadlineMs: number): Promise<void> {
    draining = true;
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    for (const res of inFlight) if (!res.headersSent) res.set("Connection", "close");
    if (inFlight.size) {
      console.info(`Finishing ${inFlight.size} request(s) in flight`);
      await new Promise<void>((resolve) => {
        lastFinished = resolve;
        setTimeout(resolve, deadlineMs).unref();
      });
    }
    if (inFlight.size) console.warn(`${inFlight.size} request(s) still unfinished after ${deadlineMs} ms: cut off`);
    httpServer.closeAllConnections();
    await closeLiveChannel(io);
    // WebSockets end with a closing handshake; a peer that no longer answers is not waited for.
    const ended = await Promise.race([closed.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, 2000, false).unref())]);
    if (!ended) for (const socket of connections) socket.destroy();
  }

  return { httpServer, io, shutDown };
}
