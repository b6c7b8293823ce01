// Replaced by the page itself; kept so the console builds while it is written.
export function ComparePage() {
  return <p>Under construction.</p>;
}
