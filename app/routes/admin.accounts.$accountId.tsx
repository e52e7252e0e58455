import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { adminResetPassword, adminSetDisabled, adminSetRoles, rolesFromForm } from "../services/account-admin.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { Field, FormNotice } from "../components/forms";
import { personDisplayName } from "../domain/person-name";
import { ROLES } from "../domain/roles";
import type { MessageKey } from "../i18n/messages.server";
import { accountMessages } from "../i18n/catalogue/account";
import { adminMessages } from "../i18n/catalogue/admin";
import { resolveLocale } from "../i18n/locale.server";
import { useI18n } from "../i18n/use-i18n";
import { AccountStatusLabel } from "../components/account-status";
import { getAccount } from "../models/accounts.server";
import { organisationToday } from "../models/settings.server";
import { notFound } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [adminMessages], "accountAdmin.pageTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const database = db();
  const account = await getAccount(database, params.accountId ?? "", await organisationToday(database));
  if (!account) throw notFound();
  const { nameTh, nameEn, ...rest } = account;
  return json({ account: { ...rest, name: personDisplayName({ nameTh, nameEn }, resolveLocale(request, admin.locale)) } });
}

const DONE_MESSAGES: Record<string, MessageKey> = {
  roles: "accountAdmin.rolesSaved",
  reset: "accountAdmin.passwordReset",
  disable: "accountAdmin.disabledDone",
  enable: "accountAdmin.enabledDone",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const accountId = params.accountId ?? "";
  const actor = { accountId: admin.accountId, ipAddress: clientAddress(request) };
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  let outcome: string;
  switch (intent) {
    case "roles":
      outcome = await adminSetRoles(db(), actor, accountId, rolesFromForm(formData.getAll("roles")));
      break;
    case "reset":
      outcome = await adminResetPassword(db(), actor, accountId, String(formData.get("newPassword") ?? "").slice(0, 1024));
      break;
    case "disable":
    case "enable":
      outcome = await adminSetDisabled(db(), actor, accountId, intent === "disable");
      break;
    default:
      return json({ error: "form.fixErrors" as MessageKey, field: null }, { status: 400 });
  }
  if (outcome === "notFound") throw notFound();
  if (outcome === "notSelf") return json({ error: "accountAdmin.notSelf" as MessageKey, field: null }, { status: 400 });
  if (outcome !== "saved") return json({ error: outcome as MessageKey, field: "newPassword" }, { status: 400 });
  return redirect(`/admin/accounts/${accountId}?done=${intent}`);
}

export default function ManageAccountPage() {
  const { account } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n(accountMessages, adminMessages);
  const done = DONE_MESSAGES[searchParams.get("done") ?? ""];
  return (
    <>
      <p>
        <Link to="/admin/accounts">← {t("accounts.title")}</Link>
      </p>
      <h1>{t("accountAdmin.title", { username: account.username })}</h1>
      <p>{account.name}</p>
      {done ? <FormNotice tone="ok">{t(done)}</FormNotice> : null}
      {actionData && !actionData.field ? <FormNotice tone="error">{t(actionData.error)}</FormNotice> : null}

      <section className="card" aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t("accountAdmin.roles")}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="roles" />
          <fieldset>
            <legend>{t("accountAdmin.roles")}</legend>
            <p className="field__hint">{t("accountAdmin.staffAlways")}</p>
            {ROLES.map((role) => (
              <label key={role} className="checkbox">
                <input type="checkbox" name="roles" value={role} defaultChecked={account.roles.includes(role)} disabled={role === "staff"} />
                {t(`role.${role}`)}
              </label>
            ))}
          </fieldset>
          <div>
            <button type="submit">{t("accountAdmin.saveRoles")}</button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="reset-heading">
        <h2 id="reset-heading">{t("accountAdmin.resetPassword")}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="reset" />
          <Field
            label={t("password.new")}
            hint={t("accounts.initialPasswordHint")}
            error={actionData?.field === "newPassword" ? t(actionData.error) : null}
            inputProps={{ name: "newPassword", type: "text", autoComplete: "off", required: true, minLength: 8 }}
          />
          <div>
            <button type="submit">{t("accountAdmin.resetSubmit")}</button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">{t("accounts.status")}</h2>
        <p>
          <AccountStatusLabel status={account.status} />
        </p>
        {account.status === "left" ? <p className="field__hint">{t("accountAdmin.leftHint")}</p> : null}
        <Form method="post">
          <input type="hidden" name="intent" value={account.disabled ? "enable" : "disable"} />
          {account.disabled ? null : <p className="field__hint">{t("accountAdmin.disableHint")}</p>}
          <button type="submit" className={account.disabled ? "secondary" : "danger"}>
            {account.disabled ? t("accountAdmin.enable") : t("accountAdmin.disable")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
