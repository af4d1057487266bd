import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Time } from "@/components/ui/time";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { recentMail } from "@/lib/mail/outbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.outbox");
  return { title: t("title") };
}

/** The mail's text with the app's own links made links (nothing else in it is trusted). */
function Body({ text }: { text: string }) {
  const base = env().APP_URL;
  const parts = text.split(/(https?:\/\/\S+)/);
  return (
    <pre dir="auto" className="mt-3 overflow-x-auto rounded-md bg-slate-50 p-3 text-sm whitespace-pre-wrap text-slate-800" tabIndex={0}>
      {parts.map((part, i) =>
        part.startsWith(`${base}/`) ? (
          <a key={i} href={part} className="text-indigo-700 underline hover:no-underline">{part}</a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

/**
 * Without SMTP_URL mail is not sent: it is kept in the database and read here, so the whole flow
 * (confirmation links included) works on a machine with no mail server. Administrators only.
 */
export default async function DevMailPage() {
  const user = await requireAdmin("/dev/mail");
  if (env().SMTP_URL) notFound();
  if (user.role !== "ADMIN") forbidden();
  const [messages, t] = await Promise.all([recentMail(50), getTranslations("admin.outbox")]);
  const smtp = () => <code className="rounded bg-slate-100 px-1">SMTP_URL</code>;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t.rich("intro", { smtp })}</p>
      </header>
      {messages.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="space-y-4">
          {messages.map((mail) => (
            <li key={mail.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <article aria-labelledby={`mail-${mail.id}`}>
                <h2 id={`mail-${mail.id}`} dir="auto" className="font-medium">{mail.subject}</h2>
                <p className="mt-1 text-sm text-slate-600">
                  {t.rich("meta", { to: () => <bdi>{mail.to}</bdi>, time: () => <Time value={mail.createdAt} /> })}
                </p>
                <Body text={mail.text} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
