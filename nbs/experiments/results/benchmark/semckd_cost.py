"""Why SemCKD from the VGG-8 was not run: its seconds per training epoch against the ResNet teachers', measured.
Run from the repository root, alone on the machine (one CPU thread, the default loop, as the grids ran):
    OMP_NUM_THREADS=1 .venv/bin/python nbs/experiments/results/benchmark/semckd_cost.py
It times `distill` on a tenth of the grids' training set (60 images per class, 2 epochs; the second epoch's seconds,
evaluation on the 10,000 test images included); the output is written next to this file as semckd_cost.csv."""
import contextlib, io, tempfile, time
from pathlib import Path
import pandas as pd
from kd_nb.train import FMNIST_REDUCED, distill
from kd_nb.teachers import load_teacher
from kd_nb.models import get_model, n_params

rows, r = [], FMNIST_REDUCED.replace(subset=60, epochs=2)
for teacher in ('fashion_mnist/resnet20_15ep', 'fashion_mnist/resnet56_30ep', 'fashion_mnist/vgg8_15ep'):
    t = load_teacher(teacher)
    for method in ('kd', 'semckd'):
        with tempfile.TemporaryDirectory() as d, contextlib.redirect_stdout(io.StringIO()):
            res = distill(method, t, 'resnet8', r, out=Path(d)/'run.pth', beta=40) if method == 'semckd' else \
                  distill(method, t, 'resnet8', r, out=Path(d)/'run.pth')
        s = res['epoch_seconds'][-1]
        rows.append(dict(teacher=teacher, teacher_params=n_params(get_model(t.kd_meta['arch'], in_chans=1)), method=method,
                         sec_per_epoch_60pc=s, loop=str(res['loop'])))
        print(rows[-1], flush=True)
df = pd.DataFrame(rows)
df.to_csv(Path(__file__).with_name('semckd_cost.csv'), index=False)
print(df.pivot(index='teacher', columns='method', values='sec_per_epoch_60pc').round(1))
