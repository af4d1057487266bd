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

export function SubmitButton({ pending, pendingLabel, secondary = false, children, className = "", disabled, ...rest }: Props) {
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60 ${LOOKS[secondary ? "secondary" : "primary"]} ${className}`}
      {...rest}
    >
      {pending && <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current/40 border-t-current" />}
      {pending ? pendingLabel : children}
    </button>
  );
}
