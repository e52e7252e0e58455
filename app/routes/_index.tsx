import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { fiscalQuarterOf } from "../domain/fiscal-year";
import { navigationFor } from "../domain/roles";
import { personDisplayName } from "../domain/person-name";
import { fiscalYearLabel, formatDate } from "../i18n/format";
import { translate, type MessageKey } from "../i18n/messages.server";
import { resolveLocale } from "../i18n/locale.server";
import { getAppSettings } from "../models/settings.server";
import { homeMessages } from "../i18n/catalogue/home";
import { useI18n } from "../i18n/use-i18n";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, []);

const CARD_BODY: Record<string, MessageKey> = {
  "/ideas": "home.ideas.body",
  "/ideas/new": "home.newIdea.body",
  "/ideas/mine": "home.myIdeas.body",
  "/plan": "home.plan.body",
  "/dashboard": "home.dashboard.body",
  "/projects": "home.projects.body",
  "/training/mine": "home.myTraining.body",
  "/committee": "home.committee.body",
  "/training": "home.training.body",
  "/roster": "home.roster.body",
  "/division": "home.division.body",
  "/admin/accounts": "home.accounts.body",
  "/admin/plan": "home.planAdmin.body",
  "/admin/settings": "home.settings.body",
  "/admin/audit": "home.audit.body",
  "/account": "home.account.body",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = resolveLocale(request, user.locale);
  const { fiscalCalendar } = await getAppSettings(db());
  const now = new Date();
  const { fiscalYearBE, quarter } = fiscalQuarterOf(now, fiscalCalendar);
  return json({
    displayName: personDisplayName({ nameTh: user.displayNameTh, nameEn: user.displayNameEn }, locale),
    roles: user.roles,
    todayLine: translate(locale, "home.today", {
      date: formatDate(now, locale, { timeZone: fiscalCalendar.timeZone }),
      fiscalYear: fiscalYearLabel(fiscalYearBE, locale),
      quarter,
    }),
  });
}

export default function Home() {
  const { displayName, roles, todayLine } = useLoaderData<typeof loader>();
  const { t } = useI18n(homeMessages);
  const cards = navigationFor(roles).filter((item) => item.to !== "/");
  return (
    <>
      <h1>{t("home.greeting", { name: displayName })}</h1>
      <p className="muted">{todayLine}</p>
      <section aria-labelledby="roles-heading" className="card">
        <h2 id="roles-heading">{t("home.yourRoles")}</h2>
        <p>
          {roles.map((role) => (
            <span key={role} className="badge">
              {t(`role.${role}`)}
            </span>
          ))}
        </p>
      </section>
      <h2>{t("home.whatYouCanDo")}</h2>
      <div className="grid">
        {cards.map((item) => (
          <div key={item.to} className="card">
            <h3>
              <Link to={item.to}>{t(item.labelKey)}</Link>
            </h3>
            {CARD_BODY[item.to] ? <p className="muted">{t(CARD_BODY[item.to])}</p> : null}
          </div>
        ))}
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
