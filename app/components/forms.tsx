import { useId, type InputHTMLAttributes } from "react";

/** A labelled input with its hint and error beside it; the error is announced and linked. */
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
  const generatedId = useId();
  const id = inputProps.id ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <input
        {...inputProps}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormNotice({ tone, children }: { tone: "ok" | "error"; children: React.ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
