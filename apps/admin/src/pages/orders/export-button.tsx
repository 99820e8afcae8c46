/**
 * Downloads the orders the list's filters select as CSV (`admin.orders.exportCsv`), with every part
 * of each total as the order stored it.
 */
import { errorMessage } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { useMutation } from "@tanstack/react-query";
import { queryClient, trpc } from "../../lib/api.ts";
import type { OrderStatus } from "../../lib/types.ts";

export function ExportOrdersButton({ filter }: { filter: { status?: OrderStatus; q?: string } }) {
  const download = useMutation({
    mutationFn: async () => {
      const { csv } = await queryClient.fetchQuery({
        ...trpc.admin.orders.exportCsv.queryOptions(filter),
        staleTime: 0,
      });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      link.download = `orders-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    },
  });
  return (
    <>
      <Button variant="secondary" disabled={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? "Exporting…" : "Export CSV"}
      </Button>
      {download.isError && <span role="alert">{errorMessage(download.error)}</span>}
    </>
  );
}
