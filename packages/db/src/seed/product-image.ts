/**
 * Product pictures drawn by the seed itself, so a fresh shop has a picture on every card without
 * fetching anything: a gradient in the product's colour, a simple drawing of what it is, its name.
 */
import type { Glyph } from "./catalog-data.ts";

/** The pictures' width and height in pixels. */
export const PRODUCT_IMAGE_SIZE = 640;

/** Simple drawings on a 640×640 canvas; `BG` marks cut-outs painted in the background colour. */
const GLYPHS: Record<Glyph, string> = {
  lamp: '<path d="M250 150h140l60 130H190z"/><rect x="312" y="280" width="16" height="170"/><rect x="250" y="450" width="140" height="22" rx="11"/>',
  chair:
    '<rect x="220" y="140" width="40" height="330" rx="8"/><rect x="220" y="300" width="220" height="40" rx="8"/><rect x="400" y="300" width="40" height="170" rx="8"/>',
  table:
    '<rect x="140" y="250" width="360" height="36" rx="8"/><rect x="170" y="286" width="30" height="190" rx="6"/><rect x="440" y="286" width="30" height="190" rx="6"/>',
  desk: '<rect x="130" y="230" width="380" height="34" rx="6"/><rect x="150" y="264" width="28" height="210" rx="6"/><rect x="350" y="264" width="140" height="210" rx="8"/><rect x="372" y="300" width="96" height="10" rx="5" fill="BG"/><rect x="372" y="380" width="96" height="10" rx="5" fill="BG"/>',
  bookshelf:
    '<rect x="200" y="120" width="240" height="360" rx="8"/><rect x="222" y="140" width="196" height="96" fill="BG"/><rect x="222" y="252" width="196" height="96" fill="BG"/><rect x="222" y="364" width="196" height="96" fill="BG"/><rect x="236" y="170" width="22" height="66"/><rect x="264" y="160" width="22" height="76"/><rect x="300" y="282" width="22" height="66"/><rect x="360" y="394" width="40" height="66"/>',
  bench:
    '<rect x="120" y="290" width="400" height="40" rx="10"/><rect x="150" y="330" width="30" height="130" rx="6"/><rect x="460" y="330" width="30" height="130" rx="6"/>',
  pot: '<rect x="190" y="230" width="260" height="200" rx="40"/><rect x="150" y="250" width="340" height="30" rx="15"/><rect x="290" y="190" width="60" height="30" rx="12"/>',
  pillow: '<path d="M170 210q150-60 300 0q-30 110 0 220q-150 60-300 0q30-110 0-220z"/>',
  headphones:
    '<path d="M200 330v-40a120 120 0 0 1 240 0v40h-26v-40a94 94 0 0 0-188 0v40z"/><rect x="180" y="320" width="60" height="110" rx="24"/><rect x="400" y="320" width="60" height="110" rx="24"/>',
  speaker:
    '<rect x="220" y="140" width="200" height="320" rx="24"/><circle cx="320" cy="370" r="60" fill="BG"/><circle cx="320" cy="220" r="30" fill="BG"/>',
  record:
    '<circle cx="320" cy="300" r="160"/><circle cx="320" cy="300" r="50" fill="BG"/><circle cx="320" cy="300" r="8"/>',
  shirt: '<path d="M250 150l-100 60 40 80 40-20v200h180V270l40 20 40-80-100-60q-70 50-140 0z"/>',
  jacket: '<path d="M250 140l-90 50-20 280h90V300l90-40 90 40v170h90l-20-280-90-50-70 60z"/>',
  shoe: '<path d="M160 330q10-90 80-90l40 60q80 20 160 30 60 10 60 60v30H160z"/>',
  sweater: '<path d="M240 160h160l110 90-40 60-40-30v200H210V280l-40 30-40-60z"/>',
  tent: '<path d="M320 150l170 290H150z"/><path d="M320 300l60 140H260z" fill="BG"/>',
  bicycle:
    '<circle cx="210" cy="370" r="80" fill="none" stroke-width="18"/><circle cx="430" cy="370" r="80" fill="none" stroke-width="18"/><path d="M210 370l80-140h100l40 140M290 230l50 140" fill="none" stroke-width="18"/>',
  notebook:
    '<rect x="210" y="140" width="220" height="300" rx="14"/><rect x="240" y="140" width="14" height="300" fill="BG"/>',
  bag: '<rect x="190" y="230" width="260" height="220" rx="30"/><path d="M260 230v-40a60 60 0 0 1 120 0v40" fill="none" stroke-width="20"/>',
  mug: '<rect x="220" y="200" width="170" height="230" rx="26"/><path d="M390 250h30a45 45 0 0 1 0 90h-30" fill="none" stroke-width="22"/>',
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Perceived brightness decides whether the drawing and the name are dark or light. */
function inkFor(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? "#1d1d1f" : "#fafaf7";
}

export function productSvg(options: { name: string; colour: string; glyph: Glyph }): string {
  const ink = inkFor(options.colour);
  const name = escapeXml(options.name);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="640" viewBox="0 0 640 640" role="img" aria-label="${name}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${options.colour}" stop-opacity=".75"/><stop offset="1" stop-color="${options.colour}"/></linearGradient></defs>
<rect width="640" height="640" fill="#fff"/><rect width="640" height="640" fill="url(#bg)"/>
<g fill="${ink}" stroke="${ink}" stroke-width="0" opacity=".88">${GLYPHS[options.glyph].replaceAll('"BG"', `"${options.colour}"`)}</g>
<text x="320" y="560" fill="${ink}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="30" font-weight="600" text-anchor="middle">${name}</text>
</svg>
`;
}
