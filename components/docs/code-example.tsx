import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/**
 * A command to paste, with a Copy button. It scrolls sideways on a narrow screen, so it takes focus
 * (arrow keys scroll it) and is a named region that says which operation it is for. Commands read
 * left to right in every language.
 */
export function CodeExample({ operation, code }: { operation: string; code: string }) {
  const t = useTranslations("docs.reference");
  return (
    <div className="space-y-2">
      <pre
        tabIndex={0}
        role="region"
        dir="ltr"
        aria-label={t("exampleOf", { operation })}
        className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-start text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <code>{code}</code>
      </pre>
      <CopyButton value={code} what={t("copyWhat", { operation })} />
    </div>
  );
}
