"Worker side of build_site.py (a module of its own: IPython, which nbdev's exec_show_docs starts, replaces __main__)"
import os, warnings

def process_one(job):
    "Run nbdev's FilterDefaults on one notebook, as nbdev.serve_drv.main does; return the mixed-imports warnings"
    import nbdev.serve_drv
    os.environ.setdefault('MPLBACKEND', 'Agg')
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter('always')
        nbdev.serve_drv.main(job)
    return [str(w.message) for w in ws if 'imports and other code' in str(w.message)]
