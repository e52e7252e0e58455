import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { errorTitleKey, RouteErrorBoundary } from "../components/error-boundary";
import { pageTitle } from "../i18n/page-title";
import { notFound } from "../http-errors";

// Any URL no route claims: a friendly 404 inside the app's layout, titled as its heading.
export const meta: MetaFunction = ({ matches, error }) => pageTitle(matches, [], errorTitleKey(error));

export async function loader(_args: LoaderFunctionArgs) {
  throw notFound();
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;
