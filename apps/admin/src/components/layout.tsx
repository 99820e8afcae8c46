/**
 * The signed-in frame: navigation on the left, the current page on the right. On a phone the
 * navigation folds into a Menu button above the page.
 */
import { adminRoutes as routes } from "@shopwright/client/routes";
import { Suspense, useState } from "react";
import { NavLink, Outlet } from "react-router";
import { signOut } from "../lib/auth.ts";
import type { AdminUser } from "../lib/session.ts";
import styles from "./layout.module.css";

const SECTIONS = [
  { to: routes.dashboard.href(), label: "Dashboard", end: true },
  { to: routes.products.href(), label: "Products" },
  { to: routes.categories.href(), label: "Categories" },
  { to: routes.orders.href(), label: "Orders" },
  { to: routes.customers.href(), label: "Customers" },
  { to: routes.shipping.href(), label: "Shipping" },
  { to: routes.taxes.href(), label: "Taxes" },
  { to: routes.discounts.href(), label: "Discounts" },
  { to: routes.jobs.href(), label: "Jobs" },
  { to: routes.mailbox.href(), label: "Mailbox" },
];

export function Layout({ user }: { user: AdminUser }) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className={styles.shell}>
      <aside className={styles.sidebar} data-open={menuOpen}>
        <div className={styles.brand}>
          Shopwright <small>Admin</small>
        </div>
        <button
          type="button"
          className={styles.menuButton}
          aria-expanded={menuOpen}
          aria-controls="admin-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
        <nav id="admin-menu" className={styles.nav} aria-label="Sections">
          {SECTIONS.map((section) => (
            <NavLink
              key={section.to}
              to={section.to}
              end={section.end ?? false}
              className={styles.link}
              onClick={() => setMenuOpen(false)}
            >
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
