/**
 * A day's heading between the list's rows ("Today", "Yesterday", "Monday 30 November").
 * Hidden from assistive technology: the list is a listbox, which may hold only options,
 * and each option already says its date. Not focusable, and j/k pass over it.
 */
export function DayHeading({ label }: { label: string }) {
  return (
    <div className="day-heading" aria-hidden="true">
      {label}
    </div>
  );
}
