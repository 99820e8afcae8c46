/**
 * The password rule (ASVS 5.0 6.2.1, 6.2.4, 6.2.9, 6.2.5): 8 to 256 characters, any characters, no
 * composition rules, not only spaces, not one of the most common passwords. It lives here, free of
 * imports, so the SPAs can show it and check it (through @shopwright/client) before anyone gets it
 * wrong, with the server's own words.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_RULE =
  "Use 8 to 256 characters, not only spaces. Any characters work, spaces and emoji included; very common passwords are refused.";

export const PASSWORD_LENGTH_MESSAGE = `Use ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`;

/** Eight spaces pass a length rule and protect nothing; a sentence with spaces in it is fine. */
export const BLANK_PASSWORD_MESSAGE = "A password cannot be only spaces; add letters, digits or symbols";

export const COMMON_PASSWORD_MESSAGE = "This password is one of the most common; choose one that is harder to guess";

/**
 * What is wrong with a new password as typed, else undefined. Characters are code points, so an
 * emoji counts once. (Whether it is a common password only the server knows.)
 */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) return PASSWORD_LENGTH_MESSAGE;
  if (/^\s*$/u.test(password)) return BLANK_PASSWORD_MESSAGE;
  return undefined;
}
