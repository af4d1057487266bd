/**
 * A box that scrolls sideways when its table is wider than the screen, so the page itself never
 * does. It can be focused and scrolled with the keyboard, and is named; `relative` keeps visually
 * hidden text inside it from being laid out past the page's edge.
 */
export function ScrollBox({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div tabIndex={0} role="region" aria-label={label} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
