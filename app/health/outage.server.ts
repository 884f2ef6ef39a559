import { json, type ActionFunction, type AppLoadContext, type LoaderFunction, type ServerBuild } from "@remix-run/node";
import { requestLocale } from "~/i18n/locale.server";
import { noteDatabaseError, RETRY_AFTER_SECONDS, type DatabaseOutage } from "./database-errors.server";
import type { OutageData } from "./outage";

// Form fields that are no one's writing: ids, choices, secrets.
const NOT_WRITING = /password|token|intent|redirectTo|locale|Id$|^id$|^_/i;

type LexicalNode = { type?: string; text?: unknown; children?: LexicalNode[] };
const nodeText = (node: LexicalNode): string =>
  typeof node.text === "string" ? node.text : (node.children ?? []).map(nodeText).join(node.type === "root" || node.type === "list" ? "\n" : "");

/** Plain text of a Lexical editor state (the rich-text fields post it as JSON), or the value itself. */
function plainText(value: string): string {
  if (!value.startsWith('{"root"')) return value;
  try {
    return nodeText((JSON.parse(value) as { root: LexicalNode }).root);
  } catch {
    return value;
  }
}

/**
 * What the user wrote in a form that could not be saved, so that the error
 * page can give it back.
 */
const isPlainForm = (request: Request) => request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded") ?? false;

async function submittedWriting(request: Request | null): Promise<string[]> {
  if (!request) return [];
  try {
    const form = new URLSearchParams(await request.text());
    return [...form]
      .filter(([name, value]) => !NOT_WRITING.test(name) && value.trim() !== "")
      .map(([, value]) => plainText(value))
      .filter((text) => text.trim() !== "");
  } catch {
    return [];
  }
}

/** A 503 the error boundary turns into the outage page, with Retry-After. */
export async function outageResponse(reason: DatabaseOutage, request: Request, context: AppLoadContext, submittedFrom: Request | null = null) {
  // The user's language came with the session (or the cookie): no query needed.
  const locale = await requestLocale(request, context);
  const data: OutageData = { status: "unavailable", reason, locale, submitted: await submittedWriting(submittedFrom) };
  return json(data, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS[reason]), "Cache-Control": "no-store" } });
}

function guarded<F extends LoaderFunction | ActionFunction>(handler: F, isAction: boolean): F {
  return (async (args: Parameters<F>[0]) => {
    if (args.context.databaseOutage) throw await outageResponse(args.context.databaseOutage, args.request, args.context);
    // An action reads its body; a copy keeps what the user wrote for the error page (uploads are not copied).
    const copy = isAction && isPlainForm(args.request) ? args.request.clone() : null;
    try {
      return await handler(args as never);
    } catch (error) {
      const outage = noteDatabaseError(error);
      if (!outage) throw error;
      console.error(`${args.request.method} ${new URL(args.request.url).pathname}: database out (${outage}): ${error instanceof Error ? error.message.trim().split("\n").pop() : error}`);
      throw await outageResponse(outage, args.request, args.context, copy);
    }
  }) as F;
}

/**
 * The build with every loader and action guarded: a database outage becomes a
 * 503 outage response instead of a 500, and so does every request the server
 * already knows cannot be served (`context.databaseOutage`).
 */
export function withOutagePages(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const { loader, action } = route.module;
      const module = { ...route.module, ...(loader ? { loader: guarded(loader, false) } : {}), ...(action ? { action: guarded(action, true) } : {}) };
      return [id, { ...route, module }];
    }),
  );
  return { ...build, routes };
}
