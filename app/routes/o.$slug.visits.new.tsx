import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { visitFormOptions } from "~/study-visits/study-visits.server";
import { submitVisit } from "~/study-visits/visit-action.server";
import { VisitForm } from "~/study-visits/visit-form";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "studyVisits.newTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireViewer(request, context, params.slug);
  return { slug: organisation.slug, options: await visitFormOptions(organisation.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  return submitVisit(request, viewer, organisation.slug, null);
}

export default function NewStudyVisit() {
  const { t } = useTranslation();
  const { slug, options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page narrow-wide">
      <p className="muted">
        <Link to={`/o/${slug}/visits`}>{t("studyVisits.title")}</Link>
      </p>
      <h1>{t("studyVisits.newTitle")}</h1>
      {options.hosts.length === 0 ? (
        <>
          <p>{t("studyVisits.noPartners")}</p>
          <p>
            <Link to={`/o/${slug}/networks`} className="button button--secondary">
              {t("studyVisits.toNetworks")}
            </Link>
          </p>
        </>
      ) : (
        <VisitForm
          values={{ title: "", hostOrganisationId: "", networkId: "", visitDate: "", participantIds: [], questions: "" }}
          options={options}
          lastResult={lastResult}
          submitLabel={t("studyVisits.form.create")}
          cancelTo={`/o/${slug}/visits`}
        />
      )}
    </div>
  );
}
