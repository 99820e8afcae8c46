/**
 * Discount codes as stored, and the one lookup the cart and checkout will make: a code as a shopper
 * typed it, found in its normalised form, into the `DiscountRule` the pricing pipeline takes when
 * it is live (active, inside its window, under its usage limit).
 */
import { type Db, type DiscountKind, isConstraintViolation, newId } from "@shopwright/db";
import { pricingTables } from "@shopwright/db/tables/pricing";
import { and, desc, eq, gt, isNull, lt, lte, or, sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit-log.ts";
import { conflict, notFound } from "../errors.ts";
import { checkDiscount, normalizeDiscountCode } from "./discount-rules.ts";
import type { DiscountRule } from "./discounts.ts";
import { problemsError } from "./problems.ts";

export interface DiscountCodeFields {
  code: string;
  kind: DiscountKind;
  value: number;
  categoryId?: string | null;
  minSubtotalCents?: number | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  usageLimit?: number | null;
  oncePerCustomer?: boolean;
  active?: boolean;
}

/** Every code, newest first, with how often it has been used. */
export async function listDiscountCodes(db: Db) {
  const { discountCodes } = pricingTables(db);
  return db.orm.select(columns(db)).from(discountCodes).orderBy(desc(discountCodes.createdAt), desc(discountCodes.id));
}

export async function createDiscountCode(db: Db, actorId: string, input: DiscountCodeFields) {
  const values = checked(input);
  const id = newId("disc");
  await writeCode(() =>
    db.transaction(async (tx) => {
      await tx.orm.insert(pricingTables(tx).discountCodes).values({ id, ...values });
      await recordAudit(tx, {
        actorId,
        action: "discount_code.created",
        entityType: "discount_code",
        entityId: id,
        details: { ...values },
      });
    }),
  );
  return codeById(db, id);
}

/** Changes any of a code's fields; the code as it then stands is checked whole, so a patch cannot leave it invalid. */
export async function updateDiscountCode(db: Db, actorId: string, id: string, patch: Partial<DiscountCodeFields>) {
  const { discountCodes } = pricingTables(db);
  await writeCode(() =>
    db.transaction(async (tx) => {
      const [before] = await tx.orm.select(columns(tx)).from(discountCodes).where(eq(discountCodes.id, id));
      if (!before) throw notFound("Discount code");
      const values = checked({ ...before, ...patch });
      await tx.orm.update(discountCodes).set(values).where(eq(discountCodes.id, id));
      await recordAudit(tx, {
        actorId,
        action: "discount_code.updated",
        entityType: "discount_code",
        entityId: id,
        details: { ...patch },
      });
    }),
  );
  return codeById(db, id);
}

/** A code no order has used; one that has been used is paused instead, so its orders keep their history. */
export async function deleteDiscountCode(db: Db, actorId: string, id: string) {
  const { discountCodes } = pricingTables(db);
  try {
    await db.transaction(async (tx) => {
      const [deleted] = await tx.orm
        .delete(discountCodes)
        .where(eq(discountCodes.id, id))
        .returning({ code: discountCodes.code });
      if (!deleted) throw notFound("Discount code");
      await recordAudit(tx, {
        actorId,
        action: "discount_code.deleted",
        entityType: "discount_code",
        entityId: id,
        details: { code: deleted.code },
      });
    });
  } catch (error) {
    if (isConstraintViolation(error, "foreignKey"))
      throw conflict("Orders have used this code; pause it instead of deleting it");
    throw error;
  }
  return { ok: true as const };
}

/**
 * The code a shopper typed, as the pipeline applies it, or null when no live code has that name:
 * missing, paused, outside its window and used up all read the same to a shopper guessing codes.
 */
export async function liveDiscountRule(db: Db, typed: string, now: Date): Promise<DiscountRule | null> {
  const { discountCodes } = pricingTables(db);
  const [row] = await db.orm
    .select(columns(db))
    .from(discountCodes)
    .where(eq(discountCodes.code, normalizeDiscountCode(typed)));
  const live =
    row?.active &&
    (!row.startsAt || row.startsAt <= now) &&
    (!row.endsAt || now < row.endsAt) &&
    (row.usageLimit == null || row.usedCount < row.usageLimit);
  if (!row || !live) return null;
  return {
    code: row.code,
    kind: row.kind,
    value: row.value,
    categoryId: row.categoryId,
    minSubtotalCents: row.minSubtotalCents,
  };
}

/** Why a code the cart held could not be used for this order. */
export type RedemptionRefusal = "ended" | "used_by_customer";

/**
 * Uses the code once for `orderId`, inside checkout's transaction. The usage count moves in one
 * conditional update (under the limit, active, inside the window), so fifty checkouts racing for
 * the last ten uses queue on the code's row and exactly ten pass; the redemption's unique
 * (code, customer) pair does the same for once-per-customer, two tabs included.
 */
export async function redeemDiscountCode(
  tx: Db,
  use: { code: string; orderId: string; userId: string | null; customerKey: string; now: Date },
): Promise<RedemptionRefusal | null> {
  const { discountCodes, discountRedemptions } = pricingTables(tx);
  const [code] = await tx.orm
    .update(discountCodes)
    .set({ usedCount: sql`${discountCodes.usedCount} + 1` })
    .where(
      and(
        eq(discountCodes.code, use.code),
        eq(discountCodes.active, true),
        or(isNull(discountCodes.startsAt), lte(discountCodes.startsAt, use.now)),
        or(isNull(discountCodes.endsAt), gt(discountCodes.endsAt, use.now)),
        or(isNull(discountCodes.usageLimit), lt(discountCodes.usedCount, discountCodes.usageLimit)),
      ),
    )
    .returning({ id: discountCodes.id, oncePerCustomer: discountCodes.oncePerCustomer });
  if (!code) return "ended";
  const [redeemed] = await tx.orm
    .insert(discountRedemptions)
    .values({
      id: newId("red"),
      discountCodeId: code.id,
      userId: use.userId,
      customerKey: code.oncePerCustomer ? use.customerKey : null,
      orderId: use.orderId,
      createdAt: use.now,
    })
    .onConflictDoNothing()
    .returning({ id: discountRedemptions.id });
  return redeemed ? null : "used_by_customer";
}

/** Whether this customer already used a once-per-customer code: the cart says so when it is applied. */
export async function usedByCustomer(db: Db, code: string, customerKey: string): Promise<boolean> {
  const { discountCodes, discountRedemptions } = pricingTables(db);
  const [row] = await db.orm
    .select({ id: discountRedemptions.id })
    .from(discountRedemptions)
    .innerJoin(discountCodes, eq(discountCodes.id, discountRedemptions.discountCodeId))
    .where(and(eq(discountCodes.code, normalizeDiscountCode(code)), eq(discountRedemptions.customerKey, customerKey)))
    .limit(1);
  return row !== undefined;
}

function columns(db: Db) {
  const t = pricingTables(db).discountCodes;
  return {
    id: t.id,
    code: t.code,
    kind: t.kind,
    value: t.value,
    categoryId: t.categoryId,
    minSubtotalCents: t.minSubtotalCents,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    usageLimit: t.usageLimit,
    usedCount: t.usedCount,
    oncePerCustomer: t.oncePerCustomer,
    active: t.active,
  };
}

async function codeById(db: Db, id: string) {
  const { discountCodes } = pricingTables(db);
  const [row] = await db.orm.select(columns(db)).from(discountCodes).where(eq(discountCodes.id, id));
  if (!row) throw notFound("Discount code");
  return row;
}

/** The fields as stored, after `checkDiscount`; nothing is saved when it finds a problem. */
function checked(input: DiscountCodeFields) {
  const problems = checkDiscount(input);
  if (problems.length > 0) throw problemsError(problems);
  return {
    code: normalizeDiscountCode(input.code),
    kind: input.kind,
    value: input.value,
    categoryId: input.categoryId ?? null,
    minSubtotalCents: input.minSubtotalCents ?? null,
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
    usageLimit: input.usageLimit ?? null,
    oncePerCustomer: input.oncePerCustomer ?? false,
    active: input.active ?? true,
  };
}

async function writeCode(write: () => Promise<unknown>) {
  try {
    await write();
  } catch (error) {
    if (isConstraintViolation(error, "unique")) {
      throw problemsError([
        { path: ["code"], message: "Another code is already called that (codes ignore case and spaces)" },
      ]);
    }
    if (isConstraintViolation(error, "foreignKey")) {
      throw problemsError([{ path: ["categoryId"], message: "That category does not exist" }]);
    }
    if (isConstraintViolation(error, "check")) {
      // The only check a valid code can meet: a usage limit lowered below the uses so far.
      throw problemsError([
        { path: ["usageLimit"], message: "The limit cannot be below the times the code was already used" },
      ]);
    }
    throw error;
  }
}
