#!/usr/bin/env bash
# The converged student schedule (issue "an offline benchmark that can test what the papers claim", item 2): the
# labels-only ResNet-8 of the offline protocol (600 Fashion-MNIST images per class, one-cycle, fastai SGD), validated on
# 1,000 HELD-OUT TRAINING images per class (--holdout 1000: 10,000 images, as many as the test split; the test split is
# not looked at), three seeds. Epochs 15, 30, 60 and 120 at peak lr 0.2 (sweep.csv
# chose the peak lr at 30 epochs).
# Two runs at a time, one CPU thread each. Run from the repository root (resumable; about 30 minutes on 2 CPU cores):
#   bash nbs/experiments/results/baseline_sweep/run_converged.sh
set -euo pipefail
HERE=nbs/experiments/results/baseline_sweep; OUT=${OUT:-runs/baseline_sweep_converged}
export KD_NB_PROGRESS=plain MPLBACKEND=Agg
one() {   # seed lr epochs: one labels-only run, one CPU thread (two run at a time)
  local d="$OUT/lr$2_e$3"; mkdir -p "$d"
  OMP_NUM_THREADS=1 .venv/bin/kd_nb_distill --method none --holdout 1000 --lr "$2" --epochs "$3" --seed "$1" --out "$d" \
    > "$d/seed$1.log" 2>&1 || echo "run lr $2 epochs $3 seed $1 failed: see $d/seed$1.log"
}
export -f one; export OUT
for seed in 0 1 2; do for cfg in "0.2 120" "0.2 60" "0.2 30" "0.2 15"; do echo "$seed $cfg"; done; done |
  xargs -P 2 -L 1 bash -c 'one $0 $1 $2'
.venv/bin/python - "$OUT" "$HERE/converged.csv" <<'PY'
import sys, csv
from pathlib import Path
from kd_nb.checkpoints import read_checkpoint
rows = []
for f in sorted(Path(sys.argv[1]).glob('lr*_e*/resnet8_none_seed*.pth')):
    ck = read_checkpoint(f); r, h, env = ck['recipe'], ck['history'], ck['env']
    rows.append(dict(lr=r['lr'], epochs=r['epochs'], seed=ck['seed'], holdout_acc_last=h[-1]['accuracy'],
                     holdout_acc_best=max(x['accuracy'] for x in h), sec_per_epoch=sum(ck['epoch_seconds']) / len(ck['epoch_seconds']),
                     threads=env['threads'], precision=env['precision'], channels_last=env['channels_last'], compile=env['compile'],
                     torch=env['torch'], kd_nb=env['kd_nb']))
with open(sys.argv[2], 'w', newline='') as fh:
    w = csv.DictWriter(fh, list(rows[0])); w.writeheader(); w.writerows(rows)
print(open(sys.argv[2]).read())
PY
