import HTTPCore

/// The portal's one stylesheet, served by the binary: readable at 1280 px and at 390 px wide.
enum PortalStyle {
    static let css = """
        :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --accent: #c8102e; --bg: #f6f7f9; --ok: #1e7b3a; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem;
                 padding: .6rem 1.25rem; background: #fff; border-bottom: 3px solid var(--accent); }
        nav { display: flex; flex-wrap: wrap; gap: .25rem .9rem; }
        nav a { color: var(--ink); text-decoration: none; padding: .2rem 0; }
        nav a[aria-current=page] { border-bottom: 2px solid var(--accent); font-weight: 600; }
        .signout { display: flex; align-items: center; gap: .6rem; margin: 0; color: var(--muted); font-size: .9rem; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; } h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
        table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
        th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef0f4; font-weight: 600; font-size: .9rem; }
        .scroll { overflow-x: auto; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
        .narrow { max-width: 26rem; }
        .card > h2:first-child { margin-top: 0; }
        label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
        input, select { width: 100%; max-width: 26rem; padding: .45rem .5rem; border: 1px solid #b9c0cc; border-radius: 4px; font: inherit; }
        input[type=checkbox] { width: auto; }
        .inline { display: inline-flex; flex-wrap: wrap; align-items: end; gap: .5rem; margin: .25rem .5rem .25rem 0; }
        .inline label { margin: 0; font-weight: 400; font-size: .9rem; } .inline input { width: 9rem; }
        button { margin-top: 1rem; padding: .45rem 1rem; border: 0; border-radius: 4px; background: var(--accent); color: #fff; font: inherit; cursor: pointer; }
        .inline button, .signout button { margin-top: 0; }
        .signout label { margin: 0; font-weight: 400; } .signout select { width: auto; }
        button.secondary { background: #4a5261; }
        .field-error { color: var(--accent); margin: .25rem 0 0; font-size: .9rem; }
        .notice { padding: .6rem .9rem; border-radius: 4px; background: #e9f5ec; border: 1px solid #b7dcc2; }
        .notice.error { background: #fbeaec; border-color: #f0b8c0; }
        .muted { color: var(--muted); } .status { font-weight: 600; }
        th[scope=row] { width: 14rem; }
        @media (max-width: 600px) { main { padding: .75rem; } th, td { padding: .35rem .4rem; font-size: .9rem; } header { padding: .5rem .75rem; } }
        """

    static let response = HTTPResponse(status: .ok, headers: PortalPage.headers("text/css; charset=utf-8"), body: Array(css.utf8))
}
