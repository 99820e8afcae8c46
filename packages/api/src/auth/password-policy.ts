/**
 * The password rule (ASVS 5.0 6.2.1, 6.2.4, 6.2.9, 6.2.5): 8 to 256 characters, any characters, no
 * composition rules, not one of the most common passwords. It lives here, free of imports, so the
 * SPAs can show it (through @shopwright/client) before anyone gets it wrong.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_RULE =
  "Use 8 to 256 characters. Any characters work, spaces and emoji included; very common passwords are refused.";

export const COMMON_PASSWORD_MESSAGE = "This password is one of the most common; choose one that is harder to guess";
