import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditEventsForExport } from "~/audit/audit.server";
import { auditFiltersFrom } from "~/audit/schemas";
import { requireOrganisation } from "~/auth/guards.server";
import { toCsv } from "~/csv/csv";
import { formatDateTime, translator } from "~/i18n/i18n";
import { requestLocale } from "~/i18n/locale.server";

/** The audit log as CSV, every page of it with the page's filters: for a security review or a data-subject request. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const events = await auditEventsForExport(organisation.id, auditFiltersFrom(request));
  const t = translator(await requestLocale(request, context));
  const header = [t("audit.when"), t("audit.who"), t("audit.action"), t("audit.code"), t("audit.detail"), t("audit.target"), t("audit.targetId"), t("audit.address")];
  const rows = events.map((e) => [
    formatDateTime(e.createdAt),
    e.actorFormer ? t("audit.formerMember") : e.actorName,
    t(`audit.actions.${e.action}`, { defaultValue: e.action }),
    e.action,
    e.detail,
    e.targetType ? t(`audit.targetTypes.${e.targetType}`, { defaultValue: e.targetType }) : "",
    e.targetId,
    e.ip,
  ]);
  return new Response(toCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="handelselogg-${organisation.slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
