import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { changeOwnPassword } from "../auth/change-password.server";
import { clientAddress, requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { Field, FormNotice } from "../components/forms";
import { PASSWORD_MIN_LENGTH } from "../domain/password-policy";
import { accountMessages } from "../i18n/catalogue/account";
import { useI18n } from "../i18n/use-i18n";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [accountMessages], "password.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { allowPendingPasswordChange: true });
  return json({ mustChange: user.mustChangePassword });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { allowPendingPasswordChange: true });
  const formData = await request.formData();
  const field = (name: string) => String(formData.get(name) ?? "").slice(0, 1024);
  const result = await changeOwnPassword(db(), {
    accountId: user.accountId,
    username: user.username,
    // Someone whose password an admin just set proved it by signing in a moment ago.
    requireCurrent: !user.mustChangePassword,
    currentPassword: field("currentPassword"),
    newPassword: field("newPassword"),
    confirmPassword: field("confirmPassword"),
    ipAddress: clientAddress(request),
  });
  if (!result.ok) return json({ errors: result.errors }, { status: 400 });
  return redirect("/account?passwordChanged=1", { headers: { "Set-Cookie": result.sessionCookie } });
}

export default function ChangePasswordPage() {
  const { mustChange } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n(accountMessages);
  const errors = actionData?.errors ?? {};
  return (
    <div className="card">
      <h1>{t("password.title")}</h1>
      {mustChange ? <FormNotice tone="error">{t("password.mustChange")}</FormNotice> : null}
      {actionData ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
      <Form method="post" className="stack" noValidate>
        {mustChange ? null : (
          <Field
            label={t("password.current")}
            error={errors.currentPassword ? t(errors.currentPassword) : null}
            inputProps={{ name: "currentPassword", type: "password", autoComplete: "current-password", required: true }}
          />
        )}
        <Field
          label={t("password.new")}
          hint={t("password.hint", { min: PASSWORD_MIN_LENGTH })}
          error={errors.newPassword ? t(errors.newPassword) : null}
          inputProps={{ name: "newPassword", type: "password", autoComplete: "new-password", required: true, minLength: PASSWORD_MIN_LENGTH }}
        />
        <Field
          label={t("password.confirm")}
          error={errors.confirmPassword ? t(errors.confirmPassword) : null}
          inputProps={{ name: "confirmPassword", type: "password", autoComplete: "new-password", required: true }}
        />
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("password.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
