import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { pageTitle } from "~/i18n/page-title";
import { isArea } from "~/organisations/areas";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, `areas.${data.area}`) : [];

/** An area that a later capability fills: it says what will come, so no link is dead. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug);
  if (!isArea(params.area)) throw new Response("Not Found", { status: 404 });
  return { area: params.area, organisationName: organisation.name };
}

export default function AreaPlaceholder() {
  const { t } = useTranslation();
  const { area, organisationName } = useLoaderData<typeof loader>();
  return (
    <div className="page narrow">
      <p className="muted">{organisationName}</p>
      <h1>{t(`areas.${area}`)}</h1>
      <div className="empty-state">
        <h2>{t("areas.comingSoon")}</h2>
        <p>{t(`areas.description.${area}`)}</p>
      </div>
    </div>
  );
}
