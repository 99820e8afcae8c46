/**
 * The background jobs: waiting, failing (will be retried with backoff) and permanently failed
 * (the dead letters, which wait for a person). Retry puts a job back at the front of the queue.
 */

import { errorMessage } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { DataTable } from "@shopwright/ui/data-table";
import { formatDateTime } from "@shopwright/ui/date";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { Loading } from "../../components/layout.tsx";
import { LoadError, Muted, Notice, PageHeader } from "../../components/page.tsx";
import { trpc } from "../../lib/api.ts";
import styles from "./jobs-page.module.css";

const STATES = [
  { state: "pending", label: "Pending" },
  { state: "failed", label: "Failing" },
  { state: "permanently_failed", label: "Permanently failed" },
] as const;
type JobState = (typeof STATES)[number]["state"];

export function JobsPage() {
  const [params, setParams] = useSearchParams();
  const state: JobState = STATES.find((s) => s.state === params.get("state"))?.state ?? "pending";
  const queryClient = useQueryClient();
  const jobs = useQuery({ ...trpc.admin.jobs.list.queryOptions({ state }), refetchInterval: 5_000 });
  const retry = useMutation(
    trpc.admin.jobs.retry.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.admin.jobs.list.queryKey() }),
    }),
  );

  return (
    <>
      <PageHeader title="Jobs" subtitle="Emails, payment webhooks and order expiry run in the background." />
      <div className={styles.bar}>
        <div className={styles.tabs} role="tablist" aria-label="Job state">
          {STATES.map((tab) => (
            <button
              key={tab.state}
              type="button"
              role="tab"
              aria-selected={tab.state === state}
              className={styles.tab}
              onClick={() => setParams({ state: tab.state }, { replace: true })}
            >
              {tab.label}
            </button>
          ))}
        </div>
      </div>
      {retry.isError && <Notice tone="error">{errorMessage(retry.error)}</Notice>}
      {retry.isSuccess && <Notice tone="success">Job {retry.data.id} is queued to run again.</Notice>}
      {jobs.isPending ? (
        <Loading />
      ) : jobs.isError ? (
        <LoadError error={jobs.error} onRetry={() => jobs.refetch()} />
      ) : (
        <DataTable
          label="Jobs"
          rows={jobs.data}
          rowKey={(job) => job.id}
          empty="No jobs in this state."
          columns={[
            {
              header: "Job",
              cell: (job) => (
                <>
                  {job.id}
                  {job.running && <Muted> (running)</Muted>}
                </>
              ),
            },
            {
              header: "Task",
              cell: (job) => (
                <>
                  {job.task}
                  <div className={styles.payload}>{job.payloadSummary}</div>
                </>
              ),
            },
            { header: "Attempts", numeric: true, cell: (job) => `${job.attempts} / ${job.maxAttempts}` },
            {
              header: "Last error",
              cell: (job) => <span className={styles.error}>{job.lastError ?? <Muted>—</Muted>}</span>,
            },
            {
              header: "Next run",
              // A dead letter runs again only when someone retries it: no time to show.
              cell: (job) =>
                job.state === "permanently_failed" ? <Muted>Only when retried</Muted> : formatDateTime(job.runAt),
            },
            {
              header: "Actions",
              hideHeader: true,
              cell: (job) =>
                state !== "pending" && (
                  <Button
                    size="small"
                    disabled={job.running || retry.isPending}
                    aria-label={`Retry job ${job.id}`}
                    onClick={() => retry.mutate({ id: job.id })}
                  >
                    Retry
                  </Button>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
