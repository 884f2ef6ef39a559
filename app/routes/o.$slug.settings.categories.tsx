import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditBy } from "~/audit/audit.server";
import { requireOrganisation } from "~/auth/guards.server";
import { FormErrors, SelectField, StatusMessage, TextAreaField, TextField } from "~/components/forms";
import { sharingChoices } from "~/networks/networks.server";
import { pageTitle } from "~/i18n/page-title";
import { createCategory, deleteCategory, listOwnCategories, updateCategory } from "~/threads/categories.server";
import { DeleteCategorySchema, EditCategorySchema, NewCategorySchema } from "~/threads/schemas";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "categories.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const [categories, networks] = await Promise.all([listOwnCategories(organisation.id), sharingChoices(organisation.id)]);
  return { categories, networks };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "create-category": {
      const submission = parseWithZod(formData, { schema: NewCategorySchema });
      if (submission.status !== "success") return json({ form: "new-category", result: submission.reply(), notice: null }, { status: 400 });
      const { intent: _intent, ...input } = submission.value;
      if (!(await createCategory(organisation.id, input, auditBy(context)))) {
        return json({ form: "new-category", result: submission.reply({ fieldErrors: { networkId: ["validation.chooseNetworkOfYours"] } }), notice: null }, { status: 400 });
      }
      return json({ form: "new-category", result: submission.reply({ resetForm: true }), notice: "categories.created" });
    }
    case "update-category": {
      const submission = parseWithZod(formData, { schema: EditCategorySchema });
      const form = `category-${formData.get("categoryId")}`;
      if (submission.status !== "success") return json({ form, result: submission.reply(), notice: null }, { status: 400 });
      const { intent: _intent, categoryId, ...input } = submission.value;
      const outcome = await updateCategory(organisation.id, categoryId, input, auditBy(context));
      if (outcome === "notFound") throw new Response("Not Found", { status: 404 });
      if (outcome === "invalidNetwork") return json({ form, result: submission.reply({ fieldErrors: { networkId: ["validation.chooseNetworkOfYours"] } }), notice: null }, { status: 400 });
      return json({ form, result: submission.reply(), notice: "categories.saved" });
    }
    case "delete-category": {
      const parsed = DeleteCategorySchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw new Response("Bad Request", { status: 400 });
      const result = await deleteCategory(organisation.id, parsed.data.categoryId, auditBy(context));
      if (!result.ok && result.error === "notFound") throw new Response("Not Found", { status: 404 });
      const form = `category-${parsed.data.categoryId}`;
      if (!result.ok) return json({ form, result: { status: "error" as const, error: { "": ["categories.notEmpty"] } }, notice: null }, { status: 409 });
      return json({ form: "delete", result: null, notice: "categories.deleted" });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type CategoryValues = { name: string; description: string; template: string; networkId: string | null };
type Network = { id: string; name: string };

function CategoryForm({
  id,
  intent,
  categoryId,
  values,
  networks,
  submitLabel,
}: {
  id: string;
  intent: string;
  categoryId?: string;
  values: CategoryValues;
  networks: Network[];
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const schema = intent === "create-category" ? NewCategorySchema : EditCategorySchema;
  const [form, fields] = useForm({
    id,
    lastResult: data?.form === id ? data.result : null,
    defaultValue: { ...values, networkId: values.networkId ?? "" },
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={intent} />
      {categoryId ? <input type="hidden" name="categoryId" value={categoryId} /> : null}
      <TextField meta={fields.name} label={t("categories.name")} />
      <TextAreaField meta={fields.description} label={t("categories.description")} />
      <TextAreaField meta={fields.template} label={t("categories.template")} hint={t("categories.templateHint")} />
      <SelectField
        meta={fields.networkId}
        label={t("categories.shared")}
        hint={t("categories.sharedHint")}
        options={[{ value: "", label: t("categories.notShared") }, ...networks.map((n) => ({ value: n.id, label: n.name }))]}
      />
      <div>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

export default function Categories() {
  const { t } = useTranslation();
  const { categories, networks } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>{t("categories.title")}</h1>
      <p className="lead">{t("categories.intro")}</p>
      {data?.notice ? <StatusMessage>{t(data.notice)}</StatusMessage> : null}
      {categories.map((category) => (
        <section key={category.id} className="card" aria-labelledby={`category-${category.id}-heading`}>
          <h2 id={`category-${category.id}-heading`}>
            {category.name} <span className="muted">({t("threads.threadCount", { count: category._count.threads })})</span>
          </h2>
          <details>
            <summary>{t("categories.edit", { name: category.name })}</summary>
            <CategoryForm id={`category-${category.id}`} intent="update-category" categoryId={category.id} values={category} networks={networks} submitLabel={t("categories.save")} />
          </details>
          {category._count.threads === 0 ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="delete-category" />
              <input type="hidden" name="categoryId" value={category.id} />
              <button type="submit" className="button button--danger">
                {t("categories.delete", { name: category.name })}
              </button>
            </Form>
          ) : null}
        </section>
      ))}
      <section className="card" aria-labelledby="new-category-heading">
        <h2 id="new-category-heading">{t("categories.new")}</h2>
        <CategoryForm id="new-category" intent="create-category" values={{ name: "", description: "", template: "", networkId: null }} networks={networks} submitLabel={t("categories.create")} />
      </section>
    </div>
  );
}
