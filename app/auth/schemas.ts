// One schema per form, checked in the browser and again on the server.
// Messages are translation keys (app/i18n/resources.ts).
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;

export const emailField = z
  .string({ error: "validation.emailRequired" })
  .trim()
  .toLowerCase()
  .max(254, { error: "validation.emailInvalid" })
  .pipe(z.email({ error: "validation.emailInvalid" }));

const newPassword = z
  .string({ error: "validation.passwordRequired" })
  .min(PASSWORD_MIN_LENGTH, { error: "validation.passwordTooShort" })
  .max(200, { error: "validation.passwordTooLong" });

export const personName = z
  .string({ error: "validation.nameRequired" })
  .trim()
  .min(2, { error: "validation.nameTooShort" })
  .max(100, { error: "validation.nameTooLong" });

const OWN_ORIGIN = "http://larloop.invalid";

/**
 * Only same-site paths, so a crafted link cannot send people elsewhere.
 * Browsers drop tabs and newlines from a URL and read "\" as "/" ("/\t/evil.example"
 * is "//evil.example" to them), so the path is judged, and returned, the way a
 * browser resolves it.
 */
export const redirectPath = z
  .string()
  .optional()
  .transform((value) => {
    if (!value?.startsWith("/")) return undefined;
    let url: URL;
    try {
      url = new URL(value, OWN_ORIGIN);
    } catch {
      return undefined;
    }
    return url.origin === OWN_ORIGIN ? url.pathname + url.search + url.hash : undefined;
  });

export const SignInSchema = z.object({
  email: emailField,
  password: z.string({ error: "validation.passwordRequired" }).max(200, { error: "validation.passwordTooLong" }),
  redirectTo: redirectPath,
});

export const SignUpSchema = z
  .object({
    name: personName,
    email: emailField,
    password: newPassword,
    confirmPassword: z.string({ error: "validation.confirmRequired" }),
    redirectTo: redirectPath,
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "validation.passwordMismatch",
  });

export const ForgotPasswordSchema = z.object({ email: emailField });

export const ResetPasswordSchema = z
  .object({
    token: z.string({ error: "validation.tokenMissing" }).min(10, { error: "validation.tokenMissing" }),
    password: newPassword,
    confirmPassword: z.string({ error: "validation.confirmRequired" }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "validation.passwordMismatch",
  });
