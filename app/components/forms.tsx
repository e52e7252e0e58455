import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";

type ControlAria = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/**
 * Label, hint and error around one control, wired together: the control is described by the
 * hint and the error, and marked invalid when there is an error (announced as an alert).
 */
function FieldFrame({
  label,
  hint,
  error,
  id: givenId,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  id?: string;
  children: (aria: ControlAria) => ReactNode;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and error beside it. */
export function Field({
  label,
  error,
  hint,
  inputProps,
}: {
  label: string;
  error?: string | null;
  hint?: string;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { name: string };
}) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={inputProps.id}>
      {(aria) => <input {...inputProps} {...aria} />}
    </FieldFrame>
  );
}

/**
 * A person typed into a form (an employee code, "code name" or a name only one person has; the
 * server resolves it, services/person-lookup.server). `entries` ("code name") are offered in a
 * datalist while the staff are few enough to list; null above that.
 */
export function StaffField({
  label,
  hint,
  error,
  entries,
  inputProps,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  entries: readonly string[] | null;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string; name: string };
}) {
  const listId = `${inputProps.id}-staff`;
  return (
    <>
      {entries ? (
        <datalist id={listId}>
          {entries.map((entry) => (
            <option key={entry} value={entry} />
          ))}
        </datalist>
      ) : null}
      <Field label={label} hint={hint} error={error} inputProps={{ type: "text", maxLength: 200, autoComplete: "off", ...inputProps, list: entries ? listId : undefined }} />
    </>
  );
}

/** A labelled textarea with its hint and error beside it. */
export function TextAreaField({
  label,
  error,
  hint,
  textareaProps,
}: {
  label: string;
  error?: string | null;
  hint?: string;
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string };
}) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={textareaProps.id}>
      {(aria) => <textarea rows={4} {...textareaProps} {...aria} />}
    </FieldFrame>
  );
}

export function FormNotice({ tone, children }: { tone: "ok" | "error"; children: React.ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/**
 * A save refused because someone saved the record after its form was shown (a 409): says so and,
 * where what is saved now differs from what was typed, lists it field by field ("–" for empty).
 */
export function StaleSaveNotice({ message, savedIntro, changes }: { message: string; savedIntro: string; changes: { field: string; label: string; saved: string }[] }) {
  return (
    <FormNotice tone="error">
      <p>{message}</p>
      {changes.length > 0 ? (
        <>
          <p>{savedIntro}</p>
          <ul>
            {changes.map(({ field, label, saved }) => (
              <li key={field}>
                {label}: {saved || "–"}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </FormNotice>
  );
}

export type SelectOption = { value: string | number; label: string };

/**
 * A labelled filter <select> of a GET form. `anyLabel` adds a first, empty choice ("any",
 * "all divisions"); `leading` are fixed choices shown before `options`.
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  anyLabel,
  leading = [],
}: {
  id: string;
  name: string;
  label: string;
  value: string | number | undefined;
  options: readonly SelectOption[];
  anyLabel?: string;
  leading?: readonly SelectOption[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {[...leading, ...options].map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
