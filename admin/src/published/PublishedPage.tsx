// Replaced by the page itself; kept so the console builds while it is written.
export function PublishedPage() {
  return <p>Under construction.</p>;
}

export function PublishedIndex() {
  return <p>Under construction.</p>;
}
