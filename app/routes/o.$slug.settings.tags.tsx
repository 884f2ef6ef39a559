import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditBy } from "~/audit/audit.server";
import { requireOrganisation } from "~/auth/guards.server";
import { StatusMessage, TextField } from "~/components/forms";
import { DeleteTagSchema, NewDimensionSchema, NewTagSchema } from "~/goals/tag-schemas";
import { createDimension, createTag, deleteTag, listDimensions } from "~/goals/tags.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "tags.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  return { dimensions: await listDimensions(organisation.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "create-dimension": {
      const submission = parseWithZod(formData, { schema: NewDimensionSchema });
      if (submission.status !== "success") return json({ form: "dimension", result: submission.reply(), message: null }, { status: 400 });
      await createDimension(organisation.id, submission.value.name, submission.value.description);
      return json({ form: "dimension", result: submission.reply({ resetForm: true }), message: { key: "tags.dimensionCreated", name: submission.value.name } });
    }
    case "create-tag": {
      const submission = parseWithZod(formData, { schema: NewTagSchema });
      const form = `tag-${formData.get("dimensionId")}`;
      if (submission.status !== "success") return json({ form, result: submission.reply(), message: null }, { status: 400 });
      const result = await createTag(organisation.id, submission.value.dimensionId, submission.value.name);
      if (!result.ok && result.error === "notFound") throw new Response("Not Found", { status: 404 });
      if (!result.ok) return json({ form, result: submission.reply({ fieldErrors: { name: ["tags.duplicate"] } }), message: null }, { status: 400 });
      return json({ form, result: submission.reply({ resetForm: true }), message: { key: "tags.tagCreated", name: result.name } });
    }
    case "delete-tag": {
      const parsed = DeleteTagSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw new Response("Bad Request", { status: 400 });
      const result = await deleteTag(organisation.id, parsed.data.tagId, auditBy(context));
      if (!result.ok) throw new Response("Not Found", { status: 404 });
      return json({ form: "delete", result: null, message: { key: "tags.tagDeleted", name: result.name } });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

function NewTagForm({ dimensionId, dimensionName }: { dimensionId: string; dimensionName: string }) {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const id = `tag-${dimensionId}`;
  const [form, fields] = useForm({
    id,
    lastResult: data?.form === id ? data.result : null,
    constraint: getZodConstraint(NewTagSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewTagSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="inline-add">
      <input type="hidden" name="intent" value="create-tag" />
      <input type="hidden" name="dimensionId" value={dimensionId} />
      <TextField meta={fields.name} label={t("tags.newTagIn", { dimension: dimensionName })} />
      <button type="submit" className="button button--secondary">
        {t("tags.addTag")}
      </button>
    </Form>
  );
}

export default function Tags() {
  const { t } = useTranslation();
  const { dimensions } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "dimension",
    lastResult: data?.form === "dimension" ? data.result : null,
    constraint: getZodConstraint(NewDimensionSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewDimensionSchema }),
  });
  return (
    <>
      <h1>{t("tags.title")}</h1>
      <p>{t("tags.intro")}</p>
      {data?.message ? <StatusMessage>{t(data.message.key, { name: data.message.name })}</StatusMessage> : null}
      {dimensions.map((dimension) => (
        <section key={dimension.id} aria-labelledby={`dimension-${dimension.id}`} className="dimension">
          <h2 id={`dimension-${dimension.id}`}>{dimension.name}</h2>
          {dimension.description ? <p className="muted">{dimension.description}</p> : null}
          {dimension.tags.length ? (
            <ul className="tag-list">
              {dimension.tags.map((tag) => (
                <li key={tag.id}>
                  <span className="tag">{tag.name}</span>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="delete-tag" />
                    <input type="hidden" name="tagId" value={tag.id} />
                    <button type="submit" className="button button--link button--small">
                      {t("tags.remove")}
                      <span className="visually-hidden"> {tag.name}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("tags.noTags")}</p>
          )}
          <NewTagForm dimensionId={dimension.id} dimensionName={dimension.name} />
        </section>
      ))}
      <section aria-labelledby="new-dimension" className="narrow">
        <h2 id="new-dimension">{t("tags.newDimension")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="create-dimension" />
          <TextField meta={fields.name} label={t("tags.dimensionName")} />
          <TextField meta={fields.description} label={t("tags.dimensionDescription")} />
          <div>
            <button type="submit" className="button">
              {t("tags.addDimension")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
