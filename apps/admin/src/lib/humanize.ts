/** "permanently_failed" → "Permanently failed": codes (statuses, audit actions) as words. */
export const humanize = (text: string) => {
  const spaced = text.replaceAll("_", " ").replaceAll(".", " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};
