import { uuidv7 } from "uuidv7";

/**
 * A new id: a short prefix naming the entity, then a UUIDv7 without dashes. Version 7 ids sort by
 * creation time, so primary-key indexes grow at their right edge instead of splitting at random.
 */
export function newId(prefix: string): string {
  return `${prefix}_${uuidv7().replaceAll("-", "")}`;
}
