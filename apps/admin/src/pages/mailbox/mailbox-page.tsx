/**
 * What the dev mail catcher received. A message's HTML is shown in a frame sandboxed with no
 * permissions at all: no scripts, no same-origin access, no forms, no navigation of this page.
 */

import { formatDateTime } from "@shopwright/ui/date";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useSearchParams } from "react-router";
import { Loading } from "../../components/layout.tsx";
import { Card, LoadError, Muted, PageHeader } from "../../components/page.tsx";
import { trpc } from "../../lib/api.ts";
import styles from "./mailbox-page.module.css";

export function MailboxPage() {
  const [params, setParams] = useSearchParams();
  const selected = params.get("id");
  const messages = useQuery({ ...trpc.admin.mailbox.list.queryOptions(), refetchInterval: 5_000 });

  return (
    <>
      <PageHeader title="Mailbox" subtitle="Email caught by the development mail catcher (no SMTP_URL set)." />
      {messages.isPending ? (
        <Loading />
      ) : messages.isError ? (
        <LoadError error={messages.error} onRetry={() => messages.refetch()} />
      ) : messages.data.length === 0 ? (
        <Muted>No messages yet.</Muted>
      ) : (
        <div className={styles.layout}>
          <ul className={styles.list} aria-label="Messages">
            {messages.data.map((message) => (
              <li key={message.id}>
                <button
                  type="button"
                  className={styles.item}
                  aria-current={message.id === selected}
                  onClick={() => setParams({ id: message.id }, { replace: true })}
                >
                  <span className={styles.subject}>{message.subject}</span>
                  <span className={styles.meta}>
                    to {message.to} · {formatDateTime(message.receivedAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {selected ? <Message id={selected} /> : <Muted>Choose a message to read it.</Muted>}
        </div>
      )}
    </>
  );
}

function Message({ id }: { id: string }) {
  const message = useQuery(trpc.admin.mailbox.get.queryOptions({ id }));
  const opened = useRef<HTMLDivElement>(null);
  // On a phone the message is below the list, far from the tap: bring it into view, and focus it
  // so the keyboard and screen readers are there too.
  useEffect(() => {
    if (!message.data) return;
    opened.current?.focus({ preventScroll: true });
    opened.current?.scrollIntoView({ block: "start" });
  }, [message.data]);
  if (message.isPending) return <Loading />;
  if (message.isError) return <LoadError error={message.error} onRetry={() => message.refetch()} />;
  const { subject, from, to, receivedAt, html, text } = message.data;
  return (
    <div ref={opened} tabIndex={-1} className={styles.message}>
      <Card title={subject}>
        <p className={styles.headers}>
          <Muted>
            From {from} to {to} · {formatDateTime(receivedAt)}
          </Muted>
        </p>
        {html ? (
          <iframe className={styles.frame} title={`Email: ${subject}`} sandbox="" srcDoc={html} />
        ) : (
          <pre className={styles.text}>{text}</pre>
        )}
      </Card>
    </div>
  );
}
