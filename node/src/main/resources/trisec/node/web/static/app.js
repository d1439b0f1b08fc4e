// trisec node pages: progressive enhancement only; every page works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // The language picker submits itself.
  for (const form of document.querySelectorAll("form[data-autosubmit]")) {
    const select = form.querySelector("select");
    select.addEventListener("change", () => form.submit());
    const go = form.querySelector(".lang-go");
    if (go) go.hidden = true;
  }

  // Live banner preview while composing: the node renders it, so it is exactly what the item will carry.
  const compose = document.getElementById("compose");
  const preview = document.getElementById("preview");
  if (compose && preview) {
    const update = async () => {
      const q = new URLSearchParams();
      q.set("level", compose.querySelector("[name=level]").value);
      for (const box of compose.querySelectorAll("input[name=relTo]:checked")) q.append("relTo", box.value);
      for (const box of compose.querySelectorAll("input[name=caveat]:checked")) q.append("caveat", box.value);
      const r = await fetch("/ui/banner?" + q, { credentials: "same-origin" });
      const b = await r.json();
      preview.className = "preview banner " + (b.css || "banner-u");
      preview.textContent = b.error ? b.error : b.banner + "  " + b.marking;
    };
    for (const input of compose.querySelectorAll("[data-preview]")) input.addEventListener("change", update);
    update();
  }

  // Live lists: the node says what changed (never content); the page fetches the new fragment it renders.
  const fragments = document.querySelectorAll("[data-fragment]");
  if (fragments.length && "EventSource" in window) {
    // Answers can come back out of order: a list takes only the answer to its latest request, and the banners
    // only the marking of the latest request answered, which describes the page as the node last saw it.
    let issued = 0;
    let marked = 0;
    const latest = new Map();
    const refresh = async (names) => {
      for (const el of fragments) {
        // A fragment follows its own name, or the changes it lists (the warnings follow items and the inbox).
        const topics = (el.dataset.topics || el.dataset.fragment).split(" ");
        if (!names.some((n) => topics.includes(n))) continue;
        const seq = ++issued;
        latest.set(el, seq);
        const url = el.dataset.fragmentUrl || "/ui/fragments/" + el.dataset.fragment;
        const r = await fetch(url, { credentials: "same-origin" });
        if (!r.ok) continue;
        const html = await r.text();
        if (latest.get(el) !== seq) continue;
        el.innerHTML = html;
        // The fragment says how the whole page is now marked; both banners take it on.
        const marking = el.querySelector("[data-page-marking]");
        if (marking && seq < marked) marking.remove();
        else if (marking) {
          marked = seq;
          for (const banner of document.querySelectorAll("[data-testid^=banner-]")) {
            banner.className = "banner " + marking.dataset.css;
            banner.querySelector(".banner-text").textContent = marking.dataset.banner;
            banner.querySelector(".banner-national").textContent = marking.dataset.national;
          }
          marking.remove();
        }
      }
    };
    const events = new EventSource("/ui/events");
    events.addEventListener("ended", () => events.close());
    events.addEventListener("change", (e) => {
      const topic = e.data;
      refresh(topic === "outbox" ? ["outbox", "approvals"] : [topic]);
    });
  }

  // Inclusion check, run in the browser: recompute the log's root from the entry and its proof (RFC 9162).
  for (const button of document.querySelectorAll("button[data-proof]")) {
    button.addEventListener("click", async () => {
      const out = button.parentElement.querySelector(".proof-result");
      try {
        const r = await fetch(button.dataset.proof, { credentials: "same-origin" });
        if (r.status === 404) {  // not in a signed checkpoint yet
          out.textContent = button.dataset.wait;
          out.className = "proof-result";
          return;
        }
        const p = await r.json();
        const ok = await verifyInclusion(p);
        out.textContent = ok ? button.dataset.ok.replace("{size}", p.size) : button.dataset.fail;
        out.className = "proof-result " + (ok ? "s-DELIVERED" : "s-REFUSED");
      } catch (e) {
        out.textContent = button.dataset.fail;
      }
    });
  }
});

const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const sha256 = async (...parts) => {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", all));
};

// RFC 9162 §2.1.3.2: fold the proof from the leaf up; the result must be the checkpoint's root.
async function verifyInclusion(p) {
  let fn = p.index, sn = p.size - 1;
  let r = await sha256(new Uint8Array([0]), new TextEncoder().encode(p.entry));
  for (const h of p.hashes.map(b64)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(new Uint8Array([1]), h, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      }
    } else {
      r = await sha256(new Uint8Array([1]), r, h);
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  const root = b64(p.root);
  return sn === 0 && r.length === root.length && r.every((v, i) => v === root[i]);
}
