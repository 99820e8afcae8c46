/** Discount codes: the list with how often each was used, pause and resume, create and edit. */
import { errorMessage } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { DataTable } from "@shopwright/ui/data-table";
import { formatCents } from "@shopwright/ui/money";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Loading } from "../../components/layout.tsx";
import { Card, LoadError, MainAndSide, Muted, Notice, PageHeader } from "../../components/page.tsx";
import { trpc } from "../../lib/api.ts";
import { flattenCategories } from "../../lib/categories.ts";
import type { DiscountCode } from "../../lib/types.ts";
import { DiscountForm } from "./discount-form.tsx";
import styles from "./pricing.module.css";

const value = (code: DiscountCode) => (code.kind === "percent" ? `${code.value} %` : formatCents(code.value));

/** A day as the form takes it: the shop's times are UTC. */
const formatDate = (date: Date) => date.toISOString().slice(0, 10);

function validity(code: DiscountCode) {
  if (!code.startsAt && !code.endsAt) return "Always";
  const from = code.startsAt ? `from ${formatDate(code.startsAt)}` : "";
  const to = code.endsAt ? `until ${formatDate(code.endsAt)}` : "";
  return [from, to].filter(Boolean).join(" ");
}

export function DiscountsPage() {
  const codes = useQuery(trpc.admin.discounts.list.queryOptions());
  const categories = useQuery(trpc.admin.categories.list.queryOptions());
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<DiscountCode | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.discounts.list.queryKey() });
  const create = useMutation(trpc.admin.discounts.create.mutationOptions({ onSuccess: () => void refresh() }));
  const update = useMutation(
    trpc.admin.discounts.update.mutationOptions({
      onSuccess: () => {
        setEditing(null);
        void refresh();
      },
    }),
  );
  const remove = useMutation(trpc.admin.discounts.delete.mutationOptions({ onSuccess: () => void refresh() }));
  if (codes.isPending || categories.isPending) return <Loading />;
  if (codes.isError) return <LoadError error={codes.error} onRetry={() => codes.refetch()} />;
  if (categories.isError) return <LoadError error={categories.error} onRetry={() => categories.refetch()} />;
  const options = flattenCategories(categories.data);
  const categoryName = (id: string | null) => (id ? (options.find((o) => o.id === id)?.name ?? id) : "Whole order");
  const rowError = remove.error ?? (editing ? null : update.error);

  return (
    <>
      <PageHeader
        title="Discount codes"
        subtitle="Codes ignore case and spaces. A code orders have used can be paused, not deleted."
      />
      {rowError && <Notice tone="error">{errorMessage(rowError)}</Notice>}
      <MainAndSide>
        <Card title="Codes">
          <DataTable
            label="Discount codes"
            rows={codes.data}
            rowKey={(code) => code.id}
            empty={<Muted>No codes yet.</Muted>}
            columns={[
              { header: "Code", cell: (code) => <strong>{code.code}</strong> },
              { header: "Off", numeric: true, cell: value },
              { header: "On", cell: (code) => categoryName(code.categoryId) },
              { header: "Valid", cell: validity },
              {
                header: "Used",
                numeric: true,
                cell: (code) => (code.usageLimit == null ? code.usedCount : `${code.usedCount} of ${code.usageLimit}`),
              },
              { header: "Status", cell: (code) => (code.active ? "Active" : "Paused") },
              {
                header: "Actions",
                hideHeader: true,
                shrink: true,
                cell: (code) => (
                  <div className={styles.actions}>
                    <Button size="small" onClick={() => setEditing(code)} aria-label={`Edit ${code.code}`}>
                      Edit
                    </Button>
                    <Button
                      size="small"
                      disabled={update.isPending}
                      onClick={() => update.mutate({ id: code.id, active: !code.active })}
                      aria-label={`${code.active ? "Pause" : "Resume"} ${code.code}`}
                    >
                      {code.active ? "Pause" : "Resume"}
                    </Button>
                    {code.usedCount === 0 && (
                      <Button
                        size="small"
                        variant="danger"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate({ id: code.id })}
                        aria-label={`Delete ${code.code}`}
                      >
                        Delete
                      </Button>
                    )}
                  </div>
                ),
              },
            ]}
          />
        </Card>
        {editing ? (
          <Card title={`Edit ${editing.code}`}>
            <DiscountForm
              key={editing.id}
              code={editing}
              categories={options}
              pending={update.isPending}
              error={update.error}
              onSubmit={(input) => update.mutate({ id: editing.id, ...input })}
              onCancel={() => setEditing(null)}
            />
          </Card>
        ) : (
          <Card title="New code">
            <DiscountForm
              key={create.data?.id ?? "new"}
              categories={options}
              pending={create.isPending}
              error={create.error}
              onSubmit={(input) => create.mutate(input)}
            />
          </Card>
        )}
      </MainAndSide>
    </>
  );
}
