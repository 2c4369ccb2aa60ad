import { z } from "zod";

/** The fields of a room event copbot reads; everything else is ignored. */
export const RoomEventSchema = z.object({
  event_id: z.string().min(1),
  type: z.string(),
  /** A user id `@localpart:server`. */
  sender: z.string().regex(/^@[^:\s]+:\S+$/),
  /** Milliseconds since the epoch, within what a `Date` can hold. */
  origin_server_ts: z.number().int().min(0).max(8.64e15),
  content: z.record(z.string(), z.unknown()).default({}),
  state_key: z.string().optional(),
  redacts: z.string().optional(),
  unsigned: z.object({ prev_content: z.object({ membership: z.string().optional() }).optional() }).optional(),
});
export type RoomEvent = z.infer<typeof RoomEventSchema>;

const RelatesToSchema = z.object({
  rel_type: z.string().optional(),
  event_id: z.string().optional(),
  key: z.string().optional(),
  "m.in_reply_to": z.object({ event_id: z.string() }).optional(),
});

const TextSchema = z.object({
  msgtype: z.string(),
  body: z.string(),
  format: z.string().optional(),
  formatted_body: z.string().optional(),
});

/** `m.room.message` content: text, relations (thread, reply, edit) and intentional mentions. */
export const MessageContentSchema = TextSchema.extend({
  "m.relates_to": RelatesToSchema.optional(),
  "m.new_content": TextSchema.optional(),
  "m.mentions": z.object({ user_ids: z.array(z.string()).optional() }).optional(),
});
export type MessageContent = z.infer<typeof MessageContentSchema>;

/** `m.reaction` content: an annotation of one event with one key. */
export const ReactionContentSchema = z.object({
  "m.relates_to": z.object({ rel_type: z.literal("m.annotation"), event_id: z.string(), key: z.string() }),
});

export const MemberContentSchema = z.object({
  membership: z.string(),
  displayname: z.string().nullish(),
  is_direct: z.boolean().optional(),
});

export const PowerLevelsSchema = z.object({
  users: z.record(z.string(), z.number()).default({}),
  users_default: z.number().default(0),
});

export const PinnedEventsSchema = z.object({ pinned: z.array(z.string()).default([]) });

export const ProfileSchema = z.object({
  displayname: z.string().nullish(),
  "m.tz": z.string().optional(),
  "us.cloke.msc4175.tz": z.string().optional(),
});
