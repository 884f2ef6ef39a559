import { z } from "zod";
import { REACTIONS, THREAD_SORTS } from "./options";

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

// Lexical JSON from the editor, or plain text from the no-JavaScript textarea.
const body = {
  body: z.string().max(200_000).optional().transform((v) => v ?? ""),
  bodyText: z.string().max(20_000, { error: "validation.postTooLong" }).optional().transform((v) => v ?? ""),
};

export const NewThreadSchema = z.object({
  categoryId: z.string({ error: "validation.choose" }).min(1, { error: "validation.choose" }),
  title: z
    .string({ error: "validation.titleRequired" })
    .trim()
    .min(3, { error: "validation.titleRequired" })
    .max(200, { error: "validation.titleTooLong" }),
  ...body,
  sections: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().max(5000, { error: "validation.textTooLong5000" }))),
  projectId: z.string().optional(),
  goalIds: idList,
  tagIds: idList,
});
export type NewThreadInput = z.infer<typeof NewThreadSchema>;

export const ReplySchema = z.object({
  intent: z.literal("reply"),
  ...body,
  quotedPostId: z.string().optional(),
});

export const EditPostSchema = z.object({ ...body });

export const ReactSchema = z.object({ intent: z.literal("react"), postId: z.string(), kind: z.enum(REACTIONS) });
export const DeletePostSchema = z.object({ intent: z.literal("delete-post"), postId: z.string() });
export const HidePostSchema = z.object({
  intent: z.literal("hide-post"),
  postId: z.string(),
  reason: z
    .string({ error: "validation.reasonRequired" })
    .trim()
    .min(3, { error: "validation.reasonRequired" })
    .max(2000, { error: "validation.textTooLong" }),
});
export const UnhidePostSchema = z.object({ intent: z.literal("unhide-post"), postId: z.string() });
export const LockSchema = z.object({ intent: z.enum(["lock", "unlock"]) });
export const MoveSchema = z.object({ intent: z.literal("move"), categoryId: z.string().min(1, { error: "validation.choose" }) });
export const FollowSchema = z.object({ intent: z.enum(["follow", "unfollow"]) });

export const ThreadListQuerySchema = z.object({
  category: z.string().optional().catch(undefined),
  goal: z.string().optional().catch(undefined),
  tag: z.string().optional().catch(undefined),
  sort: z.enum(THREAD_SORTS).catch("activity"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export const CategorySchema = z.object({
  name: z
    .string({ error: "validation.categoryNameRequired" })
    .trim()
    .min(2, { error: "validation.categoryNameRequired" })
    .max(80, { error: "validation.categoryNameTooLong" }),
  description: z.string().trim().max(2000, { error: "validation.textTooLong" }).optional().transform((v) => v ?? ""),
  template: z.string().trim().max(2000, { error: "validation.textTooLong" }).optional().transform((v) => v ?? ""),
  // The network whose organisations' members may read and write in the category; empty keeps it to the organisation.
  networkId: z.string().optional().transform((v) => v || null),
});
export const NewCategorySchema = CategorySchema.extend({ intent: z.literal("create-category") });
export const EditCategorySchema = CategorySchema.extend({ intent: z.literal("update-category"), categoryId: z.string() });
export const DeleteCategorySchema = z.object({ intent: z.literal("delete-category"), categoryId: z.string() });

export const NotificationPreferencesSchema = z.object({
  intent: z.literal("preferences"),
  mailOnMention: z.preprocess((v) => v === "on", z.boolean()),
  mailOnReply: z.preprocess((v) => v === "on", z.boolean()),
  followOnPost: z.preprocess((v) => v === "on", z.boolean()),
});
