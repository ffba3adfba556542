import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "./cn";

/**
 * Renders text that planners and admins write in Markdown (news, information pages) safely: raw HTML in
 * the text is never rendered (react-markdown shows no HTML without a raw plugin, and `skipHtml` drops
 * it), links and images keep only http(s), mailto, tel and same-site URLs (anything else, such as
 * `javascript:`, becomes empty), images are not shown at all (they would load from anywhere and track
 * readers; attachments are the way to share files: their description is shown instead), and links to other sites open with
 * `rel="noopener noreferrer"`. GitHub-style tables, lists and strikethrough work. Server component.
 */
export function MarkdownText({ source, className }: { source: string; className?: string }) {
  return (
    <div className={cn("flex flex-col gap-3 leading-relaxed break-words", className)}>
      <Markdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={safeUrl} components={COMPONENTS}>
        {source}
      </Markdown>
    </div>
  );
}

/** http(s), mailto and tel links, and links within the site; "" for anything else. */
export function safeUrl(url: string): string {
  if (/^tel:\+?[0-9 ()-]+$/i.test(url.trim())) return url.trim();
  const kept = defaultUrlTransform(url);
  if (!kept) return "";
  if (/^(https?:|mailto:|tel:)/i.test(kept)) return kept;
  // Relative (same site) links: a path, a query or a fragment; never protocol-relative (//host).
  if (/^(\/(?!\/)|#|\?)/.test(kept)) return kept;
  return "";
}

/** The element's attributes without react-markdown's syntax tree node (which is not an attribute). */
function attrs<P extends { node?: unknown }>(props: P): Omit<P, "node"> {
  const copy = { ...props };
  delete copy.node;
  return copy;
}

const COMPONENTS: Components = {
  h1: (props) => <h2 className="text-xl font-semibold" {...attrs(props)} />,
  h2: (props) => <h3 className="text-lg font-semibold" {...attrs(props)} />,
  h3: (props) => <h4 className="font-semibold" {...attrs(props)} />,
  h4: (props) => <h5 className="font-semibold" {...attrs(props)} />,
  h5: (props) => <h6 className="font-semibold" {...attrs(props)} />,
  h6: (props) => <p className="font-semibold" {...attrs(props)} />,
  ul: (props) => <ul className="list-disc pl-6" {...attrs(props)} />,
  ol: (props) => <ol className="list-decimal pl-6" {...attrs(props)} />,
  blockquote: (props) => <blockquote className="border-l-4 border-line pl-4 text-muted" {...attrs(props)} />,
  table: (props) => (
    <div className="overflow-x-auto">
      <table className="min-w-full border-collapse text-sm" {...attrs(props)} />
    </div>
  ),
  th: (props) => <th className="border border-line px-2 py-1 text-left font-semibold" {...attrs(props)} />,
  td: (props) => <td className="border border-line px-2 py-1" {...attrs(props)} />,
  // An image is shown as its description only (see above).
  img: ({ alt }) => (alt ? <span>{alt}</span> : null),
  code: (props) => <code className="rounded bg-canvas px-1 font-mono text-sm" {...attrs(props)} />,
  a: ({ href, ...props }) => {
    const external = typeof href === "string" && /^https?:/i.test(href);
    return (
      <a
        href={href || undefined}
        className="font-medium text-brand-700 underline"
        {...(external ? { rel: "noopener noreferrer", target: "_blank" } : {})}
        {...attrs(props)}
      />
    );
  },
};
