/**
 * happy-dom 21 predates the <search> element (HTML, 2023) and creates it as an unknown element,
 * which React reports on stderr as a misspelt tag. Browsers create a plain HTMLElement, as
 * happy-dom does once told. The ui test project loads this for both apps: their search areas and
 * the admin's table toolbars are <search> landmarks.
 */
import HTMLElementConfig from "happy-dom/lib/config/HTMLElementConfig.js";

HTMLElementConfig.search ??= HTMLElementConfig.section!;
