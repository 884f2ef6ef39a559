import { Transform, type TransformCallback } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { RETRY_AFTER_SECONDS } from "~/health/database-errors.server";
import { isOutageData } from "~/health/outage";

const ABORT_DELAY = 5_000;

/**
 * React 18's streaming renderer can leave a NUL byte at the end of its
 * 2 KiB write buffer when a multi-byte character (å, ä, ö, a no-break space)
 * does not fit there (facebook/react#24985, fixed in React 19); browsers show
 * it as "�". A document never holds a real NUL (React escapes text, JSON
 * escapes data), so every NUL in the stream is one of these and is dropped.
 */
class DropNulBytes extends Transform {
  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    if (chunk.indexOf(0) === -1) return done(null, chunk);
    const kept = Buffer.allocUnsafe(chunk.length);
    let length = 0;
    for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
    done(null, kept.subarray(0, length));
  }
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A route's thrown headers do not reach the document: the outage page's Retry-After is set here.
  const outage = Object.values(remixContext.staticHandlerContext.errors ?? {}).find((e) => isRouteErrorResponse(e) && isOutageData(e.data));
  if (isRouteErrorResponse(outage) && isOutageData(outage.data)) {
    responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS[outage.data.reason]));
    responseHeaders.set("Cache-Control", "no-store");
  }
  // Bots get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new DropNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
