import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type FieldFrame = { label: string; hint?: string; errors?: string[]; errorId: string; hintId: string; children: ReactNode };

/** Label, hint and error placed the way GOV.UK-style public-sector forms do: error above the input. */
function Frame({ label, hint, errors, errorId, hintId, children, htmlFor }: FieldFrame & { htmlFor: string }) {
  const { t } = useTranslation();
  const error = errors?.[0];
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={htmlFor}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {t(error)}
        </p>
      ) : null}
      {children}
    </div>
  );
}

type TextFieldProps = {
  meta: FieldMetadata<unknown>;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "url";
  autoComplete?: string;
};

export function TextField({ meta, label, hint, type = "text", autoComplete }: TextFieldProps) {
  return (
    <Frame label={label} hint={hint} errors={meta.errors} errorId={meta.errorId} hintId={meta.descriptionId} htmlFor={meta.id}>
      <input
        {...getInputProps(meta, { type, ariaDescribedBy: hint ? meta.descriptionId : undefined })}
        autoComplete={autoComplete}
      />
    </Frame>
  );
}

export function TextAreaField({ meta, label, hint }: Omit<TextFieldProps, "type" | "autoComplete">) {
  return (
    <Frame label={label} hint={hint} errors={meta.errors} errorId={meta.errorId} hintId={meta.descriptionId} htmlFor={meta.id}>
      <textarea {...getTextareaProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined })} rows={5} />
    </Frame>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  options,
}: Omit<TextFieldProps, "type" | "autoComplete"> & { options: { value: string; label: string }[] }) {
  return (
    <Frame label={label} hint={hint} errors={meta.errors} errorId={meta.errorId} hintId={meta.descriptionId} htmlFor={meta.id}>
      <select {...getSelectProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined })}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** Errors that belong to the whole form (e.g. wrong password), announced when they appear. */
export function FormErrors({ errors, id, values }: { errors?: string[]; id: string; values?: Record<string, unknown> }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} className="alert alert--error" role="alert">
      {errors.map((error) => (
        <p key={error}>{t(error, values)}</p>
      ))}
    </div>
  );
}

export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}
