/**
 * The most common passwords, from zxcvbn-ts's maintained list (about 49,000 entries from breach
 * corpora; MIT). Loaded on first use, so a process that never sets a password never pays for it.
 */
let common: Promise<ReadonlySet<string>> | undefined;

async function load(): Promise<ReadonlySet<string>> {
  const { dictionary } = await import("@zxcvbn-ts/language-common");
  return new Set(dictionary["passwords-common"]);
}

/** The list is lower case, so "Password123" is as common as "password123". */
export async function isCommonPassword(password: string): Promise<boolean> {
  common ??= load();
  return (await common).has(password.normalize("NFKC").toLowerCase());
}
