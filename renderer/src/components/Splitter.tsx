/** A draggable, keyboard-adjustable divider between two panes. */
import { useRef } from 'react';

export function Splitter({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (v: number) => void;
}) {
  const start = useRef<{ x: number; value: number } | null>(null);
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={(e) => {
        start.current = { x: e.clientX, value };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        onChange(Math.min(max, Math.max(min, start.current.value + e.clientX - start.current.x)));
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 50 : 10;
        if (e.key === 'ArrowLeft') onChange(Math.max(min, value - step));
        else if (e.key === 'ArrowRight') onChange(Math.min(max, value + step));
        else return;
        e.preventDefault();
      }}
    />
  );
}
