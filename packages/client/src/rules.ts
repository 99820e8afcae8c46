/** The rules the server enforces, for forms to check before sending; declared in the API's import-free shared rules. */
export {
  BLANK_PASSWORD_MESSAGE,
  MAX_BATCH_SIZE,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_RULE,
  passwordProblem,
} from "@shopwright/api/rules";
