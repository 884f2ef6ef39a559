import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalDataOf } from "~/account/personal-data.server";
import { requireUser } from "~/auth/guards.server";

/** The signed-in person's own data as a JSON file (GDPR art. 15 and 20). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const data = await personalDataOf(user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="larloop-mina-uppgifter-${data.exportedAt.slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
