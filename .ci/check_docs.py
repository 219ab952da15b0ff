"""Offline docs check. Quarto cannot be installed here, so: run nbdev's own page processing (`nbdev_proc_nbs`,
what quarto would render, show_doc cells included), render every processed page to HTML with nbconvert, and
fail on a page that does not process or render, or on a relative link to a page or file that does not exist."""
import re, shutil, subprocess, sys
from pathlib import Path
from html.parser import HTMLParser
from nbconvert import HTMLExporter

root = Path(__file__).resolve().parent.parent
proc = root/'_proc'
shutil.rmtree(proc, ignore_errors=True)
r = subprocess.run([str(Path(sys.executable).parent/'nbdev_proc_nbs'), '--force'], cwd=root, capture_output=True, text=True)
if r.returncode: sys.exit(f"nbdev_proc_nbs failed:\n{r.stdout}\n{r.stderr}")

class Links(HTMLParser):
    def __init__(self): super().__init__(); self.links = []
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ('href', 'src') and v: self.links.append(v)

pages = sorted(p for p in proc.rglob('*.ipynb') if not any(part.startswith(('.', '_')) for part in p.relative_to(proc).parts))
exp, bad, out = HTMLExporter(), [], root/'_proc'/'_html'
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
print(f"{len(pages)} pages processed and rendered to HTML in {out.relative_to(root)}")
if bad: sys.exit('Docs problems:\n  ' + '\n  '.join(bad))
