/** Photo-like pictures for the SPAs' browser tests, which depend on the client, not on the API. */
export { photo } from "@shopwright/api/testing";
