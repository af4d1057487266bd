/**
 * Text from the OpenAPI document (or its translation in the "docs" catalogue), whose descriptions
 * mark names and values as `code` (Markdown, as the interactive reference reads them): here they
 * become <code> rather than raw backticks, isolated left to right inside right-to-left text.
 */
export function Prose({ text }: { text: string }) {
  // split() with a capturing group puts the quoted parts at the odd indexes.
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code key={i} dir="ltr">{part}</code> : part));
}
