import { useTranslations } from "next-intl";
import type { Profile } from "@/lib/profile/types";

/** Up to two letters from the display name: its first and last words' first characters. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (word?: string) => (word ? Array.from(word)[0]!.toLocaleUpperCase() : "");
  return words.length > 1 ? first(words[0]) + first(words.at(-1)) : first(words[0]);
}

/** Who this profile is: an initials avatar, the display name, username, organisation and role. */
export function IdentityHeader({ profile, organisation, title, titleId }: { profile: Profile; organisation: string; title: string; titleId: string }) {
  const t = useTranslations("fields");
  return (
    <header className="mb-6 flex items-center gap-4">
      <span aria-hidden className="grid h-12 w-12 shrink-0 place-items-center rounded-full bg-indigo-100 text-lg font-semibold text-indigo-800">
        {initials(profile.displayName)}
      </span>
      <div className="min-w-0">
        <h1 id={titleId} className="text-xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-700">
          <bdi className="font-medium">{profile.displayName}</bdi> · <bdi>{profile.username}</bdi> · <bdi>{organisation}</bdi> · {t(`roles.${profile.role}`)}
        </p>
      </div>
    </header>
  );
}
