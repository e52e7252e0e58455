import { useNavigate, useSubmit } from "@remix-run/react";
import type { FormEvent, MouseEvent } from "react";

/**
 * Client-side navigation for plain `<a href>` and `<form method="post" action>` elements inside
 * one container, by event delegation: spread the returned handlers on the container.
 *
 * Why: each Remix `<Link>` and `<Form>` resolves its path against the route matches while the
 * server renders it (~14 µs each). A page with hundreds of them (the committee board has a
 * link and a move form on each of up to 270 cards) spent 28% of its server time there. Plain
 * elements cost nothing to render, work the same without JavaScript, and these two handlers give
 * them what `<Link>` and `<Form>` do in the browser: a click or a submit becomes a Remix
 * navigation or submission (no full page load). Mark the elements `data-discover="true"`, as
 * Remix does, so their routes are discovered before the click.
 *
 * The elements must carry complete URLs: a form's `action` as `<Form>` would have rendered it
 * (an index route's form ends in `?index`).
 */
export function useDelegatedRouting() {
  const navigate = useNavigate();
  const submit = useSubmit();
  return {
    onClick(event: MouseEvent<HTMLElement>) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return; // new tab, download…: the browser's
      const anchor = (event.target as Element).closest("a");
      if (!anchor || !event.currentTarget.contains(anchor)) return;
      const href = anchor.getAttribute("href");
      const target = anchor.getAttribute("target");
      // Only this app's own paths; "//host" is another site.
      if (!href || !href.startsWith("/") || href.startsWith("//") || (target && target !== "_self") || anchor.hasAttribute("download")) return;
      event.preventDefault();
      navigate(href);
    },
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
