/**
 * Create and edit a product. The server decides what is valid: its zod issues (and a taken slug)
 * come back by field and are shown under the field they concern.
 */

import { errorMessage, formErrors } from "@shopwright/client";
import { adminRoutes as routes } from "@shopwright/client/routes";
import { Button } from "@shopwright/ui/button";
import { FormError, SelectField, TextAreaField, TextField } from "@shopwright/ui/field";
import { useForm } from "@shopwright/ui/form";
import { centsToDollars, parseDollars } from "@shopwright/ui/money";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router";
import { AuditTrail } from "../../components/audit-trail.tsx";
import { Loading } from "../../components/layout.tsx";
import { Card, LoadError, MainAndSide, Notice, PageHeader } from "../../components/page.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { trpc } from "../../lib/api.ts";
import { flattenCategories, indented } from "../../lib/categories.ts";
import type { ProductDetail } from "../../lib/types.ts";
import { ProductImages } from "./product-images.tsx";
import styles from "./product-page.module.css";
import { VariantsEditor } from "./variants/variants-editor.tsx";

interface Draft {
  name: string;
  slug: string;
  description: string;
  price: string;
  stock: string;
  categoryId: string;
  status: "active" | "archived";
}

const emptyDraft: Draft = {
  name: "",
  slug: "",
  description: "",
  price: "",
  stock: "0",
  categoryId: "",
  status: "active",
};

const draftOf = (product: ProductDetail): Draft => ({
  name: product.name,
  slug: product.slug,
  description: product.description,
  price: centsToDollars(product.priceCents),
  stock: String(product.stock),
  categoryId: product.categoryId,
  status: product.status,
});

/** What the form sends; a number the browser cannot read is sent as 0 (and never sent: see `problemsOf`). */
function fieldsOf(draft: Draft) {
  const priceCents = parseDollars(draft.price);
  const stock = /^-?\d+$/.test(draft.stock.trim()) ? Number(draft.stock) : null;
  return {
    name: draft.name,
    ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {}),
    description: draft.description,
    priceCents: priceCents ?? 0,
    stock: stock ?? 0,
    categoryId: draft.categoryId,
    status: draft.status,
  };
}

/**
 * Every problem the browser can see, at once and in the server's words, keyed like the API's
 * fields (the inputs' names): a form that reported the price first and the name, stock and
 * category only after that was fixed cost two rounds. (A taken slug only the server can tell.)
 */
function problemsOf(data: FormData): Record<string, string> {
  const value = (name: string) => String(data.get(name) ?? "").trim();
  const problems: Record<string, string> = {};
  if (!value("name")) problems.name = "Give the product a name";
  // A product with options has no price or stock of its own: its variants do (and the form has no such fields).
  if (data.has("priceCents")) {
    const priceCents = parseDollars(value("priceCents"));
    if (priceCents === undefined) problems.priceCents = "Enter a price like 12.99";
    else if (priceCents < 0) problems.priceCents = "Price cannot be negative";
  }
  if (data.has("stock")) {
    if (!/^-?\d+$/.test(value("stock"))) problems.stock = "Enter a whole number";
    else if (Number(value("stock")) < 0) problems.stock = "Stock cannot be negative";
  }
  if (!value("categoryId")) problems.categoryId = "Choose a category";
  return problems;
}

type Fields = ReturnType<typeof fieldsOf>;

export function NewProductPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.admin.products.create.mutationOptions({
      onSuccess: (product) => {
        void queryClient.invalidateQueries({ queryKey: trpc.admin.products.list.queryKey() });
        navigate(routes.product.href({ id: product.id }), { replace: true, state: { created: true } });
      },
    }),
  );
  return (
    <>
      <PageHeader title="New product" subtitle="Images can be added once the product is saved." />
      <ProductForm
        initial={emptyDraft}
        submitLabel="Create product"
        pending={create.isPending}
        error={create.error}
        onSubmit={(fields) => create.mutate(fields)}
      />
    </>
  );
}

export function EditProductPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const [notice, setNotice] = useState<string | null>(created ? "Product created. Add its images here." : null);
  const product = useQuery(trpc.admin.products.byId.queryOptions({ id }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.admin.products.byId.queryKey({ id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.products.list.queryKey() }),
    ]);
  const update = useMutation(
    trpc.admin.products.update.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.admin.products.byId.queryKey({ id }), updated);
        void refresh();
        setNotice("Saved.");
      },
    }),
  );
  // The variants editor starts afresh from what each save returns, with the new variants' ids.
  const [variantSaves, setVariantSaves] = useState(0);
  const saveVariants = useMutation(
    trpc.admin.products.update.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.admin.products.byId.queryKey({ id }), updated);
        void refresh();
        setVariantSaves((count) => count + 1);
        setNotice("Variants saved.");
      },
    }),
  );
  const remove = useMutation(
    trpc.admin.products.delete.mutationOptions({
      onSuccess: async ({ outcome }) => {
        await refresh();
        if (outcome === "deleted") navigate("/products", { replace: true });
        else setNotice("This product has been ordered, so it was archived instead of deleted.");
      },
    }),
  );

  if (product.isPending) return <Loading />;
  if (product.isError) return <LoadError error={product.error} onRetry={() => product.refetch()} />;
  const data = product.data;

  const confirmDelete = () => {
    const question = data.ordered
      ? `“${data.name}” has been ordered, so it will be archived (hidden from the shop) rather than deleted. Continue?`
      : `Delete “${data.name}” and its images for good?`;
    if (window.confirm(question)) remove.mutate({ id });
  };

  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={
          <>
            <StatusBadge status={data.status} /> /{data.slug}
          </>
        }
        actions={
          <Button variant="danger" onClick={confirmDelete} disabled={remove.isPending}>
            {data.ordered ? "Archive" : "Delete"}
          </Button>
        }
      />
      {notice && <Notice tone="success">{notice}</Notice>}
      {remove.isError && <Notice tone="error">{errorMessage(remove.error)}</Notice>}
      <MainAndSide>
        <ProductForm
          key={data.updatedAt.valueOf()}
          initial={draftOf(data)}
          hasOptions={data.options.length > 0}
          submitLabel="Save changes"
          pending={update.isPending}
          error={update.error}
          onSubmit={(_fields, changed) => {
            // Only what the admin changed is sent: re-sending an untouched stock figure would undo
            // the sales made since the form was loaded.
            if (Object.keys(changed).length === 0) return setNotice("Nothing to save.");
            setNotice(null);
            update.mutate({ id, ...changed });
          }}
        />
        <div className={styles.side}>
          <ProductImages product={data} />
          <AuditTrail entries={data.audit} />
        </div>
      </MainAndSide>
      <Card title="Options and variants">
        <VariantsEditor
          key={`${data.updatedAt.valueOf()}-${variantSaves}`}
          slug={data.slug}
          options={data.options}
          variants={data.variants}
          pending={saveVariants.isPending}
          error={saveVariants.error}
          onSave={(input) => {
            setNotice(null);
            saveVariants.mutate({ id, ...input });
          }}
        />
      </Card>
    </>
  );
}

function ProductForm({
  initial,
  hasOptions = false,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  initial: Draft;
  /** Its variants then hold the prices and stock, edited in the variants' grid. */
  hasOptions?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (fields: Fields, changed: Partial<Fields>) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const categories = useQuery(trpc.admin.categories.list.queryOptions());
  const form = useForm({ validate: problemsOf, server: formErrors(error) });
  const set = (key: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  const submit = () => {
    const fields = fieldsOf(draft);
    const before = fieldsOf(initial) as Record<string, unknown>;
    const changed = Object.fromEntries(Object.entries(fields).filter(([key, value]) => before[key] !== value));
    onSubmit(fields, changed);
  };

  return (
    <Card title="Details">
      <form className={styles.form} {...form.props(submit)}>
        <FormError message={form.formError} onRetry={form.retry} />
        <TextField label="Name" name="name" value={draft.name} onChange={set("name")} error={form.error("name")} />
        <TextField
          label="Slug"
          name="slug"
          value={draft.slug}
          onChange={set("slug")}
          error={form.error("slug")}
          placeholder="generated from the name"
          hint="The product's address in the shop: lower-case words joined by dashes."
        />
        <TextAreaField
          label="Description"
          name="description"
          value={draft.description}
          onChange={set("description")}
          error={form.error("description")}
        />
        <div className={styles.row}>
          {!hasOptions && (
            <>
              <TextField
                label="Price (USD)"
                // Named as the API's field, whose errors it shows; it holds dollars as typed.
                name="priceCents"
                inputMode="decimal"
                value={draft.price}
                onChange={set("price")}
                error={form.error("priceCents")}
              />
              <TextField
                label="Stock"
                name="stock"
                inputMode="numeric"
                value={draft.stock}
                onChange={set("stock")}
                error={form.error("stock")}
              />
            </>
          )}
          <SelectField
            label="Status"
            name="status"
            value={draft.status}
            onChange={set("status")}
            error={form.error("status")}
          >
            <option value="active">Active</option>
            <option value="archived">Archived</option>
          </SelectField>
        </div>
        <SelectField
          label="Category"
          name="categoryId"
          value={draft.categoryId}
          onChange={set("categoryId")}
          error={form.error("categoryId")}
        >
          <option value="">Choose a category</option>
          {flattenCategories(categories.data ?? []).map((option) => (
            <option key={option.id} value={option.id}>
              {indented(option)}
            </option>
          ))}
        </SelectField>
        <div className={styles.actions}>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Saving…" : submitLabel}
          </Button>
        </div>
      </form>
    </Card>
  );
}
