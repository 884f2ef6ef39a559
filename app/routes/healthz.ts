import { json } from "@remix-run/node";
import { storageFullRecently } from "~/health/database-errors.server";
import { databaseAnswers } from "~/health/health.server";

const headers = { "Cache-Control": "no-store" };

/**
 * 200 while the app can serve; 503 with the reason while the database does not
 * answer, or while writes fail for lack of space although reads still work
 * (docs/decisions/0018-database-outages.md).
 */
export async function loader() {
  if (!(await databaseAnswers())) return json({ status: "unavailable", reason: "database-unreachable" }, { status: 503, headers });
  if (storageFullRecently()) return json({ status: "unavailable", reason: "storage-full" }, { status: 503, headers });
  return json({ status: "ok" }, { headers });
}
