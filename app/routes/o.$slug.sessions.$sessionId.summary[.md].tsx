import type { LoaderFunctionArgs } from "@remix-run/node";
import { appOrigin } from "~/auth/guards.server";
import { translator } from "~/i18n/i18n";
import { requestLocale } from "~/i18n/locale.server";
import { requireViewer } from "~/lessons/viewer.server";
import { sessionSummary, summaryMarkdown } from "~/sessions/summary.server";

/** The session summary as a Markdown file. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const summary = await sessionSummary(viewer, params.sessionId ?? "");
  if (!summary) throw new Response("Not Found", { status: 404 });
  const t = translator(await requestLocale(request, context));
  const origin = appOrigin(request);
  const markdown = summaryMarkdown(summary, t, (id) => `${origin}/o/${organisation.slug}/lessons/${id}`);
  const name = summary.session.title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "lartillfalle";
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${encodeURIComponent(name)}.md"; filename*=UTF-8''${encodeURIComponent(name)}.md`,
    },
  });
}
