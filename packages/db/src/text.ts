/**
 * The one string schema for every input the shop stores or looks up. Postgres cannot store NUL
 * (U+0000) in text, nor in jsonb, and UTF-8 cannot encode a lone surrogate (half an emoji); left
 * to the database, either fails as error 22021/22P05 or is silently replaced. Refused here, each
 * comes back as BAD_REQUEST with the field's name and a message a person can act on.
 */
import { z } from "zod";

const NUL = "\u0000";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT_MESSAGE = "Remove the character that cannot be stored (a NUL byte or half an emoji)";

/** `z.string()` that refuses what Postgres cannot store; chain `.trim()`, `.min()`, `.max()` as usual. */
export function text() {
  return z.string().refine((value) => !value.includes(NUL) && !LONE_SURROGATE.test(value), UNSTORABLE_TEXT_MESSAGE);
}
