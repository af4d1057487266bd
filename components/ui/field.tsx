import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { useSay } from "./use-say";

function inputClass(invalid: boolean): string {
  return `block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-500 disabled:bg-slate-100 disabled:text-slate-600 ${
    invalid ? "border-red-600 focus:outline-red-700" : "border-slate-500"
  }`;
}

interface FieldText {
  /** The control's name; its id and the ids of its hint and error derive from it. */
  name: string;
  label: string;
  hint?: string;
  /** A sentence (lib/i18n/sentence.ts), from the schema as people type or from the server. */
  error?: string;
  optional?: boolean;
}

/** The attributes that tie a control to its label, hint and error (WCAG 1.3.1, 3.3.1). */
function controlProps({ name, hint, error }: FieldText) {
  const describedBy = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(" ");
  return {
    id: name,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
    className: inputClass(Boolean(error)),
  };
}

function FieldShell({ name, label, hint, error, optional, children }: FieldText & { children: ReactNode }) {
  const t = useTranslations("fields");
  const say = useSay();
  return (
    <div className="space-y-1.5">
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">
        {label}
        {optional && <span className="ms-1 font-normal text-slate-600">{t("optional")}</span>}
      </label>
      {children}
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-slate-600">{hint}</p>
      )}
      {error && (
        <p id={`${name}-error`} className="text-sm text-red-700">{say(error)}</p>
      )}
    </div>
  );
}

type InputFieldProps = FieldText & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & { ref?: Ref<HTMLInputElement> };

/**
 * Label, input, hint and error in one: the atom every form uses. `required` is announced
 * (aria-required) rather than enforced by the browser: the form's schema says what is missing.
 */
export function InputField({ name, label, hint, error, optional, required, ref, ...input }: InputFieldProps) {
  const text = { name, label, hint, error, optional };
  return (
    <FieldShell {...text}>
      <input ref={ref} aria-required={required || undefined} {...input} {...controlProps(text)} />
    </FieldShell>
  );
}

type SelectFieldProps = FieldText & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id"> & { ref?: Ref<HTMLSelectElement> };

export function SelectField({ name, label, hint, error, optional, ref, children, ...select }: SelectFieldProps) {
  const text = { name, label, hint, error, optional };
  return (
    <FieldShell {...text}>
      <select ref={ref} {...select} {...controlProps(text)}>
        {children}
      </select>
    </FieldShell>
  );
}

type CheckboxFieldProps = Omit<FieldText, "optional"> & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type">;

/** A checkbox with its label beside it and an optional hint below. */
export function CheckboxField({ name, label, hint, error, ...input }: CheckboxFieldProps) {
  const say = useSay();
  const { className: _unused, ...a11y } = controlProps({ name, label, hint, error });
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input type="checkbox" {...input} {...a11y} className="h-4 w-4 rounded border-slate-500 text-indigo-600" />
        <label htmlFor={name} className="text-sm text-slate-800">{label}</label>
      </div>
      {hint && <p id={`${name}-hint`} className="ps-6 text-xs text-slate-600">{hint}</p>}
      {error && <p id={`${name}-error`} className="ps-6 text-sm text-red-700">{say(error)}</p>}
    </div>
  );
}
