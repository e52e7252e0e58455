import { useNavigate, useSubmit } from "@remix-run/react";
import type { FormEvent, MouseEvent } from "react";

/*
 * Client-side navigation for plain `<a href>` and `<form method="post" action>` elements, by
 * event delegation (decision 016).
 *
 * Why: each Remix `<Link>`, `<NavLink>` and `<Form>` resolves its path against the route matches
 * while the server renders it (~14 µs each, more for a NavLink). The board has a link and a move
 * form on each of its cards, the idea list a link on each card, and every page ten or so links in
 * its menu: together a measurable share of the server's time per page. Plain elements cost
 * nothing to render, work the same without JavaScript, and these handlers give them what
 * `<Link>` and `<Form>` do in the browser: a click or a submit becomes a Remix navigation or
 * submission (no full page load).
 */

/**
 * For the document's body: a plain left click on an `<a href="/…" data-discover="true">` becomes
 * a Remix navigation. Only links marked `data-discover` (as Remix marks its own `<Link>`s, so the
 * routes are discovered before the click): a plain link without the mark, such as a CSV export
 * from a resource route, keeps the browser's own behaviour. A `<Link>` has already handled its
 * click (defaultPrevented) by the time the event reaches the body.
 */
export function useDelegatedLinks() {
  const navigate = useNavigate();
  return {
    onClick(event: MouseEvent<HTMLElement>) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return; // new tab, download…: the browser's
      const anchor = (event.target as Element).closest("a[data-discover]");
      if (!anchor || !event.currentTarget.contains(anchor)) return;
      const href = anchor.getAttribute("href");
      const target = anchor.getAttribute("target");
      // Only this app's own paths; "//host" is another site.
      if (!href || !href.startsWith("/") || href.startsWith("//") || (target && target !== "_self") || anchor.hasAttribute("download")) return;
      event.preventDefault();
      navigate(href);
    },
  };
}

/**
 * For a container of plain `<form method="post" action>` elements: a submit becomes a Remix
 * submission, with the button that sent it, as with `<Form>`. The forms must carry complete
 * URLs: the `action` `<Form>` would have rendered (an index route's form ends in `?index`).
 */
export function useDelegatedForms() {
  const submit = useSubmit();
  return {
    onSubmit(event: FormEvent<HTMLElement>) {
      if (event.defaultPrevented) return;
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") return;
      event.preventDefault();
      // The button that sent it, so its name and value go too, as with <Form>.
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      submit(submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : form, { method: "post" });
    },
  };
}
