"""Check the offline docs site (`_site_offline/`, made by build_site.py) in headless chromium, and README.md's links.

Every page is loaded from file:// by chromium (Debian package), driven over the Chrome DevTools protocol
(--remote-debugging-port, Python `websockets`). A page fails when, as the reader sees it:
- its text shows a `#|` directive, an `In [ ]:` prompt or an unexecuted `show_doc(` call,
- math is left untypeset: `$$`/`\\[`/`\\(` in the text outside code, a pandoc math span KaTeX did not render, or a KaTeX error,
- a link to a page or file of the site (or of the repository) is broken (a missing #anchor on a site page is a
  warning, an error with --strict-anchors),
- an image does not load, or any JavaScript error or failed resource load is reported.
Screenshots of the SP page (nbs/experiments/*sp.ipynb, else 20_distill) and of the study chapter (experiments/05_study, else 32_study) go to `_site_offline/_screenshots/`.

Usage: .venv/bin/python .ci/docs/check_site.py [--site DIR]"""
import argparse, asyncio, base64, json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path
from urllib.parse import urlsplit, unquote

ROOT = Path(__file__).resolve().parent.parent.parent

PAGE_JS = r"""(() => {
  const full = document.body.innerText;
  const clone = document.body.cloneNode(true);
  clone.querySelectorAll('pre, code, .katex, script, style').forEach(e => e.remove());
  const prose = clone.innerText;
  const math = [...document.querySelectorAll('span.math')];
  return {
    title: document.title,
    full, prose,
    ids: [...document.querySelectorAll('[id]')].map(e => e.id),
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
    images: [...document.images].map(i => ({src: i.src, ok: i.complete && i.naturalWidth > 0})),
    resources: [...document.querySelectorAll('link[href], script[src]')].map(e => e.href || e.src),
    math: math.length, math_unrendered: math.filter(e => !e.querySelector('.katex')).map(e => e.textContent.slice(0, 60)),
    katex_errors: [...document.querySelectorAll('.katex-error')].map(e => e.textContent.slice(0, 60)),
    katex_font: document.fonts ? [...document.fonts].some(f => f.family.includes('KaTeX') && f.status === 'loaded') : null,
    tables: document.querySelectorAll('table').length,
    showdoc: document.querySelectorAll('h3 + div.sourceCode, h4 + div.sourceCode').length,
  };
})()"""

class CDP:
    "The smallest Chrome DevTools protocol client: commands, and the events they cause"
    def __init__(self, ws): self.ws, self.n, self.pending, self.events = ws, 0, {}, []
    async def reader(self):
        async for msg in self.ws:
            m = json.loads(msg)
            if 'id' in m and m['id'] in self.pending: self.pending.pop(m['id']).set_result(m)
            elif 'method' in m: self.events.append(m)
    async def __call__(self, method, timeout=60, **params):
        self.n += 1; fut = asyncio.get_running_loop().create_future(); self.pending[self.n] = fut
        await self.ws.send(json.dumps({'id': self.n, 'method': method, 'params': params}))
        r = await asyncio.wait_for(fut, timeout)
        if 'error' in r: raise RuntimeError(f"{method}: {r['error']}")
        return r.get('result', {})
    async def wait_event(self, name, since, timeout=60):
        t = time.time()
        while time.time() - t < timeout:
            if any(e['method'] == name for e in self.events[since:]): return True
            await asyncio.sleep(0.05)
        return False

def start_chromium(profile):
    exe = shutil.which('chromium') or shutil.which('chromium-browser') or shutil.which('google-chrome')
    if not exe: sys.exit('chromium not found: run .ci/install (Debian package chromium)')
    args = [exe, '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
            '--no-default-browser-check', '--disable-extensions', '--disable-background-networking', '--disable-sync',
            '--disable-component-update', '--mute-audio', '--hide-scrollbars', '--remote-debugging-port=0',
            '--remote-allow-origins=*', f'--user-data-dir={profile}', '--window-size=1400,1000', 'about:blank']
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = Path(profile)/'DevToolsActivePort'
    for _ in range(300):
        if port_file.exists() and len(port_file.read_text().split()) >= 2: break
        if p.poll() is not None: sys.exit(f'chromium exited with {p.returncode} at start')
        time.sleep(0.1)
    else: p.kill(); sys.exit('chromium did not open its debugging port')
    port = int(port_file.read_text().split()[0])
    targets = json.load(urllib.request.urlopen(f'http://127.0.0.1:{port}/json/list'))
    page = next(t for t in targets if t['type'] == 'page')
    return p, page['webSocketDebuggerUrl']

def _file_of(url):
    u = urlsplit(url)
    return Path(unquote(u.path)), unquote(u.fragment)

async def check(site:Path, pages, shots):
    import websockets
    profile = tempfile.mkdtemp(prefix='kd_nb_chromium_')
    proc, ws_url = start_chromium(profile)
    problems, anchors, seen, stats = [], set(), {}, {'pages': 0, 'links': 0, 'images': 0, 'math': 0, 'tables': 0, 'showdoc': 0}
    try:
        async with websockets.connect(ws_url, max_size=2**28) as ws:
            cdp = CDP(ws); rd = asyncio.create_task(cdp.reader())
            for dom in ('Page', 'Runtime', 'Log', 'Network'): await cdp(f'{dom}.enable')
            await cdp('Emulation.setDeviceMetricsOverride', width=1400, height=1000, deviceScaleFactor=1, mobile=False)
            for rel in pages:
                f = site/rel
                k = len(cdp.events)
                await cdp('Page.navigate', url=f.as_uri())
                if not await cdp.wait_event('Page.loadEventFired', k): problems.append(f"{rel}: did not load"); continue
                await asyncio.sleep(0.1)
                r = (await cdp('Runtime.evaluate', expression=PAGE_JS, returnByValue=True))['result']['value']
                ev = cdp.events[k:]
                for e in ev:
                    m, p = e['method'], e['params']
                    if m == 'Runtime.exceptionThrown':
                        d = p['exceptionDetails']; problems.append(f"{rel}: JavaScript error: {d.get('exception', {}).get('description') or d.get('text')}")
                    elif m == 'Runtime.consoleAPICalled' and p['type'] in ('error', 'assert'):
                        problems.append(f"{rel}: console error: {' '.join(str(a.get('value', a.get('description', ''))) for a in p['args'])[:200]}")
                    elif m == 'Log.entryAdded' and p['entry']['level'] == 'error':
                        problems.append(f"{rel}: browser error: {p['entry'].get('text', '')[:200]} {p['entry'].get('url', '')}")
                    elif m == 'Network.loadingFailed' and not p.get('canceled'):
                        problems.append(f"{rel}: a resource failed to load ({p.get('errorText')})")
                full, prose = r['full'], r['prose']
                for what, rx, text in [('a `#|` directive', r'(?m)^\s*#\|', full),
                                       ('an `In [ ]:` prompt', r'\b(In|Out)\s*\[\s*\d*\s*\]\s*:', full),
                                       ('an unexecuted show_doc( call', r'\bshow_doc\(', full),
                                       ('untypeset math ($$)', r'\$\$', prose),
                                       ('untypeset math (\\[ or \\( )', r'\\\[|\\\(', prose),
                                       ('raw LaTeX outside math', r'\\(frac|mathcal|mathrm|sum|begin\{)\b', prose)]:
                    m = re.search(rx, text)
                    if m: problems.append(f"{rel}: shows {what}: ...{text[max(0, m.start()-40):m.end()+40]!r}...")
                for s in r['math_unrendered'][:3]: problems.append(f"{rel}: math not typeset by KaTeX: {s!r}")
                for s in r['katex_errors'][:3]: problems.append(f"{rel}: KaTeX error: {s!r}")
                if r['math'] and r['katex_font'] is False: problems.append(f"{rel}: KaTeX fonts did not load")
                for img in r['images']:
                    if not img['ok']: problems.append(f"{rel}: broken image {img['src']}")
                seen[rel] = {'ids': set(r['ids']), 'links': r['links']}
                stats['pages'] += 1; stats['images'] += len(r['images']); stats['math'] += r['math']
                stats['tables'] += r['tables']; stats['showdoc'] += r['showdoc']
                if rel in shots:
                    out = site/'_screenshots'/shots[rel]; out.parent.mkdir(exist_ok=True)
                    h = (await cdp('Runtime.evaluate', expression='document.documentElement.scrollHeight', returnByValue=True))['result']['value']
                    shot = await cdp('Page.captureScreenshot', format='png', captureBeyondViewport=True,
                                     clip={'x': 0, 'y': 0, 'width': 1400, 'height': min(h, 6000), 'scale': 1})
                    out.write_bytes(base64.b64decode(shot['data']))
            rd.cancel()
    finally:
        proc.terminate()
        try: proc.wait(10)
        except subprocess.TimeoutExpired: proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    # links: files must exist; #anchors on site pages must exist
    for rel, d in seen.items():
        for l in d['links']:
            if not l.startswith('file://'): continue
            stats['links'] += 1
            f, frag = _file_of(l)
            if not f.exists(): problems.append(f"{rel}: broken link {l.replace(site.as_uri(), '')}"); continue
            try: target = f.resolve().relative_to(site.resolve()).as_posix()
            except ValueError: continue
            if frag and target in seen and frag not in seen[target]['ids']:
                anchors.add(f"{rel}: link to {target}#{frag}: the page has no such anchor")
    return problems, sorted(anchors), stats

def readme_problems():
    "README links, as GitHub resolves them from the repository root (what check_docs.py checked)"
    bad, readme = [], (ROOT/'README.md').read_text()
    for l in re.findall(r'\]\(([^)\s]+)\)', readme):
        if re.match(r'^(https?:|mailto:|#)', l): continue
        if not (ROOT/l.split('#')[0]).exists(): bad.append(f"README.md: broken link {l!r}")
    return bad

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--site', default=str(ROOT/'_site_offline'))
    ap.add_argument('--strict-anchors', action='store_true',
                    help="fail on links to a missing #anchor of a page (by default they are listed as warnings)")
    a = ap.parse_args(); t0 = time.time()
    site = Path(a.site).resolve()
    info = json.loads((site/'_pages.json').read_text())
    pages, sources = info['pages'], info['sources']
    by_src = {v: k for k, v in sources.items()}
    sp = sorted(s for s in by_src if re.match(r'experiments/(\d+_)?sp\.ipynb$', s)) or ['20_distill.ipynb']
    shots, problems = {}, readme_problems()
    for src, name in [(sp[0], 'sp.png'), ('experiments/05_study.ipynb' if 'experiments/05_study.ipynb' in by_src else '32_study.ipynb', 'study.png')]:
        if src in by_src and by_src[src] in pages: shots[by_src[src]] = name
        else: problems.append(f"screenshot: no page for {src}")
    shutil.rmtree(site/'_screenshots', ignore_errors=True)
    p, anchors, stats = asyncio.run(check(site, pages, shots))
    problems += p
    if a.strict_anchors: problems += anchors
    elif anchors:
        print(f"warning: {len(anchors)} links to an anchor a page lacks (a symbol without its show_doc entry there; "
              "only the last show_doc of a cell is shown):\n  " + '\n  '.join(anchors))
    print(f"chromium: {stats['pages']} pages checked ({stats['links']} internal links, {stats['images']} images, "
          f"{stats['math']} formulas typeset, {stats['tables']} tables, {stats['showdoc']} show_doc entries) in "
          f"{time.time()-t0:.1f} s; README links checked; screenshots: "
          + ', '.join(f"{site.name}/_screenshots/{n} ({k})" for k, n in shots.items()))
    if problems: sys.exit(f'Docs check: {len(problems)} problems:\n  ' + '\n  '.join(problems[:200]))

if __name__ == '__main__': main()
