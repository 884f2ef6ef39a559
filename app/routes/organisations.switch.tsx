import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganisation } from "~/auth/guards.server";

/** The header's organisation switcher submits here (works without JavaScript). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const slug = new URL(request.url).searchParams.get("slug") ?? undefined;
  const { organisation } = await requireOrganisation(request, context, slug);
  return redirect(`/o/${organisation.slug}`);
}
