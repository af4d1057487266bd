"use client";

import Link from "next/link";
import { startTransition, useActionState, useMemo } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createUserForm, MIN_PASSWORD, ROLE_LABELS, type CreateUserInput, type CreateUserOutput } from "@/lib/profile/schema";
import type { ActionState } from "@/lib/profile/form-state";
import type { Role } from "@/lib/profile/types";
import { Alert } from "./ui/alert";
import { Field } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";
import { ProfileFields, controlProps } from "./profile-fields";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  roles: Role[];
  /** Organisations the admin may create users in; one means no choice. */
  orgs: { id: string; name: string }[];
}

const EMPTY = { username: "", email: "", firstName: "", lastName: "", displayName: "", nickName: "", preferredLanguage: "", gender: "GENDER_UNSPECIFIED", role: "USER", orgId: "", password: "" };

/** Creating a user: the profile fields with the same schema as the profile form, plus the account. */
export function CreateUserForm({ action, roles, orgs }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const defaults = { ...EMPTY, orgId: orgs[0]?.id ?? "", ...state.values };
  const serverErrors = useMemo(
    () => Object.fromEntries(Object.entries(state.errors ?? {}).map(([f, message]) => [f, { type: "server", message }])) as FieldErrors<CreateUserInput>,
    [state.errors],
  );
  const form = useForm<CreateUserInput, unknown, CreateUserOutput>({
    resolver: zodResolver(createUserForm),
    defaultValues: defaults as CreateUserInput,
    errors: serverErrors,
    mode: "onChange",
  });
  const errorOf = (name: keyof CreateUserInput) => form.formState.errors[name]?.message;

  if (state.status === "ok") {
    return (
      <div className="space-y-4">
        <Alert tone="success">{state.message}</Alert>
        {state.secret && (
          <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-base select-all" aria-label="Initial password">{state.secret}</p>
        )}
        <div className="flex gap-3">
          <Link href={state.href!} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">Open the user</Link>
          <Link href={`/admin/users/new?after=${state.href!.split("/").pop()}`} className="rounded-md border border-slate-300 px-4 py-2 text-sm text-slate-800 hover:bg-slate-100">Create another</Link>
        </div>
      </div>
    );
  }

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    return form.handleSubmit(() => startTransition(() => formAction(new FormData(element))))(event);
  };
  const passwordHint = `Leave empty to generate one. At least ${MIN_PASSWORD} characters.`;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Create user">
      <div aria-live="polite" className="empty:hidden">
        {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="username" label="Username" hint="Used to sign in; letters, digits and . _ - @." error={errorOf("username")}>
          <input {...form.register("username")} {...controlProps("username", errorOf("username"), "Used to sign in; letters, digits and . _ - @.")} defaultValue={defaults.username} autoComplete="off" aria-required />
        </Field>
        <Field id="email" label="Email" error={errorOf("email")}>
          <input {...form.register("email")} {...controlProps("email", errorOf("email"))} type="email" defaultValue={defaults.email} autoComplete="off" aria-required />
        </Field>
      </div>
      <ProfileFields register={(name) => form.register(name)} errorOf={errorOf} defaults={defaults} />
      <div className="grid gap-5 border-t border-slate-200 pt-6 sm:grid-cols-2">
        <Field id="role" label="Role" error={errorOf("role")}>
          <select {...form.register("role")} {...controlProps("role", errorOf("role"))} defaultValue={defaults.role}>
            {roles.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </Field>
        {orgs.length > 1 ? (
          <Field id="orgId" label="Organisation" error={errorOf("orgId")}>
            <select {...form.register("orgId")} {...controlProps("orgId", errorOf("orgId"))} defaultValue={defaults.orgId}>
              {orgs.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </Field>
        ) : (
          <input type="hidden" {...form.register("orgId")} defaultValue={defaults.orgId} />
        )}
        <Field id="password" label="Initial password" optional hint={passwordHint} error={errorOf("password")}>
          <input {...form.register("password")} {...controlProps("password", errorOf("password"), passwordHint)} type="password" autoComplete="new-password" />
        </Field>
      </div>
      <div className="border-t border-slate-200 pt-6">
        <SubmitButton pending={pending} pendingLabel="Creating…">Create user</SubmitButton>
      </div>
    </form>
  );
}
