import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { type ReactNode, useLayoutEffect } from "react";
import { Link, NavLink, Outlet, ScrollRestoration, useNavigation } from "react-router";
import { itemCount } from "../features/cart/cart-math.ts";
import { useCart } from "../features/cart/use-cart.ts";
import { useSessionStatus } from "../lib/use-session.ts";
import "./layout.css";
import { SearchBox } from "./search-box.tsx";

/** The page frame around the current route, or around `children` (the error screen). */
export function Layout({ children }: { children?: ReactNode }) {
  // index.html's static frame shows until this one is in the DOM, and goes before the next paint.
  useLayoutEffect(() => document.getElementById("shell")?.remove(), []);
  const navigation = useNavigation();
  const status = useSessionStatus();
  const { data: cart } = useCart();
  const count = itemCount(cart);

  return (
    <>
      <a href="#main" className="layout-skip">
        Skip to content
      </a>
      {navigation.state === "loading" && (
        <div className="layout-progress" role="progressbar" aria-label="Loading page" />
      )}
      <header className="layout-header">
        <div className="layout-bar">
          <Link to="/" className="layout-logo">
            Shopwright
          </Link>
          <div className="layout-search">
            <SearchBox />
          </div>
          <nav className="layout-nav" aria-label="Account">
            {status === "signedIn" ? (
              <>
                <NavLink to="/orders" className="layout-nav-link">
                  Orders
                </NavLink>
                <NavLink to="/account" className="layout-nav-link">
                  Account
                </NavLink>
              </>
            ) : (
              <NavLink to="/login" className="layout-nav-link">
                Sign in
              </NavLink>
            )}
            <NavLink to="/cart" className="layout-nav-link" aria-label={`Cart, ${count} item${count === 1 ? "" : "s"}`}>
              Cart <span className="layout-badge">{count}</span>
            </NavLink>
          </nav>
        </div>
      </header>
      <main id="main" className="layout-main">
        {children ?? <Outlet />}
      </main>
      <footer className="layout-footer">
        Shopwright — an open-source reference shop. Prices in USD.{" "}
        <Link to={routes.findOrder.href()}>Find my order</Link>
      </footer>
      <ScrollRestoration />
    </>
  );
}
