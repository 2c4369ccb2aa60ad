import { z } from "zod";
import { GROUP_REF } from "../../src/groups/api";

/** A group number as typed (`12` or `#12`). */
export const groupId = z
  .string()
  .regex(GROUP_REF, { message: "group.err.idExpected" })
  .transform((s) => Number(s.replace("#", "")));
