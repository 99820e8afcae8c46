import { text } from "@shopwright/db";
import { z } from "zod";

/**
 * An email address as every form takes it: trimmed and lowercased, so one address is one account
 * and one guest, and checked for shape only (a disposable-looking address is still an address).
 */
export const emailAddress = text()
  .max(320)
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.email("Enter a valid email address").max(254));
