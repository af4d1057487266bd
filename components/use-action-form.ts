"use client";

import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { $ZodType } from "zod/v4/core";
import type { FormState } from "@/lib/http/form-state";

type Schema<In extends FieldValues, Out extends FieldValues> = $ZodType<Out, In>;

/**
 * A form that validates as people type with a Zod schema and submits to a server action; the
 * same action answers a post without JavaScript. Server field errors become the form's errors.
 * After a submit refused here or by the server, focus goes to the first invalid field in the
 * order people see the fields (not the order the schema lists them), and `refused` says so, so
 * that the form's message region replaces an earlier answer ("saved") with "fix these" (4.1.3).
 */
export function useActionForm<In extends FieldValues, Out extends FieldValues, S extends FormState>(
  schema: Schema<In, Out> | ((state: S) => Schema<In, Out>),
  action: (state: Awaited<S>, formData: FormData) => Promise<S>,
  options: {
    initialState: Awaited<S>;
    defaultValues: DefaultValues<In> | ((state: S) => DefaultValues<In>);
    /** Asked once the input is valid, before anything is sent (a destructive action: components/ui/confirm.tsx). */
    confirm?: () => Promise<boolean>;
  },
) {
  const [state, formAction, pending] = useActionState(action, options.initialState);
  // The server's answer that was current when the schema last refused a submit here.
  const [refusedAt, setRefusedAt] = useState<Awaited<S> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const resolver = useMemo(() => zodResolver(typeof schema === "function" ? schema(state) : schema), [schema, state]);
  const defaultValues = typeof options.defaultValues === "function" ? options.defaultValues(state) : options.defaultValues;
  const errors = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(state.errors ?? {}).map(([field, message]) => [field, { type: "server", message }]),
      ) as FieldErrors<In>,
    [state.errors],
  );
  const form = useForm<In, unknown, Out>({ resolver, defaultValues, errors, mode: "onChange", shouldFocusError: false });

  /** Focuses whichever of these fields comes first in the form. */
  const focusFirst = (names: string[]) => {
    const fields = [...(formRef.current?.elements ?? [])] as HTMLInputElement[];
    fields.find((field) => names.includes(field.name))?.focus();
  };
  useEffect(() => focusFirst(Object.keys(state.errors ?? {})), [state]);

  // Valid input goes to the same server action a form without JavaScript posts to.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    return form.handleSubmit(
      async () => {
        setRefusedAt(null);
        const data = new FormData(element);
        if (!options.confirm || (await options.confirm())) startTransition(() => formAction(data));
      },
      (refused) => {
        setRefusedAt(state);
        focusFirst(Object.keys(refused));
      },
    )(event);
  };

  const errorOf = (name: Path<In>) => form.formState.errors[name]?.message as string | undefined;
  return { state, refused: refusedAt === state, form, formAction, pending, onSubmit, errorOf, formRef };
}
