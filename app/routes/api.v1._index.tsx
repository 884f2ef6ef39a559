import { apiDocumentation } from "~/public-results/api-docs.server";

/** GET /api/v1: the API's documentation (docs/api.md) as plain text that any browser shows. */
export async function loader() {
  const text = await apiDocumentation();
  if (text === null) throw new Response("Not Found", { status: 404 });
  return new Response(text, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=3600" },
  });
}
