"""Build the documentation site for offline reading, without quarto: `_site_offline/`, open `_site_offline/index.html`.

1. nbdev's own page processing, as `nbdev_docs`/`nbdev_preview` hand it to quarto: the `FilterDefaults` processors run
   on every notebook under nbs/ (in worker processes, as `nbdev.serve.proc_nbs` runs them, with its cache `_proc/`):
   frontmatter from the title cell, directives removed, hidden cells dropped, `show_doc` added after exported
   definitions and executed (with the import cells it needs: `exec_show_docs`), exported code shown without
   directives. Nothing else is executed. Unlike `proc_nbs`, one notebook that fails does not stop the others: all
   failures are reported at the end.
2. Each processed notebook becomes pandoc markdown the way quarto writes it (quarto's cell options `echo`, `output`,
   `include`, `code-fold`, `warning` honoured; figures written to `<page>_files/`), then pandoc makes the HTML page
   (`.ci/docs/template.html`), with the sidebar of `nbs/sidebar.yml` (entries may be globs, such as
   `experiments/*.ipynb`) and math typeset by a local KaTeX (`.ci/install` puts it in a cache folder).
3. Links: `x.ipynb` becomes the page quarto would write (`output-file`, e.g. `10_losses.ipynb` -> `losses.html`),
   links into the published site (settings.ini doc_host + doc_baseurl) become relative, files under nbs/ that pages
   link to are copied, and links to files outside nbs/ point into the repository (`../kd_nb/...`).

Usage: .venv/bin/python .ci/docs/build_site.py [--force] [--workers N] [--out DIR]
`.ci/docs/check_site.py` then checks the pages in headless chromium."""
import argparse, base64, html, json, os, re, shutil, subprocess, sys, time, warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path
from posixpath import relpath

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
KATEX_VERSION = (HERE/'KATEX_VERSION').read_text().strip()
KATEX_DIR = Path(os.environ.get('KATEX_DIR') or
                 Path(os.environ.get('XDG_CACHE_HOME') or Path.home()/'.cache')/'kd_nb'/f'katex-{KATEX_VERSION}'/'dist')
PAGE_EXTS = ('.ipynb', '.md', '.qmd')
sys.path.insert(0, str(HERE))
from _nbproc import process_one

# --------------------------------------------------------------------------------------------------------------------
# 1. nbdev's processing (one worker process per notebook, spawned, as nbdev.serve.proc_nbs does)
def process_notebooks(force=False, workers=1):
    "nbdev.serve.proc_nbs, with every failure collected instead of the first one stopping the rest. Returns (cache, problems)"
    from nbdev.config import get_config
    from nbdev.doclinks import nbglob
    from nbdev.serve import _proc_file
    import nbdev.serve
    cfg = get_config()
    cache, path = cfg.config_path/'_proc', cfg.nbs_path
    files = nbglob(path, func=Path, file_glob='', file_re='')
    for extra in ('_quarto.yml', '_brand.yml'):
        if (path/extra).exists(): files.append(path/extra)
    chk_mtime = max(cfg.config_file.stat().st_mtime, Path(nbdev.serve.__file__).stat().st_mtime)
    if force or (cache.exists() and cache.stat().st_mtime < chk_mtime): shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True, exist_ok=True)
    jobs = [j for j in (_proc_file(f, cache=cache, path=path, mtime=cache.stat().st_mtime) for f in files) if j]
    failed, mixed = [], []
    if jobs:
        with ProcessPoolExecutor(max(1, min(workers, len(jobs))), mp_context=get_context('spawn')) as ex:
            futs = {ex.submit(process_one, j): j for j in jobs}
            for f in as_completed(futs):
                src = Path(futs[f][0]).relative_to(path)
                try: mixed += [(src, m) for m in f.result()]
                except Exception as e:
                    msg, why = str(e).splitlines() or [repr(e)], str(e.__cause__ or '')
                    errs = re.findall(r'^(\w*(?:Error|Exception)\b.*)$', why, flags=re.M)
                    failed.append(f"{src}: nbdev's processing failed: {msg[0].rstrip(' :')} ({msg[1][:80]!r}...): "
                                  f"{errs[0] if errs else why[-300:]}")
                    dst = Path(futs[f][1])
                    if dst.exists(): dst.unlink()
    if not failed: cache.touch()
    return cache, len(jobs), failed, mixed

# --------------------------------------------------------------------------------------------------------------------
# 2. processed notebook -> pandoc markdown, the way quarto renders an ipynb
_re_opt = re.compile(r'^\s*#\|\s*([\w-]+)\s*:\s*(.*?)\s*$')
_re_ansi = re.compile(r'\x1B(?:[@-Z\\-_]|\[[0-?]*[ -/]*[@-~])')

def _src(x): return ''.join(x) if isinstance(x, list) else (x or '')

def _fence(text, info=''):
    "A fenced code block that survives backticks in `text`"
    n = max([3] + [len(m) + 1 for m in re.findall(r'`{3,}', text)])
    return f"{'`'*n}{info}\n{text.rstrip(chr(10))}\n{'`'*n}"

def cell_options(source):
    "quarto's cell options (leading `#| key: value` lines) and the code without them"
    import yaml
    lines, opts, i = source.splitlines(), {}, 0
    while i < len(lines) and _re_opt.match(lines[i]):
        k, v = _re_opt.match(lines[i]).groups()
        try: opts[k] = yaml.safe_load(v)
        except Exception: opts[k] = v
        i += 1
    return opts, '\n'.join(lines[i:]).strip('\n')

def _as_bool(v, default=True):
    if v is None: return default
    if isinstance(v, str): return v.strip().lower() not in ('false', 'no', '0')
    return bool(v)

class Page:
    def __init__(self, src:Path, nbs:Path, proc:Path):
        self.src, self.rel = src, src.relative_to(nbs)       # nbs/ relative path of the source (notebook or md)
        self.proc = proc/self.rel if src.suffix == '.ipynb' else src
        self.meta, self.md = {}, ''
        if src.suffix == '.ipynb' and self.proc.exists():
            cells = json.loads(self.proc.read_text())['cells']
            if cells and cells[0]['cell_type'] == 'raw' and _src(cells[0]['source']).lstrip().startswith('---'):
                self.meta = _fm(_src(cells[0]['source'])); cells = cells[1:]
            self.cells = cells
        else:
            text = src.read_text()
            m = re.match(r'^---\s*\n(.*?)\n---\s*\n', text, flags=re.S)
            if m: self.meta, text = _fm(m.group(0)), text[m.end():]
            self.cells = [{'cell_type': 'markdown', 'source': text}]
        out = self.meta.get('output-file') or self.rel.with_suffix('.html').name
        self.out = (self.rel.parent/out).as_posix()               # site-relative path of the html page
        self.title = str(self.meta.get('title') or self.rel.stem)

    def markdown(self, site:Path):
        "The page as pandoc markdown: quarto's rendering of each cell; figures written under `site`"
        parts, fig_dir = [], f"{Path(self.out).stem}_files/figure-html"
        for i, c in enumerate(self.cells):
            s = _src(c.get('source'))
            if c['cell_type'] == 'markdown':
                for name, data in (c.get('attachments') or {}).items():
                    mime, b64 = next(iter(data.items()))
                    f = site/self.rel.parent/fig_dir/f"att-{i}-{name}"
                    f.parent.mkdir(parents=True, exist_ok=True); f.write_bytes(base64.b64decode(b64))
                    s = s.replace(f'attachment:{name}', f"{fig_dir}/att-{i}-{name}")
                parts.append(s)
            elif c['cell_type'] == 'raw':
                fmt = (c.get('metadata') or {}).get('format') or (c.get('metadata') or {}).get('raw_mimetype') or ''
                parts.append(_fence(s, '{=html}') if 'html' in fmt else s)
            elif c['cell_type'] == 'code':
                parts.append(self._code(i, c, s, site, fig_dir))
        return '\n\n'.join(p for p in parts if p and p.strip()) + '\n'

    def _code(self, i, c, s, site, fig_dir):
        opts, code = cell_options(s)
        if not _as_bool(opts.get('include')): return ''
        lang = (c.get('metadata') or {}).get('language') or 'python'
        out, asis = [], str(opts.get('output', '')).lower() == 'asis'
        if _as_bool(opts.get('echo')) and code.strip():
            block = _fence(code, f'{{.{lang} .cell-code}}')
            fold = opts.get('code-fold')
            if fold not in (None, False, 'false'):
                summary = html.escape(str(opts.get('code-summary', 'Code')))
                op = ' open' if str(fold).lower() == 'show' else ''
                block = f'<details class="code-fold"{op}>\n<summary>{summary}</summary>\n\n{block}\n\n</details>'
            out.append(block)
        if _as_bool(opts.get('output')) or asis:
            for j, o in enumerate(c.get('outputs', [])):
                r = self._output(i, j, o, opts, asis, site, fig_dir)
                if r: out.append(r)
        if not out: return ''
        if asis and not _as_bool(opts.get('echo')): return '\n\n'.join(out)   # show_doc: the markdown itself
        return '::: {.cell}\n\n' + '\n\n'.join(out) + '\n\n:::'

    def _output(self, i, j, o, opts, asis, site, fig_dir):
        t = o.get('output_type')
        if t == 'stream':
            if o.get('name') == 'stderr' and not _as_bool(opts.get('warning')): return ''
            txt = _re_ansi.sub('', _src(o.get('text')))
            if not txt.strip(): return ''
            return f"::: {{.cell-output .cell-output-{o.get('name', 'stdout')}}}\n\n{_fence(txt)}\n\n:::"
        if t == 'error':
            if not _as_bool(opts.get('error'), True): return ''
            tb = _re_ansi.sub('', '\n'.join(o.get('traceback') or [f"{o.get('ename')}: {o.get('evalue')}"]))
            return f"::: {{.cell-output .cell-output-error}}\n\n{_fence(tb)}\n\n:::"
        d = o.get('data') or {}
        if asis and 'text/markdown' in d: return _src(d['text/markdown'])
        body = None
        for mime in ('image/svg+xml', 'image/png', 'image/jpeg', 'image/gif'):
            if mime in d:
                ext = {'image/svg+xml': 'svg', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif'}[mime]
                f = site/self.rel.parent/fig_dir/f"cell-{i}-output-{j}.{ext}"
                f.parent.mkdir(parents=True, exist_ok=True)
                if ext == 'svg': f.write_text(_src(d[mime]))
                else: f.write_bytes(base64.b64decode(_src(d[mime])))
                cap = opts.get('fig-cap') or ''
                body = f"![{cap}]({fig_dir}/{f.name}){{.figure-img}}"
                break
        if body is None and 'text/html' in d: body = _fence(_src(d['text/html']), '{=html}')
        if body is None and 'text/markdown' in d: body = _src(d['text/markdown'])
        if body is None and 'text/latex' in d: body = _src(d['text/latex'])
        if body is None and 'text/plain' in d: body = _fence(_src(d['text/plain']))
        if body is None: return ''
        return f"::: {{.cell-output .cell-output-display}}\n\n{body}\n\n:::"

def _fm(s):
    import yaml
    m = re.search(r'^---\s*\n(.*?)\n---', s.strip() + '\n', flags=re.S)
    try: return (yaml.safe_load(m.group(1)) if m else {}) or {}
    except Exception: return {}

# --------------------------------------------------------------------------------------------------------------------
# sidebar (nbs/sidebar.yml, quarto's format: paths, globs, {section, contents}, {text, href})
def read_sidebar(nbs:Path):
    import yaml
    y = yaml.safe_load((nbs/'sidebar.yml').read_text()) or {}
    sb = (y.get('website') or {}).get('sidebar') or {}
    if isinstance(sb, list): sb = sb[0]
    return sb.get('contents') or []

def _expand(entry, nbs, problems, where):
    "The page paths (nbs/ relative) an entry names: a path, or a glob such as experiments/*.ipynb (sorted)"
    if any(ch in entry for ch in '*?['):
        return sorted(p.relative_to(nbs).as_posix() for p in nbs.glob(entry)
                      if p.suffix in PAGE_EXTS and not any(x.startswith(('_', '.')) for x in p.relative_to(nbs).parts))
    if not entry.endswith(PAGE_EXTS): problems.append(f"sidebar.yml ({where}): {entry!r} is not a page (.ipynb, .md, .qmd)")
    elif not (nbs/entry).exists(): problems.append(f"sidebar.yml ({where}): {entry!r} does not exist")
    return [entry]

def sidebar_tree(items, nbs, problems, where='top'):
    res = []
    for it in items if isinstance(items, list) else [items]:
        if isinstance(it, str): res += [('page', p) for p in _expand(it, nbs, problems, where)]
        elif isinstance(it, dict) and 'section' in it:
            res.append(('section', str(it['section']), sidebar_tree(it.get('contents') or [], nbs, problems, it['section'])))
        elif isinstance(it, dict) and ('href' in it or 'file' in it):
            p = it.get('href') or it.get('file')
            res += [('page', q) for q in _expand(p, nbs, problems, where)]
        else: problems.append(f"sidebar.yml ({where}): entry {it!r} not understood")
    return res

def sidebar_html(tree, pages, cur):
    def li(p):
        pg = pages.get(p)
        if not pg: return ''
        href = relpath(pg.out, str(Path(cur.out).parent) or '.')
        a = ' class="active" aria-current="page"' if pg is cur else ''
        return f'<li><a href="{html.escape(href)}"{a}>{html.escape(pg.title)}</a></li>'
    out = []
    for node in tree:
        if node[0] == 'page': out.append(li(node[1]))
        else:
            inner = sidebar_html(node[2], pages, cur)
            body = inner or '<li class="empty">(no pages yet)</li>'
            out.append(f'<li class="section"><span class="section-title">{html.escape(node[1])}</span><ul>{body}</ul></li>')
    return ''.join(out)

def flat_pages(tree):
    for node in tree:
        if node[0] == 'page': yield node[1]
        else: yield from flat_pages(node[2])

# --------------------------------------------------------------------------------------------------------------------
# 3. links
_re_attr = re.compile(r'''(\s(?:href|src)=)(["'])(.*?)\2''')

def rewrite_links(text, page, pages_by_src, nbs, site, published, copied):
    "Make the page's href/src work offline (see the module docstring)"
    here = Path(page.out).parent.as_posix() or '.'
    def fix(m):
        pre, q, url = m.groups()
        u = html.unescape(url)
        for base in published:                     # links into the published site: relative
            if u.startswith(base):
                rest = u[len(base):].lstrip('/') or 'index.html'
                return f'{pre}{q}{html.escape(relpath(rest, here))}{q}'
        if re.match(r'^([a-z][a-z0-9+.-]*:|#|//)', u, flags=re.I): return m.group(0)
        target, frag = (u.split('#', 1) + [''])[:2]
        frag = '#' + frag if frag else ''
        if not target: return m.group(0)
        t = Path(os.path.normpath(nbs/page.rel.parent/target))
        try: r = t.relative_to(nbs).as_posix()
        except ValueError:                         # outside nbs/: into the repository, next to _site_offline/
            if not t.exists(): return m.group(0)
            return f'{pre}{q}{html.escape(relpath(t.as_posix(), (site/here).resolve().as_posix()))}{frag}{q}'
        if r in pages_by_src: return f'{pre}{q}{html.escape(relpath(pages_by_src[r].out, here))}{frag}{q}'
        if (site/r).exists() and not (nbs/r).exists(): return m.group(0)       # written by this build (figures)
        if (nbs/r).is_file():                      # a data file, figure... next to the notebooks: copy it
            (site/r).parent.mkdir(parents=True, exist_ok=True); shutil.copy2(nbs/r, site/r); copied.add(r)
        return m.group(0)
    return _re_attr.sub(fix, text)

# --------------------------------------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--force', action='store_true', help="ignore nbdev's _proc/ cache: process every notebook again")
    ap.add_argument('--workers', type=int, default=int(os.environ.get('DOCS_WORKERS', 2)))
    ap.add_argument('--out', default=str(ROOT/'_site_offline'))
    a = ap.parse_args()
    os.chdir(ROOT)
    t0 = time.time()
    if not shutil.which('pandoc'): sys.exit('pandoc not found: run .ci/install (Debian package pandoc)')
    if not (KATEX_DIR/'katex.min.js').exists(): sys.exit(f'KaTeX not found in {KATEX_DIR}: run .ci/install')
    from nbdev.config import get_config
    cfg = get_config(); nbs = cfg.nbs_path.resolve()
    cache, n_proc, problems, mixed = process_notebooks(a.force, a.workers)
    t1 = time.time()
    print(f"nbdev processing: {n_proc} files (re)processed into {cache.relative_to(ROOT)} in {t1-t0:.1f} s")
    if mixed:
        print(f"nbdev warned about {len(mixed)} cells that mix imports with other code (it executes them for the docs;"
              " split the imports into a cell of their own: .ci/docs/split_imports.py):")
        for src, msg in sorted(mixed, key=lambda x: str(x[0])):
            print(f"  {src}: {msg.split('---')[1].strip().splitlines()[0][:100]!r}")

    site = Path(a.out).resolve()
    shutil.rmtree(site, ignore_errors=True); site.mkdir(parents=True)
    srcs = sorted(p for p in nbs.rglob('*') if p.suffix in PAGE_EXTS and p.is_file()
                  and not any(x.startswith(('_', '.')) for x in p.relative_to(nbs).parts))
    pages = {p.relative_to(nbs).as_posix(): Page(p, nbs, cache) for p in srcs}
    for r, pg in pages.items():
        if pg.src.suffix == '.ipynb' and not pg.proc.exists() and not any(x.startswith(r + ':') for x in problems):
            problems.append(f"{r}: no processed notebook in {cache}")
    tree = sidebar_tree(read_sidebar(nbs), nbs, problems)
    listed = list(flat_pages(tree))
    for r in pages:   # notebooks must be in the sidebar; other pages (a results folder's README.md) may be linked only
        if r not in listed and r.endswith('.ipynb'): problems.append(f"{r}: not in nbs/sidebar.yml (readers could not reach it)")
    # static files: KaTeX, css
    shutil.copytree(KATEX_DIR, site/'_static'/'katex', ignore=shutil.ignore_patterns('*.mjs', 'katex.js', 'katex.css', 'README.md'))
    shutil.copy2(HERE/'site.css', site/'_static'/'site.css')
    if (nbs/'styles.css').exists(): shutil.copy2(nbs/'styles.css', site/'_static'/'styles.css')
    published = [u for u in {f"{cfg.doc_host.rstrip('/')}{cfg.doc_baseurl.rstrip('/')}/", str(cfg.get('doc_host', '')).rstrip('/') + '/'} if u != '/']
    published.sort(key=len, reverse=True)
    copied, order = set(), [p for p in listed if p in pages] + [p for p in pages if p not in listed]
    for k, r in enumerate(order):
        pg = pages[r]
        if pg.src.suffix == '.ipynb' and not pg.proc.exists(): continue
        here = Path(pg.out).parent.as_posix() or '.'
        up = relpath('.', here)
        md = pg.markdown(site)
        nav = sidebar_html(tree, pages, pg)
        prev = pages[order[k-1]] if k > 0 else None
        nxt = pages[order[k+1]] if k + 1 < len(order) else None
        meta = {'pagetitle': f"{pg.title} – {cfg.title}", 'title': pg.title,
                'description': str(pg.meta.get('description') or '')}
        var = {'sitetitle': cfg.title, 'static': f"{up}/_static", 'home': relpath('index.html', here), 'sidebar': nav,
               'prev': relpath(prev.out, here) if prev else '', 'prevtitle': html.escape(prev.title) if prev else '',
               'next': relpath(nxt.out, here) if nxt else '', 'nexttitle': html.escape(nxt.title) if nxt else '',
               'source': f"nbs/{r}"}
        mf = site/'_meta.json'; mf.write_text(json.dumps(meta))
        cmd = ['pandoc', '-f', 'markdown-citations', '-t', 'html5', '--standalone', f'--template={HERE/"template.html"}',
               f'--katex={up}/_static/katex/', '--toc', '--toc-depth=3', '--highlight-style=pygments',
               f'--metadata-file={mf}', '--wrap=none'] + [f'--variable={k}:{v}' for k, v in var.items() if v]
        p = subprocess.run(cmd, input=md, capture_output=True, text=True)
        if p.returncode: problems.append(f"{r}: pandoc failed: {p.stderr.strip()[:500]}"); continue
        for l in p.stderr.splitlines():
            if l.strip() and 'WARNING' in l.upper(): print(f"  pandoc ({r}): {l.strip()}")
        out = rewrite_links(p.stdout, pg, pages, nbs, site, published, copied)
        (site/pg.out).parent.mkdir(parents=True, exist_ok=True)
        (site/pg.out).write_text(out)
    (site/'_meta.json').unlink(missing_ok=True)
    (site/'_pages.json').write_text(json.dumps({'pages': [pages[r].out for r in order if (site/pages[r].out).exists()],
        'sources': {pages[r].out: r for r in order}, 'published': published}, indent=1))
    n = sum((site/pages[r].out).exists() for r in pages)
    print(f"{n} pages written to {site.relative_to(ROOT) if site.is_relative_to(ROOT) else site} "
          f"({len(copied)} linked files copied) in {time.time()-t1:.1f} s; total {time.time()-t0:.1f} s. "
          f"Open {site/'index.html'} in a browser.")
    if problems: sys.exit('Docs build problems:\n  ' + '\n  '.join(problems))

if __name__ == '__main__': main()
