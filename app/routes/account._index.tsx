import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { accountMessages } from "../i18n/catalogue/account";
import { adminMessages } from "../i18n/catalogue/admin";
import { useI18n } from "../i18n/use-i18n";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [accountMessages], "account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    username: user.username,
    displayNameTh: user.displayNameTh,
    displayNameEn: user.displayNameEn,
    roles: user.roles,
    divisionNameTh: user.divisionNameTh,
    divisionNameEn: user.divisionNameEn,
    locale: user.locale,
  });
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t, locale } = useI18n(accountMessages, adminMessages);
  const division = (locale === "en" && account.divisionNameEn) || account.divisionNameTh;
  return (
    <>
      <h1>{t("account.title")}</h1>
      {searchParams.get("passwordChanged") ? <FormNotice tone="ok">{t("password.changed")}</FormNotice> : null}
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">{t("account.details")}</h2>
        <dl>
          <dt>{t("login.username")}</dt>
          <dd>{account.username}</dd>
          <dt>{t("roster.name")}</dt>
          <dd>
            {account.displayNameTh}
            {account.displayNameEn ? ` (${account.displayNameEn})` : ""}
          </dd>
          {division ? (
            <>
              <dt>{t("roster.division")}</dt>
              <dd>{division}</dd>
            </>
          ) : null}
          <dt>{t("accounts.roles")}</dt>
          <dd>
            {account.roles.map((role) => (
              <span key={role} className="badge">
                {t(`role.${role}`)}
              </span>
            ))}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="language-heading">
        <h2 id="language-heading">{t("account.language")}</h2>
        <Form method="post" action="/lang" reloadDocument className="stack">
          <input type="hidden" name="redirectTo" value="/account" />
          <fieldset>
            <legend>{t("account.language")}</legend>
            <label className="checkbox">
              <input type="radio" name="locale" value="th" defaultChecked={account.locale === "th"} /> ภาษาไทย
            </label>
            <label className="checkbox">
              <input type="radio" name="locale" value="en" defaultChecked={account.locale === "en"} /> English
            </label>
          </fieldset>
          <div>
            <button type="submit">{t("form.save")}</button>
          </div>
        </Form>
      </section>
      <p>
        <Link to="/account/password">{t("account.changePassword")}</Link>
      </p>
      <p>
        <Link to="/account/data">{t("account.myData")}</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
