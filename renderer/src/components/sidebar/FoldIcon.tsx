/** The chevron of a sidebar group: pointing down when the group is open, right when folded. */
import { ChevronDown, ChevronRight } from 'lucide-react';

export function FoldIcon({ open }: { open: boolean }) {
  return open ? (
    <ChevronDown aria-hidden="true" className="icon-svg fold-icon" />
  ) : (
    <ChevronRight aria-hidden="true" className="icon-svg fold-icon" />
  );
}
