// Replaced by the page itself; kept so the console builds while it is written.
export function CalculatorPage() {
  return <p>Under construction.</p>;
}
