#!/usr/bin/env bash
# The converged student schedule (issue "an offline benchmark that can test what the papers claim", item 2): the
# labels-only ResNet-8 of the offline protocol (600 Fashion-MNIST images per class, one-cycle, fastai SGD), validated on
# 1,000 HELD-OUT TRAINING images per class (--holdout 1000: 10,000 images, as many as the test split; the test split is
# not looked at), three seeds. Epochs 15, 30, 60, 120 at peak lr 0.2, and peak lr 0.1 and 0.4 at 60 epochs.
# Run from the repository root (resumable; about 50 minutes on 2 CPU cores):
#   bash nbs/experiments/results/baseline_sweep/run_converged.sh
set -euo pipefail
HERE=nbs/experiments/results/baseline_sweep; OUT=${OUT:-runs/baseline_sweep_converged}
export KD_NB_PROGRESS=plain MPLBACKEND=Agg
for seed in 0 1 2; do
  for cfg in "0.2 15" "0.2 30" "0.2 60" "0.2 120" "0.1 60" "0.4 60"; do
    set -- $cfg
    d="$OUT/lr$1_e$2"; mkdir -p "$d"
    .venv/bin/kd_nb_distill --method none --holdout 1000 --lr "$1" --epochs "$2" --seed "$seed" --out "$d" \
      > "$d/seed$seed.log" 2>&1 || echo "run lr $1 epochs $2 seed $seed failed: see $d/seed$seed.log"
  done
done
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
