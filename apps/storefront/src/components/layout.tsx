import { Link, NavLink, Outlet, ScrollRestoration, useNavigation } from "react-router";
import { itemCount } from "../features/cart/cart-math.ts";
import { useCart } from "../features/cart/use-cart.ts";
import { useSessionStatus } from "../lib/use-session.ts";
import styles from "./layout.module.css";
import { SearchBox } from "./search-box.tsx";

export function Layout() {
  const navigation = useNavigation();
  const status = useSessionStatus();
  const { data: cart } = useCart();
  const count = itemCount(cart);

  return (
    <>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      {navigation.state === "loading" && (
        <div className={styles.progress} role="progressbar" aria-label="Loading page" />
      )}
      <header className={styles.header}>
        <div className={styles.bar}>
          <Link to="/" className={styles.logo}>
            Shopwright
          </Link>
          <div className={styles.search}>
            <SearchBox />
          </div>
          <nav className={styles.nav} aria-label="Account">
            {status === "signedIn" ? (
              <>
                <NavLink to="/orders" className={styles.navLink}>
                  Orders
                </NavLink>
                <NavLink to="/account" className={styles.navLink}>
                  Account
                </NavLink>
              </>
            ) : (
              <NavLink to="/login" className={styles.navLink}>
                Sign in
              </NavLink>
            )}
            <NavLink to="/cart" className={styles.navLink} aria-label={`Cart, ${count} item${count === 1 ? "" : "s"}`}>
              Cart <span className={styles.badge}>{count}</span>
            </NavLink>
          </nav>
        </div>
      </header>
      <main id="main" className={styles.main}>
        <Outlet />
      </main>
      <footer className={styles.footer}>Shopwright — an open-source reference shop. Prices in USD.</footer>
      <ScrollRestoration />
    </>
  );
}
