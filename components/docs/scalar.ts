import type { createApiReference, ReferenceProps } from "@scalar/api-reference";

const configuration: NonNullable<ReferenceProps["configuration"]> = {
  // Same origin; the document names the origin it was fetched from as its server, so "try it"
  // sends the reader's requests (with their token) to this server.
  url: "/api/openapi.json",
  // Nothing may leave this origin: no web fonts, telemetry, AI agent or MCP helpers, and no
  // "Open API Client" button (it hands the document's address to Scalar's hosted client).
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
  hideClientButton: true,
  // The token a reader types stays in memory, never in localStorage.
  persistAuth: false,
  // The page links the document itself and owns its address: no download button, no hash routing.
  documentDownloadType: "none",
  urlRouting: false,
  // The page's colour scheme is the app's (header switch or system): see mountScalar.
  hideDarkModeToggle: true,
};

/**
 * Scalar's own browser build, with Vue and everything else it needs inside. Bundled from the
 * package's sources instead, it would share modules such as zod with the app and so reshape the
 * chunks every other page loads. The package does not export this file, hence the path.
 */
const loadScalar = (): Promise<{ createApiReference: typeof createApiReference }> =>
  // @ts-expect-error -- no declarations beside the browser build; its export is the package's own createApiReference
  import("../../node_modules/@scalar/api-reference/dist/browser/standalone.esm.js");

/**
 * Scalar renders as if it were the whole page: its content is a <main> and its title an h1. Inside
 * this page's <main> a second one would leave screen readers two main landmarks, so while Scalar
 * mounts (synchronously: its Vue app creates its elements then) a <main> it asks for is made a
 * <div>, which fitIntoPage names as a region.
 */
function withoutMain<T>(mount: () => T): T {
  const createElement = document.createElement;
  document.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    return createElement.call(this, tag.toLowerCase() === "main" ? "div" : tag, options);
  } as typeof document.createElement;
  try {
    return mount();
  } finally {
    document.createElement = createElement;
  }
}

/**
 * Its title becomes a second-level heading under the page's own h1, and its content a named
 * region. (It renders sections as they scroll into view, hence the observer.)
 */
function fitIntoPage(root: HTMLElement): () => void {
  const fit = () => {
    root.querySelectorAll("h1:not([aria-level])").forEach((h) => h.setAttribute("aria-level", "2"));
    root.querySelectorAll(".references-rendered:not([role])").forEach((m) => m.setAttribute("role", "region"));
  };
  const observer = new MutationObserver(fit);
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}

const darkQuery = () => matchMedia("(prefers-color-scheme: dark)");

/** The page's colour scheme: the one chosen with the header's switch (data-theme on <html>), or the system's. */
function pageScheme(): "light" | "dark" {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return darkQuery().matches ? "dark" : "light";
}

/** Calls `onChange` when the page's colour scheme may have changed; returns the function that stops it. */
function onSchemeChange(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  const query = darkQuery();
  query.addEventListener("change", onChange);
  return () => {
    observer.disconnect();
    query.removeEventListener("change", onChange);
  };
}

/**
 * Loads Scalar and mounts the reference into `root`, in the page's colour scheme, telling
 * `onState` whether that worked. Returns the function that takes it down again (also before it
 * has loaded).
 */
export function mountScalar(root: HTMLElement, onState: (state: "ready" | "failed") => void): () => void {
  const unfit = fitIntoPage(root);
  let reference: { destroy: () => void } | undefined;
  let stopFollowing = () => {};
  let unmounted = false;
  loadScalar().then(
    ({ createApiReference }) => {
      if (unmounted) return;
      let scheme = pageScheme();
      const mount = () => withoutMain(() => createApiReference(root, { ...configuration, forceDarkModeState: scheme }));
      reference = mount();
      // Scalar reads the scheme once, when it mounts: a change (the switch, the system's) mounts it anew.
      stopFollowing = onSchemeChange(() => {
        if (pageScheme() === scheme) return;
        scheme = pageScheme();
        reference?.destroy();
        reference = mount();
      });
      onState("ready");
    },
    () => onState("failed"),
  );
  return () => {
    unmounted = true;
    stopFollowing();
    reference?.destroy();
    unfit();
  };
}
