#!/usr/bin/env bash
# Baseline tuning sweep of the offline protocol (issue 10, "a fair baseline"): the labels-only ResNet-8 on 600
# Fashion-MNIST images per class, validated on 100 HELD-OUT TRAINING images per class (--holdout 100; the test split is
# not looked at), one seed. Grid: optimiser x peak lr x epochs (one-cycle). Writes sweep.csv next to this script.
# Run from the repository root: bash nbs/experiments/results/baseline_sweep/run_sweep.sh  (about 20-30 min on 2 CPU cores)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); OUT=${OUT:-runs/baseline_sweep}
export KD_NB_PROGRESS=plain MPLBACKEND=Agg
for cfg in "fastai_sgd 0.05 15" "fastai_sgd 0.1 15" "fastai_sgd 0.2 15" "fastai_sgd 0.05 30" "fastai_sgd 0.1 30" "fastai_sgd 0.2 30" \
           "sgd 0.1 15" "sgd 0.1 30"; do
  set -- $cfg
  mkdir -p "$OUT"
  .venv/bin/kd_nb_distill --method none --holdout 100 --opt "$1" --lr "$2" --epochs "$3" --out "$OUT/${1}_lr$2_e$3" \
    > "$OUT/${1}_lr$2_e$3.log" 2>&1 || echo "run $cfg failed: see $OUT/${1}_lr$2_e$3.log"
done
.venv/bin/python - "$OUT" "$HERE/sweep.csv" <<'PY'
import sys, csv, torch
from pathlib import Path
rows = []
for d in sorted(p for p in Path(sys.argv[1]).iterdir() if p.is_dir()):
    f = d/'resnet8_none_seed0.pth'
    if not f.exists(): continue
    ck = torch.load(f, weights_only=False)
    r = ck['recipe']; h = ck['history']
    rows.append(dict(opt=r['opt'], lr=r['lr'], epochs=r['epochs'], holdout_acc_last=h[-1]['accuracy'],
                     holdout_acc_best=max(x['accuracy'] for x in h), holdout_acc_epoch_before_last=h[-2]['accuracy'] if len(h) > 1 else None,
                     sec_per_epoch=sum(ck['epoch_seconds'])/len(ck['epoch_seconds'])))
with open(sys.argv[2], 'w', newline='') as fh:
    w = csv.DictWriter(fh, list(rows[0])); w.writeheader(); w.writerows(rows)
print(open(sys.argv[2]).read())
PY
