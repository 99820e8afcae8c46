/**
 * One way for every form of both apps to handle its errors:
 *
 *   const form = useForm({ validate, server: formErrors(mutation.error) });
 *   <form {...form.props(submit)}>           // submit(data) runs only when `validate` finds nothing
 *     <FormError message={form.formError} onRetry={form.retry} />
 *     <TextField name="email" error={form.error("email")} … />
 *
 * - All of a form's errors show at once: the checks the browser can make (`validate`, given every
 *   field's value) before anything is sent, and everything the server says after; the server's
 *   field errors are keyed like the inputs' `name`s ("shippingAddress.city").
 * - A failed submit (refused here or by the server) moves focus to the first invalid field, or to
 *   the form's own message when no field explains it, and scrolls it to the middle of the screen:
 *   on a phone the error is otherwise out of sight and the tap seems to do nothing.
 * - An error clears as soon as its field is fixed: after a first submit, every edit checks the form
 *   again, and a server error on a field goes once that field changes (the server will judge the
 *   new value at the next submit).
 */
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";

export type FieldErrors = Record<string, string>;

export interface ServerErrors {
  fields: FieldErrors;
  form: string | undefined;
  retryable?: boolean;
}

export interface FormOptions {
  /**
   * What the browser can tell is wrong with the values, one message per field name. It reads the
   * form's data it is given, never a component's state: at an edit it runs before that state has
   * caught up with the keystroke.
   */
  validate?: (data: FormData) => FieldErrors;
  /** The server's answer to the last submit (`formErrors(mutation.error)` from @shopwright/client). */
  server?: ServerErrors;
}

const NO_SERVER: ServerErrors = { fields: {}, form: undefined };

/** The form-level message's element, found by the focus step; `FormError` carries it. */
export const FORM_ERROR_ATTRIBUTE = "data-form-error";

export function useForm({ validate, server = NO_SERVER }: FormOptions = {}) {
  const ref = useRef<HTMLFormElement>(null);
  const [local, setLocal] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  // Fields changed since the server's answer: its verdict on them is out of date.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [focusRequest, setFocusRequest] = useState(0);
  const [seenServer, setSeenServer] = useState(server);

  const serverKey = JSON.stringify(server);
  const seenKey = JSON.stringify(seenServer);
  if (serverKey !== seenKey) {
    // A new answer from the server: all of it counts again, and a failure moves focus.
    setSeenServer(server);
    setEdited(new Set());
    if (server.form || Object.keys(server.fields).length > 0) setFocusRequest((n) => n + 1);
  }

  const serverFields = Object.fromEntries(Object.entries(server.fields).filter(([name]) => !edited.has(name)));
  const errors: FieldErrors = { ...serverFields, ...local };

  useEffect(() => {
    if (focusRequest === 0) return;
    const form = ref.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>(`[${FORM_ERROR_ATTRIBUTE}]`);
    if (!target) return;
    target.focus({ preventScroll: true });
    // The field's label and message too, not just the input: scroll the whole field into the middle.
    (target.closest("[data-field]") ?? target).scrollIntoView({ block: "center" });
  }, [focusRequest]);

  const check = useCallback(() => (validate && ref.current ? validate(new FormData(ref.current)) : {}), [validate]);

  const onEdit = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name === "string" && name && server.fields[name] && !edited.has(name)) {
      setEdited(new Set([...edited, name]));
    }
    if (attempted) setLocal(check());
  };

  return {
    ref,
    /** The `<form>`'s props: `submit` gets the form's data once the browser's checks pass. */
    props(submit: (data: FormData) => void) {
      return {
        ref,
        noValidate: true,
        // Both: React's change event is the browser's input event, but the storefront's build runs
        // on preact/compat, where a form's onChange is the browser's change event (on blur).
        onInput: onEdit,
        onChange: onEdit,
        onSubmit(event: FormEvent<HTMLFormElement>) {
          event.preventDefault();
          const problems = check();
          setAttempted(true);
          setLocal(problems);
          if (Object.keys(problems).length > 0) {
            setFocusRequest((n) => n + 1);
            return;
          }
          submit(new FormData(event.currentTarget));
        },
      };
    },
    errors,
    error: (name: string): string | undefined => errors[name],
    /** The message for the form as a whole: the server's, when no field explains the refusal. */
    formError: server.form,
    /** Submits again, for a failure that may pass on a second try (no connection, say); else undefined. */
    retry: server.retryable ? () => ref.current?.requestSubmit() : undefined,
  };
}

export type Form = ReturnType<typeof useForm>;
