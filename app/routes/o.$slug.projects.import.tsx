import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableRegion } from "~/components/table-region";
import { auditBy } from "~/audit/audit.server";
import { requireOrganisation } from "~/auth/guards.server";
import { StatusMessage } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";
import { importProjects, previewImport, type Preview } from "~/projects/import/import-projects.server";
import { IMPORT_FIELDS, MappingSchema, REQUIRED_FIELDS, type Mapping } from "~/projects/import/nyps-mapping";
import { UnpackedTooLarge } from "~/projects/import/read-table.server";
import { discardUpload, keepUpload, readUpload } from "~/projects/import/uploads.server";
import type { Problem } from "~/projects/import/validate-rows";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "projectImport.title");

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

// Step 1 uploads (multipart) and answers with step 2, the preview; the file is
// kept server-side under a random id (see uploads.server.ts) that the preview
// form posts back, to update the preview with another mapping or to import.
type ActionData =
  | { step: "error"; error: string }
  | { step: "preview"; uploadId: string; preview: Preview; error?: string }
  | { step: "done"; read: number; created: number; updated: number };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  return { slug: organisation.slug };
}

function mappingFrom(formData: FormData): Mapping {
  const raw = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, formData.get(`map-${f}`) || undefined]).filter(([, v]) => v));
  const parsed = MappingSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const reply = (data: ActionData, status = 200) => json(data, { status });

  if (request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    let formData: FormData;
    try {
      formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return reply({ step: "error", error: "projectImport.fileTooLarge" }, 413);
      throw error;
    }
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return reply({ step: "error", error: "projectImport.fileMissing" }, 400);
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      const preview = await previewImport(organisation.id, bytes);
      return reply({ step: "preview", uploadId: await keepUpload(organisation.id, bytes), preview });
    } catch (error) {
      return reply({ step: "error", error: error instanceof UnpackedTooLarge ? "projectImport.fileUnpacksTooLarge" : "projectImport.fileUnreadable" }, 400);
    }
  }

  const formData = await request.formData();
  const uploadId = String(formData.get("uploadId") ?? "");
  const bytes = await readUpload(organisation.id, uploadId);
  if (!bytes) return reply({ step: "error", error: "projectImport.uploadExpired" }, 400);
  const mapping = mappingFrom(formData);
  if (formData.get("intent") === "import") {
    try {
      const result = await importProjects(organisation.id, bytes, mapping, auditBy(context));
      if (result.ok) {
        await discardUpload(organisation.id, uploadId);
        return reply({ step: "done", read: result.read, created: result.created, updated: result.updated });
      }
    } catch (error) {
      // The transaction was rolled back: nothing was written.
      console.error("Project import failed", error);
      return reply({ step: "preview", uploadId, preview: await previewImport(organisation.id, bytes, mapping), error: "projectImport.importFailed" }, 500);
    }
    // The mapping was changed without updating the preview: show the problems it gives.
    return reply({ step: "preview", uploadId, preview: await previewImport(organisation.id, bytes, mapping) }, 400);
  }
  return reply({ step: "preview", uploadId, preview: await previewImport(organisation.id, bytes, mapping) });
}

function Problems({ problems }: { problems: Problem[] }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--error" role="alert" aria-labelledby="problems-heading">
      <h2 id="problems-heading">{t("projectImport.problemsTitle", { count: problems.length })}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{t("projectImport.problem", { row: p.row, column: p.column, message: p.message })}</li>
        ))}
      </ul>
      <p>{t("projectImport.problemsHelp")}</p>
    </div>
  );
}

function PreviewStep({ uploadId, preview, error }: { uploadId: string; preview: Preview; error?: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="stack">
      {error ? (
        <p className="alert alert--error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <input type="hidden" name="uploadId" value={uploadId} />
      <fieldset className="fieldset mapping">
        <legend>{t("projectImport.mappingTitle")}</legend>
        <p className="field__hint">{t("projectImport.mappingIntro")}</p>
        {IMPORT_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`map-${field}`}>
              {t(`projectImport.fields.${field}`)}
              {REQUIRED_FIELDS.includes(field) ? " *" : ""}
            </label>
            <select id={`map-${field}`} name={`map-${field}`} defaultValue={preview.mapping[field] ?? ""}>
              <option value="">{t("projectImport.notImported")}</option>
              {preview.headers.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div>
          <button type="submit" name="intent" value="preview" className="button button--secondary">
            {t("projectImport.updatePreview")}
          </button>
        </div>
      </fieldset>

      <h2>{t("projectImport.previewTitle")}</h2>
      <p role="status">{t("projectImport.summary", { rows: preview.rowCount, creates: preview.creates, updates: preview.updates })}</p>
      {preview.problems.length ? <Problems problems={preview.problems} /> : null}
      <TableRegion label={t("projectImport.previewCaption", { count: preview.sample.length })}>
        <table>
          <caption>{t("projectImport.previewCaption", { count: preview.sample.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("projectImport.row")}</th>
              {preview.headers.map((h, j) => (
                <th scope="col" key={j}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row, i) => (
              <tr key={i}>
                <th scope="row">{preview.sampleRows[i]}</th>
                {preview.headers.map((_, j) => (
                  <td key={j}>{row[j]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <div className="actions">
        {preview.problems.length === 0 ? (
          <button type="submit" name="intent" value="import" className="button">
            {t("projectImport.importButton", { rows: preview.rowCount })}
          </button>
        ) : null}{" "}
        <Link to=".">{t("projectImport.uploadAnother")}</Link>
      </div>
    </Form>
  );
}

export default function ImportProjects() {
  const { t } = useTranslation();
  const { slug } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="page">
      <p className="muted">
        <Link to={`/o/${slug}/projects`}>{t("projects.title")}</Link>
      </p>
      <h1>{t("projectImport.title")}</h1>
      <p className="lead">{t("projectImport.intro")}</p>
      {data?.step === "done" ? (
        <StatusMessage>{t("projectImport.done", { read: data.read, created: data.created, updated: data.updated })}</StatusMessage>
      ) : null}
      {data?.step === "preview" ? (
        <PreviewStep key={data.uploadId} uploadId={data.uploadId} preview={data.preview} error={data.error} />
      ) : (
        <Form method="post" encType="multipart/form-data" className="stack narrow">
          {data?.step === "error" ? (
            <p className="field__error" role="alert" id="file-error">
              {t(data.error)}
            </p>
          ) : null}
          <div className={data?.step === "error" ? "field field--error" : "field"}>
            <label htmlFor="file">{t("projectImport.file")}</label>
            <p id="file-hint" className="field__hint">
              {t("projectImport.fileHint")}
            </p>
            <input
              id="file"
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              aria-describedby={data?.step === "error" ? "file-error file-hint" : "file-hint"}
            />
          </div>
          <div>
            <button type="submit" className="button">
              {t("projectImport.upload")}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
