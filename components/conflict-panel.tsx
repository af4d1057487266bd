"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { PROFILE_FIELDS, type ProfileField } from "@/lib/profile/schema";
import type { ProfileFormValues } from "@/lib/http/form-state";
import { Time } from "./ui/time";
import { ScrollBox } from "./ui/scroll-box";
import { useFieldValue } from "./use-field-value";

interface Props {
  mine: ProfileFormValues;
  saved: ProfileFormValues;
  savedAt?: string;
  reloadHref: string;
  onUseSaved: () => void;
}

/** Both versions side by side after a lost-update was prevented; the person chooses. */
export function ConflictPanel({ mine, saved, savedAt, reloadHref, onUseSaved }: Props) {
  const t = useTranslations("profile.conflict");
  const fields = useTranslations("fields");
  const read = useFieldValue();
  // Focus goes to the heading, so keyboard and screen-reader users start at the explanation.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const show = (field: ProfileField, value: string) => read(field, value) || "—";
  return (
    <section role="alert" aria-labelledby="conflict-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="conflict-title" ref={heading} tabIndex={-1} className="text-base font-semibold">{t("title")}</h2>
      <p className="mt-1">
        {savedAt ? t.rich("explanationSavedAt", { savedAt: () => <Time value={savedAt} /> }) : t("explanation")}
      </p>
      <ScrollBox label={t("bothVersions")} className="mt-3">
        <table className="w-full min-w-[28rem] border-collapse text-start">
          <thead>
            <tr className="border-b border-amber-300">
              <th scope="col" className="py-1.5 pe-3 font-medium">{t("field")}</th>
              <th scope="col" className="py-1.5 pe-3 font-medium">{t("yours")}</th>
              <th scope="col" className="py-1.5 font-medium">{t("saved")}</th>
            </tr>
          </thead>
          <tbody>
            {PROFILE_FIELDS.map((f) => {
              const differs = mine[f] !== saved[f];
              return (
                <tr key={f} className={`border-b border-amber-200 ${differs ? "font-medium" : "text-amber-800"}`}>
                  <th scope="row" className="py-1.5 pe-3 font-normal">
                    {fields(f)}
                    {differs && <span className="sr-only"> {t("differs")}</span>}
                  </th>
                  <td dir="auto" className="py-1.5 pe-3 break-all">{show(f, mine[f])}</td>
                  <td dir="auto" className="py-1.5 break-all">{show(f, saved[f])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <div className="mt-3 flex flex-wrap gap-3">
        <p className="w-full">{t("saveMineExplained")}</p>
        <a
          href={reloadHref}
          onClick={(e) => {
            e.preventDefault();
            onUseSaved();
          }}
          className="rounded-md border border-amber-400 bg-white px-3 py-1.5 font-medium text-amber-950 hover:bg-amber-100"
        >
          {t("useSaved")}
        </a>
      </div>
    </section>
  );
}
