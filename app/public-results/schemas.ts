import { z } from "zod";
import { DATASETS } from "./open-data";

/** The opt-in form on the organisation's settings page; an unticked checkbox is not sent at all. */
export const PublicResultsSettingSchema = z.object({
  intent: z.literal("public-results"),
  publicResults: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export const DatasetSchema = z.enum(DATASETS);
