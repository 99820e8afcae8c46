/**
 * The background jobs: waiting, failing (will be retried with backoff) and permanently failed
 * (the dead letters, which wait for a person). Retry puts a job back at the front of the queue.
 */

import { errorMessage } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { formatDateTime } from "@shopwright/ui/date";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { Loading } from "../../components/layout.tsx";
import { Muted, Notice, PageHeader } from "../../components/page.tsx";
import { numberCell, Table } from "../../components/table.tsx";
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
        <Notice tone="error">{errorMessage(jobs.error)}</Notice>
      ) : (
        <Table
          label="Jobs"
          head={
            <tr>
              <th>Job</th>
              <th>Task</th>
              <th className={numberCell}>Attempts</th>
              <th>Last error</th>
              <th>Runs at</th>
              <th aria-label="Actions" />
            </tr>
          }
          empty={jobs.data.length === 0 && "No jobs in this state."}
        >
          {jobs.data.map((job) => (
            <tr key={job.id}>
              <td>
                {job.id}
                {job.running && <Muted> (running)</Muted>}
              </td>
              <td>
                {job.task}
                <div className={styles.payload}>{job.payloadSummary}</div>
              </td>
              <td className={numberCell}>
                {job.attempts} / {job.maxAttempts}
              </td>
              <td className={styles.error}>{job.lastError ?? <Muted>—</Muted>}</td>
              <td>{formatDateTime(job.runAt)}</td>
              <td>
                {state !== "pending" && (
                  <Button
                    size="small"
                    disabled={job.running || retry.isPending}
                    aria-label={`Retry job ${job.id}`}
                    onClick={() => retry.mutate({ id: job.id })}
                  >
                    Retry
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
