import type { LoaderFunctionArgs } from "@remix-run/node";
import { RouteErrorBoundary } from "../components/error-boundary";
import { notFound } from "../http-errors";

// Any URL no route claims: a friendly 404 inside the app's layout.
export async function loader(_args: LoaderFunctionArgs) {
  throw notFound();
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;
