/** An unread (or starred) count beside a sidebar item, said in words to a screen reader. */

// One formatter for every count: Number.toLocaleString builds one per call, which showed
// in the profile of a sidebar with a thousand feeds.
const NUMBER = new Intl.NumberFormat();

export function Count({ n, what }: { n: number | undefined; what: string }) {
  if (!n) return null;
  return (
    <span className="count" aria-label={`${n} ${what}`}>
      {n > 99_999 ? '99k+' : NUMBER.format(n)}
    </span>
  );
}
