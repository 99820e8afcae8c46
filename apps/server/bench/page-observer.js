// Runs in the page before its own scripts (plain JS: it is sent to the browser as text). Records
// first-contentful-paint, the cumulative layout shift score, and the moment an element matching
// `ready` first appears enabled, on window.__perf. The bench appends the call: observe({ selector }).
// biome-ignore lint/correctness/noUnusedVariables: the bench appends the call
function observe(ready) {
  const perf = { interactive: 0, firstPaint: 0, layoutShift: 0 };
  window.__perf = perf;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === "first-contentful-paint") perf.firstPaint = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) perf.layoutShift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  const check = () => {
    if (perf.interactive) return;
    const found = [...document.querySelectorAll(ready.selector)].some(
      (el) => !el.disabled && (!ready.text || el.textContent.trim().startsWith(ready.text)),
    );
    if (found) perf.interactive = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}
