"""Offline docs check. Quarto cannot be installed here, so: render every documentation page (the notebooks and
sidebar/config files nbdev hands to quarto) to HTML with nbconvert, and fail on a page that does not render, or
on a relative link to a page or file that does not exist. (nbdev's full page processing, `nbdev_proc_nbs`, executes
every show_doc cell and takes minutes; `nbdev_test` already executes them.)"""
import re, shutil, subprocess, sys
from pathlib import Path
from html.parser import HTMLParser
from nbconvert import HTMLExporter

root = Path(__file__).resolve().parent.parent
proc = root/'nbs'

class Links(HTMLParser):
    def __init__(self): super().__init__(); self.links = []
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ('href', 'src') and v: self.links.append(v)

pages = sorted(p for p in proc.rglob('*.ipynb') if not any(part.startswith(('.', '_')) for part in p.relative_to(proc).parts))
exp, bad, out = HTMLExporter(), [], root/'_proc'/'_html'
shutil.rmtree(out, ignore_errors=True)
for p in pages:
    try: html, _ = exp.from_filename(str(p))
    except Exception as e: bad.append(f"{p.relative_to(proc)}: does not render ({e})"); continue
    (out/p.relative_to(proc)).parent.mkdir(parents=True, exist_ok=True)
    (out/p.relative_to(proc)).with_suffix('.html').write_text(html)
    ps = Links(); ps.feed(html)
    for l in ps.links:
        if re.match(r'^(https?:|mailto:|#|data:|javascript:)', l) or l.startswith('//'): continue
        target = l.split('#')[0].split('?')[0]
        if not target: continue
        t = (p.parent/target)
        cands = [t, t.with_suffix('.ipynb'), t.with_suffix('.qmd'), t.with_suffix('.md'), root/target]
        if not any(c.exists() for c in cands): bad.append(f"{p.relative_to(proc)}: broken link {l!r}")
readme = (root/'README.md').read_text()
for l in re.findall(r'\]\(([^)\s]+)\)', readme):  # README links, as GitHub resolves them from the repository root
    if re.match(r'^(https?:|mailto:|#)', l): continue
    if not (root/l.split('#')[0]).exists(): bad.append(f"README.md: broken link {l!r}")
print(f"{len(pages)} pages processed and rendered to HTML in {out.relative_to(root)}; README links checked")
if bad: sys.exit('Docs problems:\n  ' + '\n  '.join(bad))
