/**
 * The category tree: create, rename, move and delete. The select for a move leaves out the
 * category itself and everything below it; the server refuses those moves too.
 */

import { errorMessage, formErrors } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { controlClass, FormError, SelectField, TextField } from "@shopwright/ui/field";
import { useForm } from "@shopwright/ui/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Loading } from "../../components/layout.tsx";
import { Card, LoadError, Muted, Notice, PageHeader } from "../../components/page.tsx";
import { trpc } from "../../lib/api.ts";
import { type CategoryOption, flattenCategories, indented } from "../../lib/categories.ts";
import type { CategoryNode } from "../../lib/types.ts";
import styles from "./categories-page.module.css";

export function CategoriesPage() {
  const tree = useQuery(trpc.admin.categories.list.queryOptions());
  if (tree.isPending) return <Loading />;
  if (tree.isError) return <LoadError error={tree.error} onRetry={() => tree.refetch()} />;
  const options = flattenCategories(tree.data);
  return (
    <>
      <PageHeader
        title="Categories"
        subtitle="Only an empty category — no products, no subcategories — can be deleted."
      />
      <div className={styles.layout}>
        <Card title="Tree">
          {tree.data.length === 0 ? (
            <Muted>No categories yet.</Muted>
          ) : (
            <ul className={styles.tree} aria-label="Category tree">
              {tree.data.map((node) => (
                <CategoryItem key={node.id} node={node} options={options} />
              ))}
            </ul>
          )}
        </Card>
        <NewCategory options={options} />
      </div>
    </>
  );
}

function useRefreshTree() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.admin.categories.list.queryKey() });
}

function NewCategory({ options }: { options: CategoryOption[] }) {
  const refresh = useRefreshTree();
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState("");
  const create = useMutation(
    trpc.admin.categories.create.mutationOptions({
      onSuccess: () => {
        setName("");
        void refresh();
      },
    }),
  );
  const form = useForm({
    validate: (data): Record<string, string> =>
      String(data.get("name") ?? "").trim() ? {} : { name: "Give the category a name" },
    server: formErrors(create.error),
  });
  return (
    <Card title="New category">
      <form className={styles.form} {...form.props(() => create.mutate({ name, parentId: parentId || null }))}>
        <FormError message={form.formError} onRetry={form.retry} />
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.error("name") ?? form.error("slug")}
        />
        <SelectField
          label="Parent"
          name="parentId"
          value={parentId}
          onChange={(e) => setParentId(e.target.value)}
          error={form.error("parentId")}
        >
          <option value="">Top level</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {indented(option)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create category
        </Button>
      </form>
    </Card>
  );
}

function CategoryItem({ node, options }: { node: CategoryNode; options: CategoryOption[] }) {
  const refresh = useRefreshTree();
  const [mode, setMode] = useState<"view" | "rename" | "move">("view");
  const [name, setName] = useState(node.name);
  const self = options.find((option) => option.id === node.id);
  const targets = options.filter((option) => !self?.subtree.has(option.id));
  const update = useMutation(
    trpc.admin.categories.update.mutationOptions({
      onSuccess: () => {
        setMode("view");
        void refresh();
      },
    }),
  );
  const remove = useMutation(trpc.admin.categories.delete.mutationOptions({ onSuccess: () => void refresh() }));
  const error = update.error ?? remove.error;
  const empty = node.productCount === 0 && node.children.length === 0;

  const rename = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: node.id, name });
  };

  return (
    <li>
      <div className={styles.node}>
        {mode === "rename" ? (
          <form className={styles.actions} onSubmit={rename}>
            <input
              className={controlClass}
              aria-label={`New name for ${node.name}`}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <Button size="small" type="submit" variant="primary" disabled={update.isPending}>
              Save
            </Button>
            <Button size="small" onClick={() => setMode("view")}>
              Cancel
            </Button>
          </form>
        ) : (
          <span className={styles.label}>
            <span className={styles.name}>{node.name}</span>
            <span className={styles.meta}>
              /{node.slug} · {node.productCount} product{node.productCount === 1 ? "" : "s"}
            </span>
          </span>
        )}
        <div className={styles.actions}>
          {mode === "move" ? (
            <>
              <select
                className={controlClass}
                aria-label={`Move ${node.name} under`}
                defaultValue={node.parentId ?? ""}
                onChange={(e) => update.mutate({ id: node.id, parentId: e.target.value || null })}
              >
                <option value="">Top level</option>
                {targets.map((option) => (
                  <option key={option.id} value={option.id}>
                    {indented(option)}
                  </option>
                ))}
              </select>
              <Button size="small" onClick={() => setMode("view")}>
                Cancel
              </Button>
            </>
          ) : (
            mode === "view" && (
              <>
                <Button size="small" onClick={() => setMode("rename")}>
                  Rename
                </Button>
                <Button size="small" onClick={() => setMode("move")}>
                  Move
                </Button>
                <Button
                  size="small"
                  variant="danger"
                  disabled={!empty || remove.isPending}
                  title={empty ? undefined : "Move or delete what is in it first"}
                  onClick={() =>
                    window.confirm(`Delete the category “${node.name}”?`) && remove.mutate({ id: node.id })
                  }
                >
                  Delete
                </Button>
              </>
            )
          )}
        </div>
      </div>
      {error && <Notice tone="error">{errorMessage(error)}</Notice>}
      {node.children.length > 0 && (
        <ul className={styles.children}>
          {node.children.map((child) => (
            <CategoryItem key={child.id} node={child} options={options} />
          ))}
        </ul>
      )}
    </li>
  );
}
