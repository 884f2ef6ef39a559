// Production's first administrator: `npm run create-admin -- --email … --name … --organisation … --slug …`.
// The password is read from the ADMIN_PASSWORD environment variable, never from the command line.
import { parseArgs } from "node:util";
import { z } from "zod";
import { emailField, personName, PASSWORD_MIN_LENGTH } from "../app/auth/schemas.ts";
import { translator } from "../app/i18n/i18n.ts";
import { migrateDatabase } from "../server/database.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    organisation: { type: "string" },
    slug: { type: "string" },
  },
});

const Input = z.object({
  email: emailField,
  name: personName,
  organisation: z.string().trim().min(2),
  slug: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/),
  password: z.string().min(PASSWORD_MIN_LENGTH),
});

const parsed = Input.safeParse({ ...values, password: process.env.ADMIN_PASSWORD });
if (!parsed.success) {
  console.error(
    "Usage: ADMIN_PASSWORD='…' npm run create-admin -- --email anna@region.se --name 'Anna Andersson' --organisation 'Region Gotland' --slug region-gotland\n" +
      `(password at least ${PASSWORD_MIN_LENGTH} characters)\n` +
      parsed.error.issues
        .map((i) => `  --${i.path.join(".")}: ${i.message.startsWith("validation.") ? translator("en")(i.message) : i.message}`)
        .join("\n"),
  );
  process.exit(1);
}

await migrateDatabase();
const { db } = await import("../app/db.server.ts");
const { createAccount } = await import("../app/auth/accounts.server.ts");
const input = parsed.data;
const existing = await db.user.findUnique({ where: { email: input.email } });
const user = existing ?? (await createAccount(input));
const organisation = await db.organisation.upsert({
  where: { slug: input.slug },
  create: { slug: input.slug, name: input.organisation },
  update: {},
});
const { ensureStandardDimensions } = await import("../app/goals/tags.server.ts");
await ensureStandardDimensions(organisation.id);
await db.membership.upsert({
  where: { userId_organisationId: { userId: user.id, organisationId: organisation.id } },
  create: { userId: user.id, organisationId: organisation.id, role: "admin" },
  update: { role: "admin" },
});
console.info(`${input.email} is an administrator of ${organisation.name} (/o/${organisation.slug}).`);
await db.$disconnect();
