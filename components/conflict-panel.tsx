"use client";

import { useEffect, useRef } from "react";
import { FIELD_LABELS, GENDER_LABELS, PROFILE_FIELDS, type Gender, type ProfileField } from "@/lib/profile/schema";
import type { ProfileFormValues } from "@/lib/http/form-state";
import { languageName } from "@/lib/format";
import { Time } from "./ui/time";
import { ScrollBox } from "./ui/scroll-box";

function show(field: ProfileField, value: string): string {
  if (field === "gender") return GENDER_LABELS[value as Gender] ?? value;
  if (field === "preferredLanguage" && value) return languageName(value);
  return value || "—";
}

interface Props {
  mine: ProfileFormValues;
  saved: ProfileFormValues;
  savedAt?: string;
  reloadHref: string;
  onUseSaved: () => void;
}

/** Both versions side by side after a lost-update was prevented; the person chooses. */
export function ConflictPanel({ mine, saved, savedAt, reloadHref, onUseSaved }: Props) {
  // Focus goes to the heading, so keyboard and screen-reader users start at the explanation.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section role="alert" aria-labelledby="conflict-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="conflict-title" ref={heading} tabIndex={-1} className="text-base font-semibold">Someone else saved this profile while you were editing</h2>
      <p className="mt-1">
        Nothing was overwritten{savedAt && <> (their version was saved <Time value={savedAt} />)</>}.
        Compare the two versions, then keep yours or use theirs.
      </p>
      <ScrollBox label="Both versions" className="mt-3">
        <table className="w-full min-w-[28rem] border-collapse text-left">
          <thead>
            <tr className="border-b border-amber-300">
              <th scope="col" className="py-1.5 pr-3 font-medium">Field</th>
              <th scope="col" className="py-1.5 pr-3 font-medium">Your version</th>
              <th scope="col" className="py-1.5 font-medium">Saved version</th>
            </tr>
          </thead>
          <tbody>
            {PROFILE_FIELDS.map((f) => {
              const differs = mine[f] !== saved[f];
              return (
                <tr key={f} className={`border-b border-amber-200 ${differs ? "font-medium" : "text-amber-800"}`}>
                  <th scope="row" className="py-1.5 pr-3 font-normal">
                    {FIELD_LABELS[f]}
                    {differs && <span className="sr-only"> (differs)</span>}
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
        <p className="w-full">“Save my version” below replaces theirs with what is in the form.</p>
        <a
          href={reloadHref}
          onClick={(e) => {
            e.preventDefault();
            onUseSaved();
          }}
          className="rounded-md border border-amber-400 bg-white px-3 py-1.5 font-medium text-amber-950 hover:bg-amber-100"
        >
          Discard mine and use the saved version
        </a>
      </div>
    </section>
  );
}
