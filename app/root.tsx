import { json, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
} from "@remix-run/react";
import { getRequestAuth } from "./auth/current-user.server";
import { useDelegatedLinks } from "./components/delegated-routing";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "./components/nonce";
import { isCurrentNavItem, navigationFor } from "./domain/roles";
import { personDisplayName } from "./domain/person-name";
import { useI18n } from "./i18n/use-i18n";
import { resolveLocale } from "./i18n/locale.server";
import { englishMessagesForBrowser, type AppLocale } from "./i18n/messages.server";
import stylesheet from "./styles/app.css";
import { NotificationBell } from "./components/notification-bell";
import { countUnread } from "./models/notifications.server";
import { db } from "../db/runtime.server";

// Every page sets Thai and Latin text in both weights: preloading all four faces fetches them
// beside the stylesheet rather than after it is parsed and laid out (earlier first paint, no
// late swap), and keeps them off the critical path Lighthouse simulates for a slow phone.
const FONT_FILES = ["sarabun-thai-400-normal", "sarabun-thai-600-normal", "sarabun-latin-400-normal", "sarabun-latin-600-normal"];

export const links: LinksFunction = () => [
  ...FONT_FILES.map((file) => ({ rel: "preload", href: `/fonts/${file}.woff2`, as: "font", type: "font/woff2", crossOrigin: "anonymous" as const })),
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // The settings come with the session check, which needs their time zone.
  const { user, refreshedCookie, settings } = await getRequestAuth(request);
  const locale = resolveLocale(request, user?.locale ?? null);
  const unreadNotifications = user && !user.mustChangePassword ? await countUnread(db(), user.personId) : 0;
  const headers = new Headers();
  if (refreshedCookie) headers.append("Set-Cookie", refreshedCookie);
  return json(
    {
      locale,
      // English reaches the browser only for English readers; client bundles hold Thai only.
      englishMessages: locale === "en" ? englishMessagesForBrowser() : null,
      timeZone: settings.fiscalCalendar.timeZone,
      organisationName: locale === "en" ? settings.organisation.nameEn : settings.organisation.nameTh,
      user: user && {
        username: user.username,
        displayName: personDisplayName({ nameTh: user.displayNameTh, nameEn: user.displayNameEn }, locale),
        roles: user.roles,
        mustChangePassword: user.mustChangePassword,
        unreadNotifications,
      },
    },
    { headers },
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const { locale } = useI18n();
  // The menu, the bell and the list cards are plain links (see delegated-routing.ts).
  const links = useDelegatedLinks();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body {...links}>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <SiteHeader user={data.user} organisationName={data.organisationName} />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter organisationName={data.organisationName} />
    </>
  );
}

function SiteHeader({
  user,
  organisationName,
}: {
  user: { displayName: string; roles: Parameters<typeof navigationFor>[0]; mustChangePassword: boolean; unreadNotifications: number } | null;
  organisationName: string;
}) {
  const { t, locale } = useI18n();
  const location = useLocation();
  const navigation = user && !user.mustChangePassword ? navigationFor(user.roles) : [];
  const otherLocale: AppLocale = locale === "th" ? "en" : "th";
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <div className="site-header__bar">
        <a className="site-header__brand" href="/">
          {t("app.name")}
          <small>{organisationName || t("app.tagline")}</small>
        </a>
        <Form method="post" action="/lang" className="inline-form" reloadDocument>
          <input type="hidden" name="locale" value={otherLocale} />
          <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
          <button type="submit" className="link-button" lang={otherLocale} aria-label={`${t("lang.switch")}: ${t("lang.switchTo")}`}>
            {t("lang.switchTo")}
          </button>
        </Form>
        {user ? (
          <>
            {user.mustChangePassword ? null : <NotificationBell unreadCount={user.unreadNotifications} />}
            <span>{user.displayName}</span>
            <Form method="post" action="/logout" className="inline-form">
              <button type="submit" className="link-button">
                {t("nav.signOut")}
              </button>
            </Form>
          </>
        ) : location.pathname !== "/login" ? (
          <a href="/login">{t("nav.signIn")}</a>
        ) : null}
      </div>
      {navigation.length > 0 ? (
        <nav className="site-nav" aria-label={t("nav.label")}>
          <ul>
            {navigation.map((item) => (
              <li key={item.to}>
                <a href={item.to} data-discover="true" aria-current={isCurrentNavItem(location.pathname, item, navigation) ? "page" : undefined}>
                  {t(item.labelKey)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

function SiteFooter({ organisationName }: { organisationName: string }) {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      {t("app.name")} · {organisationName}
    </footer>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <main id="main" className="error-page">
      <GeneralErrorBoundary error={error} />
    </main>
  );
}
