/**
 * The team server's login and logout pages: plain HTML forms (no script), so they work
 * before the app loads and under a policy that allows nothing but this server's own
 * stylesheet and forms posting back to it.
 */
export const LOGIN_PATH = '/login';
export const LOGOUT_PATH = '/logout';
export const PAGE_CSS_PATH = '/login.css';

/** The pages' policy: the app's is stricter still (no forms at all). */
export const PAGE_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(title)} · Fact-check Desk</title>
    <link rel="stylesheet" href="${PAGE_CSS_PATH}" />
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>
`;
}

/** The login form; `problem` (wrong password, too many tries) is shown above it, and the name is kept. */
export function loginPage(options: { name?: string; problem?: string; team?: string } = {}): string {
  const problem = options.problem ? `      <p class="problem" role="alert">${escape(options.problem)}</p>\n` : '';
  return page(
    'Log in',
    `      <h1>Fact-check Desk</h1>
      <p class="lead">Log in to the team workspace${options.team ? ` at ${escape(options.team)}` : ''}.</p>
${problem}      <form method="post" action="/auth/login">
        <label for="name">Name</label>
        <input id="name" name="name" autocomplete="username" required maxlength="200" value="${escape(options.name ?? '')}" autofocus />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024" />
        <button type="submit">Log in</button>
      </form>
      <p class="hint">No account? An admin of the desk adds people with <code>team-server user add</code>.</p>`,
  );
}

export function logoutPage(name: string): string {
  return page(
    'Log out',
    `      <h1>Fact-check Desk</h1>
      <p class="lead">Logged in as ${escape(name)}.</p>
      <form method="post" action="/auth/logout">
        <button type="submit">Log out</button>
      </form>
      <p class="hint"><a href="/">Back to the workspace</a></p>`,
  );
}

export const PAGE_CSS = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
main { width: min(22rem, 90vw); padding: 2rem; border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); border-radius: 8px; }
h1 { font-size: 1.25rem; margin: 0 0 0.25rem; }
.lead { margin: 0 0 1rem; opacity: 0.8; }
form { display: grid; gap: 0.4rem; }
label { font-weight: 600; margin-top: 0.4rem; }
input { font: inherit; padding: 0.45rem 0.5rem; border-radius: 4px; border: 1px solid color-mix(in srgb, CanvasText 35%, transparent); }
input:focus-visible, button:focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
button { font: inherit; margin-top: 0.8rem; padding: 0.5rem; border-radius: 4px; border: none; background: #1f5fbf; color: white; cursor: pointer; }
.problem { padding: 0.5rem; border-radius: 4px; background: color-mix(in srgb, #c62828 15%, Canvas); border: 1px solid #c62828; }
.hint { font-size: 0.85rem; opacity: 0.75; margin-top: 1rem; }
`;
