const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

export const STYLESHEET_PATH = '/assets/local-gitlab.css';

/** A complete page: no inline script or style, so a strict CSP holds. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Local GitLab</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header><p class="brand">Local GitLab</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

export const STYLESHEET = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; background: Canvas; color: CanvasText; }
header { padding: 0.75rem 1.5rem; background: #292961; color: #fff; }
.brand { margin: 0; font-weight: 600; }
main { max-width: 24rem; margin: 3rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 1.5rem; }
.field { display: flex; flex-direction: column; gap: 0.25rem; margin-bottom: 1rem; }
label { font-weight: 600; }
input { font: inherit; padding: 0.5rem; border: 1px solid #737278; border-radius: 4px; }
input:focus-visible, button:focus-visible { outline: 3px solid #1f75cb; outline-offset: 2px; }
button { font: inherit; font-weight: 600; width: 100%; padding: 0.6rem; border: 0; border-radius: 4px; background: #1f75cb; color: #fff; cursor: pointer; }
.error { border-left: 4px solid #dd2b0e; padding: 0.5rem 0.75rem; background: #fdd4cd; color: #8d1300; margin-bottom: 1rem; }
.hint { color: #737278; font-size: 0.875rem; }
`;
