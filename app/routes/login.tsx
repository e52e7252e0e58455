import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireAnonymous } from "../auth/current-user.server";
import { fieldErrorKeys, signInForm } from "../auth/form-schemas.server";
import { signIn } from "../auth/sign-in.server";
import { startSession } from "../auth/session.server";
import { Field, FormNotice } from "../components/forms";
import { safeRedirectPath } from "../domain/safe-redirect";
import { accountMessages } from "../i18n/catalogue/account";
import { useI18n } from "../i18n/use-i18n";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [accountMessages], "login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

type ActionErrors = {
  username?: "login.required";
  password?: "login.required";
  form?: { key: "login.invalid" | "login.disabled" } | { key: "login.throttled"; minutes: number };
};

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = signInForm.safeParse(Object.fromEntries(formData));
  const username = String(formData.get("username") ?? "");
  if (!parsed.success) {
    const keys = fieldErrorKeys(parsed.error);
    const errors: ActionErrors = {};
    if (keys.username === "login.required.username") errors.username = "login.required";
    if (keys.password === "login.required.password") errors.password = "login.required";
    if (!errors.username && !errors.password) errors.form = { key: "login.invalid" };
    return json({ errors, username }, { status: 400 });
  }
  const result = await signIn(db(), {
    username: parsed.data.username,
    password: parsed.data.password,
    ipAddress: clientAddress(request),
  });
  if (!result.ok) {
    const form: ActionErrors["form"] =
      result.reason === "throttled" ? { key: "login.throttled", minutes: result.retryAfterMinutes } : { key: result.reason === "disabled" ? "login.disabled" : "login.invalid" };
    return json({ errors: { form } satisfies ActionErrors, username }, { status: result.reason === "throttled" ? 429 : 400 });
  }
  const cookie = await startSession(result.accountId);
  const target = result.mustChangePassword ? "/account/password" : safeRedirectPath(parsed.data.redirectTo);
  return redirect(target, { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useI18n(accountMessages);
  const errors: ActionErrors = actionData?.errors ?? {};
  const formError = errors.form;
  return (
    <div className="card">
      <h1>{t("login.title")}</h1>
      {searchParams.get("signedOut") ? <FormNotice tone="ok">{t("login.signedOut")}</FormNotice> : null}
      {formError ? (
        <FormNotice tone="error">
          {formError.key === "login.throttled" ? t(formError.key, { minutes: formError.minutes }) : t(formError.key)}
        </FormNotice>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("login.username")}
          error={errors.username ? t("login.required", { field: t("login.username") }) : null}
          inputProps={{
            name: "username",
            type: "text",
            autoComplete: "username",
            autoCapitalize: "characters",
            required: true,
            defaultValue: actionData?.username ?? "",
            autoFocus: true,
          }}
        />
        <Field
          label={t("login.password")}
          error={errors.password ? t("login.required", { field: t("login.password") }) : null}
          inputProps={{ name: "password", type: "password", autoComplete: "current-password", required: true }}
        />
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../components/error-boundary";
