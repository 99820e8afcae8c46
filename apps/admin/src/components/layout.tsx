/** The signed-in frame: navigation on the left, the current page on the right. */
import { Suspense } from "react";
import { NavLink, Outlet } from "react-router";
import { signOut } from "../lib/auth.ts";
import type { AdminUser } from "../lib/session.ts";
import styles from "./layout.module.css";

const SECTIONS = [
  { to: "/", label: "Dashboard", end: true },
  { to: "/products", label: "Products" },
  { to: "/categories", label: "Categories" },
  { to: "/orders", label: "Orders" },
  { to: "/jobs", label: "Jobs" },
  { to: "/mailbox", label: "Mailbox" },
];

export function Layout({ user }: { user: AdminUser }) {
  return (
    <div className={styles.shell}>
      <aside className={styles.sidebar}>
        <div className={styles.brand}>
          Shopwright <small>Admin</small>
        </div>
        <nav className={styles.nav} aria-label="Sections">
          {SECTIONS.map((section) => (
            <NavLink key={section.to} to={section.to} end={section.end ?? false} className={styles.link}>
              {section.label}
            </NavLink>
          ))}
        </nav>
        <div className={styles.account}>
          {user.email}
          <br />
          <button type="button" className={styles.signOut} onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </aside>
      <main className={styles.main}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

export const Loading = () => (
  <p className={styles.loading} role="status">
    Loading…
  </p>
);
