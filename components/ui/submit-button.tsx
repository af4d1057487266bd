import type { MouseEvent } from "react";

interface Props extends React.ButtonHTMLAttributes<HTMLButtonElement> {
  pending: boolean;
  pendingLabel: string;
  /** One primary action per card; the others are secondary. */
  secondary?: boolean;
}

const LOOKS = {
  primary: "bg-indigo-600 text-white shadow-sm hover:bg-indigo-700",
  secondary: "border border-slate-400 bg-white text-slate-800 hover:bg-slate-100",
};

/**
 * A submit button's state while its form is sent: it does nothing and says so, but it is not
 * `disabled`, because a disabled button loses the keyboard's focus, which then falls to the page
 * (someone who pressed Enter on "Save" would start again from the top). Style it with
 * `aria-disabled:`.
 */
export const whilePending = (pending: boolean) => ({
  "aria-disabled": pending,
  onClick: (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault();
  },
});

export function SubmitButton({ pending, pendingLabel, secondary = false, children, className = "", disabled, ...rest }: Props) {
  return (
    <button
      type="submit"
      disabled={disabled}
      {...rest}
      {...whilePending(pending || Boolean(disabled))}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${LOOKS[secondary ? "secondary" : "primary"]} ${className}`}
    >
      {pending && <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current/40 border-t-current" />}
      {pending ? pendingLabel : children}
    </button>
  );
}
