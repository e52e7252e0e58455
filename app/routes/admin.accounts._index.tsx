import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { adminCreateAccount, rolesFromForm } from "../services/account-admin.server";
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
import { listAccounts, listPeopleWithoutAccount } from "../models/accounts.server";
import { organisationToday } from "../models/settings.server";
import { parseRecordId } from "../domain/record-id";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [adminMessages], "accounts.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const locale = resolveLocale(request, admin.locale);
  const database = db();
  const today = await organisationToday(database);
  const [accounts, peopleWithoutAccount] = await Promise.all([listAccounts(database, today), listPeopleWithoutAccount(database, today)]);
  // After a create, the notice names the new account, and only a real one: the address is
  // anyone's to type, and "Account created: <any text>" would say what never happened.
  const createdUsername = new URL(request.url).searchParams.get("created");
  const created = accounts.find((account) => account.username === createdUsername)?.username ?? null;
  // Each person by the name the reader reads (PRODUCT.md §5): English where the roster has one.
  return json({
    accounts: accounts.map(({ nameTh, nameEn, ...account }) => ({ ...account, name: personDisplayName({ nameTh, nameEn }, locale) })),
    peopleWithoutAccount: peopleWithoutAccount.map(({ nameTh, nameEn, ...person }) => ({ ...person, name: personDisplayName({ nameTh, nameEn }, locale) })),
    created,
  });
}

type CreateErrors = { personId?: MessageKey; initialPassword?: MessageKey };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await request.formData();
  const personId = parseRecordId(formData.get("personId"));
  const initialPassword = String(formData.get("initialPassword") ?? "").slice(0, 1024);
  const roles = rolesFromForm(formData.getAll("roles"));
  if (personId === null) {
    const errors: CreateErrors = { personId: "form.required" };
    return json({ errors, roles }, { status: 400 });
  }
  const result = await adminCreateAccount(db(), { accountId: admin.accountId, ipAddress: clientAddress(request) }, { personId, initialPassword, roles });
  if (!result.ok) {
    const errors: CreateErrors = result.errors;
    return json({ errors, roles }, { status: 400 });
  }
  return redirect(`/admin/accounts?created=${encodeURIComponent(result.username)}`);
}

export default function AccountsPage() {
  const { accounts, peopleWithoutAccount, created } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n(accountMessages, adminMessages);
  const chosenRoles = actionData?.roles ?? ["staff"];
  return (
    <>
      <h1>{t("accounts.title")}</h1>
      {created ? <FormNotice tone="ok">{`${t("accounts.created")}: ${created}`}</FormNotice> : null}
      <section className="card" aria-labelledby="create-heading">
        <h2 id="create-heading">{t("accounts.create")}</h2>
        {peopleWithoutAccount.length === 0 ? (
          <p className="muted">{t("accounts.noPeopleWithout")}</p>
        ) : (
          <Form method="post" className="stack">
            <div className="field">
              <label htmlFor="personId">{t("accounts.person")}</label>
              <select
                id="personId"
                name="personId"
                required
                aria-invalid={actionData?.errors.personId ? true : undefined}
                aria-describedby={actionData?.errors.personId ? "personId-error" : undefined}
              >
                <option value="">{t("accounts.choosePerson")}</option>
                {peopleWithoutAccount.map((person) => (
                  <option key={person.personId} value={person.personId}>
                    {`${person.employeeCode} ${person.name}`}
                  </option>
                ))}
              </select>
              {actionData?.errors.personId ? (
                <p className="field__error" id="personId-error" role="alert">
                  {t(actionData.errors.personId)}
                </p>
              ) : null}
            </div>
            <Field
              label={t("accounts.initialPassword")}
              hint={t("accounts.initialPasswordHint")}
              error={actionData?.errors.initialPassword ? t(actionData.errors.initialPassword) : null}
              inputProps={{ name: "initialPassword", type: "text", autoComplete: "off", required: true, minLength: 8 }}
            />
            <fieldset>
              <legend>{t("accounts.roles")}</legend>
              {ROLES.map((role) => (
                <label key={role} className="checkbox">
                  <input
                    type="checkbox"
                    name="roles"
                    value={role}
                    defaultChecked={chosenRoles.includes(role)}
                    disabled={role === "staff"}
                  />
                  {t(`role.${role}`)}
                </label>
              ))}
            </fieldset>
            <div>
              <button type="submit" disabled={navigation.state === "submitting"}>
                {t("accounts.createSubmit")}
              </button>
            </div>
          </Form>
        )}
      </section>
      <div className="table-wrap">
        <table>
          <caption>{t("accounts.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("accounts.username")}</th>
              <th scope="col">{t("roster.name")}</th>
              <th scope="col">{t("accounts.roles")}</th>
              <th scope="col">{t("accounts.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("accounts.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.accountId}>
                <td>{account.username}</td>
                <td>{account.name}</td>
                <td>
                  {account.roles.map((role) => (
                    <span key={role} className="badge">
                      {t(`role.${role}`)}
                    </span>
                  ))}
                </td>
                <td>
                  <AccountStatusLabel status={account.status} />
                  {account.mustChangePassword ? <span className="badge badge--warn">{t("accounts.mustChange")}</span> : null}
                </td>
                <td>
                  <Link to={`/admin/accounts/${account.accountId}`} aria-label={`${t("accounts.edit")} ${account.username}`}>
                    {t("accounts.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
