#!/usr/bin/env bash
# How long the Fashion-MNIST teachers train (issue "an offline benchmark that can test what the papers claim", item 1):
# the ResNet-20 teacher on 54,000 training images (5,400 per class), validated on the other 6,000 (--holdout 600: the
# test split is not looked at), one-cycle, fastai SGD, peak lr 0.1, for 15, 30 and 60 epochs. The shipped teachers train
# on all 60,000 images for the number of epochs after which more epochs no longer raise the held-out accuracy.
# Run from the repository root (resumable; about 70 minutes on 2 CPU cores):
#   bash nbs/experiments/results/teacher_schedule/run.sh
set -euo pipefail
HERE=nbs/experiments/results/teacher_schedule; OUT=${OUT:-runs/teacher_schedule_cli}
export KD_NB_PROGRESS=plain MPLBACKEND=Agg
mkdir -p "$OUT"
for e in 15 30 60; do
  .venv/bin/kd_nb_train_teacher --arch resnet20 --subset 5400 --holdout 600 --epochs "$e" --lr 0.1 \
    --out "$OUT/resnet20_holdout_e$e.pth" > "$OUT/resnet20_holdout_e$e.log" 2>&1
done
.venv/bin/python - "$OUT" "$HERE/curves.csv" <<'PY'
import sys, csv
from pathlib import Path
from kd_nb.checkpoints import read_checkpoint
rows = []
for f in sorted(Path(sys.argv[1]).glob('resnet20_holdout_e*.pth')):
    ck = read_checkpoint(f)
    for h, s, env in zip(ck['history'], ck['epoch_seconds'], ck['epoch_env']):
        rows.append(dict(arch=ck['arch'], schedule_epochs=ck['recipe']['epochs'], lr=ck['recipe']['lr'], epoch=h['epoch'] + 1,
                         holdout_acc=h['accuracy'], train_loss=h['train_loss'], valid_loss=h['valid_loss'], seconds=s,
                         threads=env['threads'], precision=env['precision'], compile=env['compile'], kd_nb=env['kd_nb']))
with open(sys.argv[2], 'w', newline='') as fh:
    w = csv.DictWriter(fh, list(rows[0])); w.writeheader(); w.writerows(rows)
print(open(sys.argv[2]).read())
PY
