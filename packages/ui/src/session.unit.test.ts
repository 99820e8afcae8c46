import { describe, expect, it } from "vitest";
import { createSessionStore } from "./session.ts";

describe("createSessionStore", () => {
  it("restores, signs in and ends with a reason, telling listeners only of real changes", () => {
    const session = createSessionStore<{ email: string }>();
    const seen: string[] = [];
    const stop = session.subscribe(() => seen.push(session.get().status));
    expect(session.get()).toEqual({ status: "restoring" });

    const user = { email: "ada@example.com" };
    session.signedIn(user);
    session.signedIn(user);
    expect(session.get()).toEqual({ status: "signedIn", user });

    session.end("Your session has ended.");
    session.end("Your session has ended.");
    expect(session.get()).toEqual({ status: "signedOut", notice: "Your session has ended." });
    expect(seen).toEqual(["signedIn", "signedOut"]);

    stop();
    session.end();
    expect(seen).toHaveLength(2);
  });
});
