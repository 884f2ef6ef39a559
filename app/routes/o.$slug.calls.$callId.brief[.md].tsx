import type { LoaderFunctionArgs } from "@remix-run/node";
import { learningBrief } from "~/calls/brief.server";
import { briefMarkdown } from "~/calls/brief-markdown";
import { findCall } from "~/calls/calls.server";
import { appOrigin } from "~/auth/guards.server";
import { translator } from "~/i18n/i18n";
import { requestLocale } from "~/i18n/locale.server";
import { requireViewer } from "~/lessons/viewer.server";

/** The learning brief as Markdown, for the decision memo. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const call = await findCall(organisation.id, params.callId ?? "");
  if (!call) throw new Response("Not Found", { status: 404 });
  const brief = await learningBrief(viewer, call);
  const origin = appOrigin(request);
  const markdown = briefMarkdown(translator(await requestLocale(request, context)), call, brief, (lessonId) => `${origin}/o/${organisation.slug}/lessons/${lessonId}`);
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="larandeunderlag-${call.id}.md"`,
    },
  });
}
