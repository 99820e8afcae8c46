/** The apps' page routes, for the SPAs and scripts; declared in @shopwright/routes, which the server uses too. */
export { ADMIN_BASE_PATH, adminRoutes, type Route, storefrontRoutes } from "@shopwright/routes";
